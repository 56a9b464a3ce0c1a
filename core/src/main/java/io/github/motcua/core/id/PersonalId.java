package io.github.motcua.core.id;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.internal.Text;
import io.github.motcua.core.privacy.Masking;
import java.time.Clock;
import java.time.Year;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A personal identification number (số định danh cá nhân), the 12 digits printed on the citizen
 * identity card (CCCD, căn cước) and used by VNeID.
 *
 * <p>Structure (Law on Identification 2023, Article 12: 12 digits set by the national population
 * database; the codes inside it were laid down by Decree 137/2015/NĐ-CP, Article 13, and Circular
 * 07/2016/TT-BCA, Article 7, replaced by Circular 59/2021/TT-BCA; docs/domain.md §2): digits 1-3
 * are the province or country where the birth was registered; digit 4 encodes sex and century (even
 * male, odd female; {@code 0}/{@code 1} for 1900-1999, {@code 2}/{@code 3} for 2000-2099; higher
 * digits denote centuries that have not begun and are rejected); digits 5-6 are the last two digits
 * of the birth year; digits 7-12 are random. There is no check digit, so a well-formed number can
 * still be one that was never issued.
 *
 * <p>A personal ID is personal data (Decree 13/2023/NĐ-CP). {@link #toString()} returns the {@link
 * #masked()} form; only {@link #value()} gives the whole number. Exceptions never contain it.
 *
 * <p>Immutable and thread-safe; equality is on the value.
 */
public final class PersonalId {

  private static final String KIND = "personal-id";

  /**
   * The 63 province codes in use before the 2025 reorganisation (first published with Circular
   * 07/2016/TT-BCA, since replaced; the codes are unchanged). Numbers issued since 1 July 2025 keep
   * these codes; whether new codes will appear is not known.
   */
  private static final Map<String, String> PROVINCES =
      Map.ofEntries(
          Map.entry("001", "Hà Nội"),
          Map.entry("002", "Hà Giang"),
          Map.entry("004", "Cao Bằng"),
          Map.entry("006", "Bắc Kạn"),
          Map.entry("008", "Tuyên Quang"),
          Map.entry("010", "Lào Cai"),
          Map.entry("011", "Điện Biên"),
          Map.entry("012", "Lai Châu"),
          Map.entry("014", "Sơn La"),
          Map.entry("015", "Yên Bái"),
          Map.entry("017", "Hòa Bình"),
          Map.entry("019", "Thái Nguyên"),
          Map.entry("020", "Lạng Sơn"),
          Map.entry("022", "Quảng Ninh"),
          Map.entry("024", "Bắc Giang"),
          Map.entry("025", "Phú Thọ"),
          Map.entry("026", "Vĩnh Phúc"),
          Map.entry("027", "Bắc Ninh"),
          Map.entry("030", "Hải Dương"),
          Map.entry("031", "Hải Phòng"),
          Map.entry("033", "Hưng Yên"),
          Map.entry("034", "Thái Bình"),
          Map.entry("035", "Hà Nam"),
          Map.entry("036", "Nam Định"),
          Map.entry("037", "Ninh Bình"),
          Map.entry("038", "Thanh Hóa"),
          Map.entry("040", "Nghệ An"),
          Map.entry("042", "Hà Tĩnh"),
          Map.entry("044", "Quảng Bình"),
          Map.entry("045", "Quảng Trị"),
          Map.entry("046", "Thừa Thiên Huế"),
          Map.entry("048", "Đà Nẵng"),
          Map.entry("049", "Quảng Nam"),
          Map.entry("051", "Quảng Ngãi"),
          Map.entry("052", "Bình Định"),
          Map.entry("054", "Phú Yên"),
          Map.entry("056", "Khánh Hòa"),
          Map.entry("058", "Ninh Thuận"),
          Map.entry("060", "Bình Thuận"),
          Map.entry("062", "Kon Tum"),
          Map.entry("064", "Gia Lai"),
          Map.entry("066", "Đắk Lắk"),
          Map.entry("067", "Đắk Nông"),
          Map.entry("068", "Lâm Đồng"),
          Map.entry("070", "Bình Phước"),
          Map.entry("072", "Tây Ninh"),
          Map.entry("074", "Bình Dương"),
          Map.entry("075", "Đồng Nai"),
          Map.entry("077", "Bà Rịa - Vũng Tàu"),
          Map.entry("079", "Hồ Chí Minh"),
          Map.entry("080", "Long An"),
          Map.entry("082", "Tiền Giang"),
          Map.entry("083", "Bến Tre"),
          Map.entry("084", "Trà Vinh"),
          Map.entry("086", "Vĩnh Long"),
          Map.entry("087", "Đồng Tháp"),
          Map.entry("089", "An Giang"),
          Map.entry("091", "Kiên Giang"),
          Map.entry("092", "Cần Thơ"),
          Map.entry("093", "Hậu Giang"),
          Map.entry("094", "Sóc Trăng"),
          Map.entry("095", "Bạc Liêu"),
          Map.entry("096", "Cà Mau"));

  /** The highest century digit accepted: {@code 3} (female, 2000-2099). */
  private static final int MAX_CENTURY_DIGIT = 3;

  private final String value;

  private PersonalId(String value) {
    this.value = value;
  }

  /**
   * Parses a personal ID, checking the birth year against the system clock.
   *
   * @param text the number; whitespace anywhere is ignored
   * @return the personal ID
   * @throws InvalidInputException when the text breaks a rule: {@code personal-id.empty}, {@code
   *     personal-id.characters}, {@code personal-id.length}, {@code personal-id.century}, {@code
   *     personal-id.birth-year}
   */
  public static PersonalId parse(String text) {
    return parse(text, Clock.systemDefaultZone());
  }

  /**
   * Parses a personal ID, checking that the encoded birth year is not after the clock's current
   * year.
   *
   * @param text the number; whitespace anywhere is ignored
   * @param clock the clock that tells the current year
   * @return the personal ID
   * @throws InvalidInputException when the text breaks a rule (see {@link #parse(String)})
   */
  public static PersonalId parse(String text, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    if (text == null || Text.stripAllWhitespace(text).isEmpty()) {
      throw new InvalidInputException(KIND + "." + "empty", "A personal ID is required.");
    }
    String digits = Text.stripAllWhitespace(text);
    if (!Text.isAsciiDigits(digits)) {
      throw new InvalidInputException(
          KIND + "." + "characters", "A personal ID consists of digits only.");
    }
    if (digits.length() != 12) {
      throw new InvalidInputException(
          KIND + "." + "length",
          "A personal ID has 12 digits; this one has " + digits.length() + ".");
    }
    int centuryDigit = digits.charAt(3) - '0';
    if (centuryDigit > MAX_CENTURY_DIGIT) {
      throw new InvalidInputException(
          KIND + "." + "century",
          "The fourth digit of a personal ID encodes sex and century and must be 0-3 (1900-2099);"
              + " it is "
              + centuryDigit
              + ".");
    }
    int birthYear = birthYearOf(digits);
    int currentYear = Year.now(clock).getValue();
    if (birthYear > currentYear) {
      throw new InvalidInputException(
          KIND + "." + "birth-year",
          "A personal ID encodes a birth year (" + birthYear + ") after the current year.");
    }
    return new PersonalId(digits);
  }

  /**
   * Tells whether the text is a valid personal ID (see {@link #parse(String)}).
   *
   * @param text the text, may be null
   * @return true when {@link #parse(String)} would succeed
   */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  private static int birthYearOf(String digits) {
    int centuryDigit = digits.charAt(3) - '0';
    int century = 1900 + 100 * (centuryDigit / 2);
    return century + Integer.parseInt(digits.substring(4, 6));
  }

  /**
   * Returns the whole number. Personal data: never log it.
   *
   * @return the 12 digits
   */
  public String value() {
    return value;
  }

  /**
   * Returns the code of the place where the birth was registered: a province code, or a country
   * code when the first digit is not {@code 0}.
   *
   * @return the first three digits
   */
  public String birthPlaceCode() {
    return value.substring(0, 3);
  }

  /**
   * Returns the name of the province where the birth was registered, for the 63 pre-2025 codes.
   *
   * @return the province name, or empty for an unknown or foreign code
   */
  public Optional<String> birthProvinceName() {
    return Optional.ofNullable(PROVINCES.get(birthPlaceCode()));
  }

  /**
   * Returns the sex encoded in the fourth digit.
   *
   * @return {@link Sex#MALE} for an even digit, {@link Sex#FEMALE} for an odd one
   */
  public Sex sex() {
    return (value.charAt(3) - '0') % 2 == 0 ? Sex.MALE : Sex.FEMALE;
  }

  /**
   * Returns the birth year encoded in digits 4 to 6.
   *
   * @return the four-digit year
   */
  public int birthYear() {
    return birthYearOf(value);
  }

  /**
   * Returns the masked form, safe for logs: the first and last three digits, the rest as stars.
   *
   * @return for example {@code 038******123}
   */
  public String masked() {
    return Masking.personalId(value);
  }

  /**
   * Returns the masked form ({@link #masked()}); a whole personal ID never reaches a log by
   * accident.
   */
  @Override
  public String toString() {
    return masked();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonalId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
