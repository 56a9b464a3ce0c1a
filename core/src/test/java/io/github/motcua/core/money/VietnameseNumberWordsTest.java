package io.github.motcua.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VietnameseNumberWordsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    // The examples of the convention.
    "0, không",
    "15, mười lăm",
    "21, hai mươi mốt",
    "24, hai mươi bốn",
    "1284000, một triệu hai trăm tám mươi bốn nghìn",
    // mười for 10-19, mươi from 20
    "10, mười",
    "11, mười một",
    "14, mười bốn",
    "19, mười chín",
    "20, hai mươi",
    "90, chín mươi",
    // mốt after a tens digit of 2 or more only
    "31, ba mươi mốt",
    "91, chín mươi mốt",
    "101, một trăm linh một",
    // lăm after a non-zero tens digit only
    "5, năm",
    "25, hai mươi lăm",
    "55, năm mươi lăm",
    "105, một trăm linh năm",
    "500, năm trăm",
    // bốn, never tư
    "4, bốn",
    "44, bốn mươi bốn",
    "404, bốn trăm linh bốn",
    // linh before a units digit after a zero tens digit
    "205, hai trăm linh năm",
    "909, chín trăm linh chín",
    "110, một trăm mười",
    "115, một trăm mười lăm",
    // không trăm in groups after the first non-zero group
    "1001, một nghìn không trăm linh một",
    "1010, một nghìn không trăm mười",
    "1015, một nghìn không trăm mười lăm",
    "1021, một nghìn không trăm hai mươi mốt",
    "1100, một nghìn một trăm",
    "5005, năm nghìn không trăm linh năm",
    "1050000, một triệu không trăm năm mươi nghìn",
    "1000001, một triệu không trăm linh một",
    "1000000001, một tỷ không trăm linh một",
    "2001000, hai triệu không trăm linh một nghìn",
    "2100000, hai triệu một trăm nghìn",
    // a leading group reads without không trăm
    "15000, mười lăm nghìn",
    "21000, hai mươi mốt nghìn",
    "105000, một trăm linh năm nghìn",
    // groups entirely zero are skipped
    "1000000, một triệu",
    "2000000000, hai tỷ",
    "1000000005, một tỷ không trăm linh năm",
    // beyond tỷ the reading recurses
    "1000000000000, một nghìn tỷ",
    "1000005000000000, một triệu không trăm linh năm tỷ",
    "1000000000000000000, một tỷ tỷ",
    "1234567891011, một nghìn hai trăm ba mươi bốn tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi mốt nghìn không trăm mười một",
    // negative
    "-1, âm một",
    "-21000, âm hai mươi mốt nghìn"
  })
  void spellsByTheConvention(long number, String words) {
    assertThat(VietnameseNumberWords.spell(number)).isEqualTo(words);
  }

  @Test
  void spellsTheExtremes() {
    String max =
        "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ"
            + " tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy";
    assertThat(VietnameseNumberWords.spell(Long.MAX_VALUE)).isEqualTo(max);
    assertThat(VietnameseNumberWords.spell(Long.MIN_VALUE))
        .isEqualTo("âm " + max.substring(0, max.length() - "bảy".length()) + "tám");
    assertThat(VietnameseNumberWords.spell(-Long.MAX_VALUE)).isEqualTo("âm " + max);
  }

  @Test
  void spellsRoundNumbersUpToTheLargestPowerOfTen() {
    List<String> expected =
        List.of(
            "một",
            "mười",
            "một trăm",
            "một nghìn",
            "mười nghìn",
            "một trăm nghìn",
            "một triệu",
            "mười triệu",
            "một trăm triệu",
            "một tỷ",
            "mười tỷ",
            "một trăm tỷ",
            "một nghìn tỷ",
            "mười nghìn tỷ",
            "một trăm nghìn tỷ",
            "một triệu tỷ",
            "mười triệu tỷ",
            "một trăm triệu tỷ",
            "một tỷ tỷ");
    long power = 1;
    for (String words : expected) {
      assertThat(VietnameseNumberWords.spell(power)).as("%d", power).isEqualTo(words);
      assertThat(VietnameseNumberWords.spell(-power)).isEqualTo("âm " + words);
      if (power <= Long.MAX_VALUE / 10) {
        power *= 10;
      }
    }
  }

  static LongStream seededNumbers() {
    Random random = new Random(1284000L);
    return LongStream.concat(
        LongStream.rangeClosed(-1100, 2100),
        LongStream.generate(
                () -> {
                  // Spread over every magnitude, with runs of zero digits.
                  long n = random.nextLong() >>> random.nextInt(64);
                  if (random.nextInt(4) == 0) {
                    long cut = (long) Math.pow(10, random.nextInt(18));
                    n = n / cut * cut + random.nextInt(10);
                  }
                  return random.nextBoolean() ? n : -n;
                })
            .limit(6000));
  }

  @ParameterizedTest
  @MethodSource("seededNumbers")
  void readsBackToTheSameNumber(long number) {
    String words = VietnameseNumberWords.spell(number);
    assertThat(readBack(words)).as(words).isEqualTo(BigInteger.valueOf(number));
    assertThat(words).doesNotContain("  ").doesNotStartWith(" ").doesNotEndWith(" ");
    assertThat(words)
        .doesNotContain(" tư")
        .doesNotContain("mười mốt")
        .doesNotContain("mươi một")
        .doesNotContain("mười năm")
        .doesNotContain("mươi năm")
        .doesNotContain("không mươi")
        .doesNotContain("một mươi");
    if (number != 0) {
      assertThat(words).doesNotEndWith("không");
    }
  }

  /** An independent reader of the words: the inverse of the convention. */
  private static BigInteger readBack(String words) {
    BigInteger total = BigInteger.ZERO;
    long group = 0;
    long small = 0;
    long pending = 0;
    boolean negative = false;
    List<String> digits =
        List.of("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín");
    for (String word : words.split(" ")) {
      switch (word) {
        case "âm" -> negative = true;
        case "mốt" -> pending = 1;
        case "lăm" -> pending = 5;
        case "linh" -> {}
        case "mười" -> small += 10;
        case "mươi" -> {
          small += pending * 10;
          pending = 0;
        }
        case "trăm" -> {
          small += pending * 100;
          pending = 0;
        }
        case "nghìn" -> {
          group += (small + pending) * 1000;
          small = pending = 0;
        }
        case "triệu" -> {
          group += (small + pending) * 1_000_000;
          small = pending = 0;
        }
        case "tỷ" -> {
          total =
              total
                  .add(BigInteger.valueOf(group + small + pending))
                  .multiply(BigInteger.valueOf(1_000_000_000));
          group = small = pending = 0;
        }
        default -> {
          int d = digits.indexOf(word);
          assertThat(d).as("unknown word '%s' in '%s'", word, words).isNotNegative();
          pending = d;
        }
      }
    }
    total = total.add(BigInteger.valueOf(group + small + pending));
    return negative ? total.negate() : total;
  }
}
