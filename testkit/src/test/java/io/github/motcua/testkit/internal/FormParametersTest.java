package io.github.motcua.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fakes' one form parser, with the input a hostile or careless client sends. */
class FormParametersTest {

  @Test
  void decodesNamesAndValuesAndKeepsTheOrder() {
    assertThat(
            FormParameters.parse(
                "grant_type=client_credentials&&scope=a+b%20c&ho_ten=Nguy%E1%BB%85n&flag&k=a=b"))
        .containsExactly(
            java.util.Map.entry("grant_type", "client_credentials"),
            java.util.Map.entry("scope", "a b c"),
            java.util.Map.entry("ho_ten", "Nguyễn"),
            java.util.Map.entry("flag", ""),
            java.util.Map.entry("k", "a=b"));
  }

  @Test
  void readsNothingFromNothing() {
    assertThat(FormParameters.parse(null)).isEmpty();
    assertThat(FormParameters.parse("")).isEmpty();
    assertThat(FormParameters.parse("&&&")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"code=a&code=b", "code=a&c%6Fde=a", "state=1&x=2&state=1"})
  void refusesARepeatedParameterNamingIt(String text) {
    assertThatThrownBy(() -> FormParameters.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeats")
        .hasMessageMatching(".*'(code|state)'.*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"code=%zz", "code=a%", "code=%4", "c%g1de=a"})
  void refusesABrokenEscape(String text) {
    assertThatThrownBy(() -> FormParameters.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
