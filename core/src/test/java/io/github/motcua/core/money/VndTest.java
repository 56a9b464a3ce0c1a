package io.github.motcua.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VndTest {

  @Test
  void writesTheAmountInWordsWithTheUnit() {
    assertThat(Vnd.of(1_284_000).inWords()).isEqualTo("Một triệu hai trăm tám mươi bốn nghìn đồng");
    assertThat(Vnd.of(0).inWords()).isEqualTo("Không đồng");
    assertThat(Vnd.of(-5_000).inWords()).isEqualTo("Âm năm nghìn đồng");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0 đ",
    "5, 5 đ",
    "999, 999 đ",
    "1000, 1.000 đ",
    "1284000, 1.284.000 đ",
    "-1284000, -1.284.000 đ",
    "9223372036854775807, 9.223.372.036.854.775.807 đ",
    "-9223372036854775808, -9.223.372.036.854.775.808 đ"
  })
  void formatsWithDotsBetweenGroups(long amount, String text) {
    assertThat(Vnd.of(amount).format()).isEqualTo(text);
    assertThat(Vnd.of(amount)).hasToString(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1284000|1284000",
        "1.284.000|1284000",
        "1.284.000 đ|1284000",
        "1,284,000 VND|1284000",
        "1 284 000 đồng|1284000",
        "  50.000đ |50000",
        "-5.000 đ|-5000",
        "0|0"
      })
  void parsesAmountsInFigures(String text, long amount) {
    assertThat(Vnd.parse(text)).isEqualTo(Vnd.of(amount));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "đ",
        "abc",
        "12a",
        "1.2e5",
        "--5",
        "5-",
        "1/2",
        "1.5",
        "1.2345",
        "1.284,000",
        "1284.000.0",
        ".000",
        "1..000"
      })
  void refusesTextThatIsNotAnAmount(String text) {
    assertThatThrownBy(() -> Vnd.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("vnd.format");
  }

  @Test
  void refusesAnAmountTooLargeToHold() {
    assertThatThrownBy(() -> Vnd.parse("99.999.999.999.999.999.999 đ"))
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("vnd.overflow");
  }

  @Test
  void addsSubtractsAndMultiplies() {
    assertThat(Vnd.of(50_000).plus(Vnd.of(25_000))).isEqualTo(Vnd.of(75_000));
    assertThat(Vnd.of(50_000).minus(Vnd.of(75_000))).isEqualTo(Vnd.of(-25_000));
    assertThat(Vnd.of(50_000).times(3)).isEqualTo(Vnd.of(150_000));
    assertThat(Vnd.of(50_000).minus(Vnd.of(50_000))).isSameAs(Vnd.ZERO);
    assertThat(Vnd.of(-1).isNegative()).isTrue();
    assertThat(Vnd.of(1)).isGreaterThan(Vnd.ZERO);
  }

  @Test
  void overflowThrowsInsteadOfWrapping() {
    Vnd max = Vnd.of(Long.MAX_VALUE);
    Vnd min = Vnd.of(Long.MIN_VALUE);
    for (Runnable overflow :
        new Runnable[] {
          () -> max.plus(Vnd.of(1)),
          () -> min.minus(Vnd.of(1)),
          () -> max.times(2),
          () -> min.times(-1)
        }) {
      assertThatThrownBy(overflow::run)
          .isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).code())
          .isEqualTo("vnd.overflow");
    }
  }
}
