package io.github.motcua.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One output per kind of value, as core's README documents it. */
class MaskingFormatsTest {

  @Test
  void aFullNameShowsTheFirstLetterOfEachWordAndNotItsLength() {
    assertThat(Masking.fullName("Nguyễn Văn An")).isEqualTo("N* V* A*");
    assertThat(Masking.fullName("  Công ty   TNHH\tBình An ")).isEqualTo("C* t* T* B* A*");
    assertThat(Masking.fullName("𠀀𠀁 An")).isEqualTo("𠀀* A*");
    assertThat(Masking.fullName("")).isEmpty();
    assertThat(Masking.fullName(null)).isEqualTo("null");
  }

  @Test
  void identifiersKeepTheirEnds() {
    assertThat(Masking.personalId("038203001234")).isEqualTo("038******234");
    assertThat(Masking.taxCode("8012345678")).isEqualTo("801****678");
    assertThat(Masking.identifier("ABCD1234", 2, 2)).isEqualTo("AB****34");
    assertThat(Masking.identifier("123456789", 0, 3)).isEqualTo("******789");
    assertThat(Masking.identifier("AB", 2, 2)).isEqualTo("**");
    assertThat(Masking.personalId(null)).isEqualTo("null");
  }

  @Test
  void contactDetailsAndTokens() {
    assertThat(Masking.phone("0912345678")).isEqualTo("***678");
    assertThat(Masking.phone("12")).isEqualTo("***");
    assertThat(Masking.email("an@example.vn")).isEqualTo("***@example.vn");
    assertThat(Masking.email("no-at-sign")).isEqualTo("***");
    assertThat(Masking.token("3f9a0c1d2e")).isEqualTo("3f9a***");
    assertThat(Masking.token("abcd")).isEqualTo("***");
    assertThat(Masking.presence(Optional.of("Số 1"))).isEqualTo("***");
    assertThat(Masking.presence(Optional.empty())).isEqualTo("-");
    assertThat(Masking.presence(null)).isEqualTo("-");
  }
}
