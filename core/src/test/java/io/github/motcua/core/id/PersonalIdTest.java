package io.github.motcua.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalIdTest {

  private static final Clock CLOCK_2026 =
      Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC);

  /** The 63 pre-2025 province codes, written out independently of the production table. */
  private static final List<String> PROVINCE_CODES =
      List.of(
          "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
          "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
          "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
          "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
          "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

  @Test
  void decodesBirthPlaceSexAndYear() {
    PersonalId id = PersonalId.parse("038203001234", CLOCK_2026);
    assertThat(id.value()).isEqualTo("038203001234");
    assertThat(id.birthPlaceCode()).isEqualTo("038");
    assertThat(id.birthProvinceName()).contains("Thanh Hóa");
    assertThat(id.sex()).isEqualTo(Sex.MALE);
    assertThat(id.birthYear()).isEqualTo(2003);
  }

  @Test
  void oddCenturyDigitIsFemaleAndCenturyFollowsTheDigit() {
    assertThat(PersonalId.parse("001185000001", CLOCK_2026).sex()).isEqualTo(Sex.FEMALE);
    assertThat(PersonalId.parse("001185000001", CLOCK_2026).birthYear()).isEqualTo(1985);
    assertThat(PersonalId.parse("079099000001", CLOCK_2026).birthYear()).isEqualTo(1999);
    assertThat(PersonalId.parse("079300000001", CLOCK_2026).birthYear()).isEqualTo(2000);
    assertThat(PersonalId.parse("079300000001", CLOCK_2026).sex()).isEqualTo(Sex.FEMALE);
  }

  @Test
  void knowsAllSixtyThreeProvinces() {
    assertThat(PROVINCE_CODES).hasSize(63).doesNotHaveDuplicates();
    for (String code : PROVINCE_CODES) {
      assertThat(PersonalId.parse(code + "090000001", CLOCK_2026).birthProvinceName())
          .as(code)
          .isPresent();
    }
    assertThat(PersonalId.parse("096190000001", CLOCK_2026).birthProvinceName()).contains("Cà Mau");
  }

  @Test
  void unknownAndForeignCodesHaveNoProvinceName() {
    assertThat(PersonalId.parse("003090000001", CLOCK_2026).birthProvinceName()).isEmpty();
    assertThat(PersonalId.parse("840090000001", CLOCK_2026).birthProvinceName()).isEmpty();
    assertThat(PersonalId.parse("840090000001", CLOCK_2026).birthPlaceCode()).isEqualTo("840");
  }

  @Test
  void normalisesWhitespace() {
    assertThat(PersonalId.parse(" 038 203\u00a0001 234 \n", CLOCK_2026).value())
        .isEqualTo("038203001234");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void rejectsEmpty(String text) {
    assertRule(text, "personal-id.empty");
  }

  @Test
  void rejectsNull() {
    assertRule(null, "personal-id.empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"03820300123", "0382030012345", "038", "0382030012340000000000"})
  void rejectsWrongLength(String text) {
    assertRule(text, "personal-id.length");
  }

  @ParameterizedTest
  @ValueSource(strings = {"03820300123A", "038-203-001-234", "０３８２０３００１２３４", "038203001.34"})
  void rejectsNonDigits(String text) {
    assertRule(text, "personal-id.characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"038403001234", "038503001234", "038903001234"})
  void rejectsCenturyBeyondSupportedRange(String text) {
    assertRule(text, "personal-id.century");
  }

  @Test
  void rejectsBirthYearInTheFuture() {
    assertRule("038227001234", "personal-id.birth-year");
    assertThat(PersonalId.parse("038226001234", CLOCK_2026).birthYear()).isEqualTo(2026);
  }

  @Test
  void messagesNeverContainTheValue() {
    assertThatThrownBy(() -> PersonalId.parse("038227001234", CLOCK_2026))
        .hasMessageNotContaining("038227001234")
        .hasMessageContaining("2027");
  }

  @Test
  void toStringIsMasked() {
    PersonalId id = PersonalId.parse("038203001234", CLOCK_2026);
    assertThat(id.masked()).isEqualTo("038******234");
    assertThat(id.toString()).isEqualTo("038******234").doesNotContain("038203001234");
  }

  @Test
  void equalityIsOnTheValue() {
    assertThat(PersonalId.parse("038203001234", CLOCK_2026))
        .isEqualTo(PersonalId.parse("038 203 001 234", CLOCK_2026))
        .hasSameHashCodeAs(PersonalId.parse("038203001234", CLOCK_2026))
        .isNotEqualTo(PersonalId.parse("038203001235", CLOCK_2026));
  }

  @Test
  void isValidAnswersWithoutThrowing() {
    assertThat(PersonalId.isValid("038203001234")).isTrue();
    assertThat(PersonalId.isValid("038903001234")).isFalse();
    assertThat(PersonalId.isValid(null)).isFalse();
  }

  static Stream<Arguments> generatedValidIds() {
    Random random = new Random(20260101L);
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String place =
          random.nextInt(10) == 0
              ? String.format("%03d", 100 + random.nextInt(900))
              : PROVINCE_CODES.get(random.nextInt(PROVINCE_CODES.size()));
      int year = 1900 + random.nextInt(2026 - 1900 + 1);
      boolean female = random.nextBoolean();
      int centuryDigit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
      String tail = String.format("%06d", random.nextInt(1_000_000));
      String id = place + centuryDigit + String.format("%02d", year % 100) + tail;
      cases.add(Arguments.of(id, place, year, female ? Sex.FEMALE : Sex.MALE));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("generatedValidIds")
  void decodesGeneratedValidIds(String text, String place, int year, Sex sex) {
    PersonalId id = PersonalId.parse(text, CLOCK_2026);
    assertThat(id.birthPlaceCode()).isEqualTo(place);
    assertThat(id.birthYear()).isEqualTo(year);
    assertThat(id.sex()).isEqualTo(sex);
    assertThat(id.birthProvinceName().isPresent()).isEqualTo(PROVINCE_CODES.contains(place));
    assertThat(id.toString()).doesNotContain(text.substring(3, 9));
  }

  static Stream<Arguments> generatedInvalidIds() {
    Random random = new Random(7L);
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String valid =
          "0"
              + String.format("%02d", random.nextInt(100))
              + random.nextInt(2)
              + String.format("%08d", random.nextInt(100_000_000));
      switch (i % 4) {
        case 0 -> {
          int length = random.nextInt(30);
          if (length == 12) {
            length = 13;
          }
          StringBuilder s = new StringBuilder();
          for (int k = 0; k < length; k++) {
            s.append((char) ('0' + random.nextInt(10)));
          }
          cases.add(
              Arguments.of(s.toString(), length == 0 ? "personal-id.empty" : "personal-id.length"));
        }
        case 1 -> {
          int at = random.nextInt(12);
          char bad = "abcXYZ-./+#é".charAt(random.nextInt(12));
          cases.add(
              Arguments.of(
                  valid.substring(0, at) + bad + valid.substring(at + 1),
                  "personal-id.characters"));
        }
        case 2 ->
            cases.add(
                Arguments.of(
                    valid.substring(0, 3) + (4 + random.nextInt(6)) + valid.substring(4),
                    "personal-id.century"));
        default ->
            cases.add(
                Arguments.of(
                    valid.substring(0, 3)
                        + (2 + random.nextInt(2))
                        + String.format("%02d", 27 + random.nextInt(73))
                        + valid.substring(6),
                    "personal-id.birth-year"));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("generatedInvalidIds")
  void rejectsGeneratedInvalidIdsWithTheBrokenRule(String text, String code) {
    assertRule(text, code);
  }

  private static void assertRule(String text, String code) {
    assertThatThrownBy(() -> PersonalId.parse(text, CLOCK_2026))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              InvalidInputException ex = (InvalidInputException) e;
              assertThat(ex.code()).isEqualTo(code);
              assertThat(ex.code()).startsWith("personal-id.");
              if (text != null && text.strip().length() >= 12) {
                assertThat(ex.getMessage()).doesNotContain(text.strip());
              }
            });
  }
}
