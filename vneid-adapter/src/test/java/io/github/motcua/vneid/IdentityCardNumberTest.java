package io.github.motcua.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The identity card (CMND) number: 9 digits, or 12 for the last series; hostile input refused. */
class IdentityCardNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"012345678", " 212571363 ", "001090012345"})
  void parsesNineOrTwelveDigits(String text) {
    IdentityCardNumber number = IdentityCardNumber.parse(text);
    assertThat(number.value()).isEqualTo(text.strip());
    assertThat(number).isEqualTo(IdentityCardNumber.parse(text.strip()));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "NULL, identity-card-number.length",
        "'', identity-card-number.length",
        "12345678, identity-card-number.length",
        "0123456789, identity-card-number.length",
        "01234567X, identity-card-number.digits",
        "０１２３４５６７８, identity-card-number.digits",
        "0123 4567, identity-card-number.digits"
      })
  void refusesAnythingElseWithoutRepeatingIt(String text, String code) {
    assertThatThrownBy(() -> IdentityCardNumber.parse(text))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              if (text != null && !text.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(text);
              }
            });
  }

  @Test
  void toStringIsMasked() {
    IdentityCardNumber number = IdentityCardNumber.parse("212571363");
    assertThat(number.masked()).isEqualTo("******363");
    assertThat(number.toString()).isEqualTo(number.masked()).doesNotContain("212571");
  }
}
