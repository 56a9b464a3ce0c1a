package io.github.motcua.core.id;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.internal.Text;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The code of a dossier (mã hồ sơ, số hồ sơ): the receiving agency's code, the receipt date and the
 * sequence number of the dossier, joined with dashes (Circular 01/2018/TT-VPCP, guiding the
 * one-stop-shop Decree 61/2018/NĐ-CP; docs/domain.md §2).
 *
 * <p>Two widths are written and both are parsed:
 *
 * <ul>
 *   <li>{@link Format#SHORT}, as one-stop-shop systems write it: {@code 000.00.31.H56-250815-0001},
 *       date as {@code yyMMdd} (years 2000-2099), sequence of at least 4 digits;
 *   <li>{@link Format#LONG}, as the national portal writes it: {@code G09.20-20260609-0092637},
 *       date as {@code yyyyMMdd}, sequence of at least 7 digits.
 * </ul>
 *
 * <p>The agency part is any {@link AgencyCode} (either order; a reserved level-1 letter is
 * refused). The sequence may grow beyond its padding (up to 12 digits) but is never zero. {@link
 * #of(AgencyCode, LocalDate, long)} writes the short form; {@link #of(AgencyCode, LocalDate, long,
 * Format)} writes either.
 *
 * <p>Immutable and thread-safe; equality is on the value as written.
 */
public final class DossierCode {

  /** How a dossier code writes its date and pads its sequence. */
  public enum Format {
    /** {@code yyMMdd} and a sequence zero-padded to at least 4 digits. */
    SHORT(6, 4),
    /** {@code yyyyMMdd} and a sequence zero-padded to at least 7 digits. */
    LONG(8, 7);

    private final int dateDigits;
    private final int sequenceDigits;

    Format(int dateDigits, int sequenceDigits) {
      this.dateDigits = dateDigits;
      this.sequenceDigits = sequenceDigits;
    }

    /**
     * Returns the minimum number of digits of the sequence.
     *
     * @return 4 or 7
     */
    public int sequenceDigits() {
      return sequenceDigits;
    }
  }

  private static final String KIND = "dossier-code";
  private static final int MAX_SEQUENCE_DIGITS = 12;

  private final String value;
  private final AgencyCode agency;
  private final LocalDate receivedOn;
  private final long sequence;
  private final Format format;

  private DossierCode(
      String value, AgencyCode agency, LocalDate receivedOn, long sequence, Format format) {
    this.value = value;
    this.agency = agency;
    this.receivedOn = receivedOn;
    this.sequence = sequence;
    this.format = format;
  }

  /**
   * Parses a dossier code in either form.
   *
   * @param text the code; whitespace is ignored
   * @return the dossier code
   * @throws InvalidInputException with code {@code dossier-code.empty}, {@code dossier-code.parts},
   *     {@code dossier-code.date}, {@code dossier-code.sequence}, or an {@code agency-code.*} code
   *     for the agency part
   */
  public static DossierCode parse(String text) {
    if (text == null || Text.stripAllWhitespace(text).isEmpty()) {
      throw new InvalidInputException(KIND + "." + "empty", "A dossier code is required.");
    }
    String code = Text.stripAllWhitespace(text);
    int lastDash = code.lastIndexOf('-');
    int dateDash = lastDash > 0 ? code.lastIndexOf('-', lastDash - 1) : -1;
    if (lastDash < 0 || dateDash <= 0 || code.indexOf('-') != dateDash) {
      throw new InvalidInputException(
          KIND + "." + "parts",
          "A dossier code is an agency code, a date and a sequence joined by two dashes.");
    }
    AgencyCode agency = AgencyCode.parse(code.substring(0, dateDash));
    String datePart = code.substring(dateDash + 1, lastDash);
    String sequencePart = code.substring(lastDash + 1);
    Format format;
    LocalDate date;
    if (!Text.isAsciiDigits(datePart) || (datePart.length() != 6 && datePart.length() != 8)) {
      throw new InvalidInputException(
          KIND + "." + "date", "The date of a dossier code is written yyMMdd or yyyyMMdd.");
    }
    try {
      if (datePart.length() == 6) {
        format = Format.SHORT;
        date =
            LocalDate.of(
                2000 + Integer.parseInt(datePart.substring(0, 2)),
                Integer.parseInt(datePart.substring(2, 4)),
                Integer.parseInt(datePart.substring(4, 6)));
      } else {
        format = Format.LONG;
        date =
            LocalDate.of(
                Integer.parseInt(datePart.substring(0, 4)),
                Integer.parseInt(datePart.substring(4, 6)),
                Integer.parseInt(datePart.substring(6, 8)));
      }
    } catch (DateTimeException e) {
      throw new InvalidInputException(
          KIND + "." + "date", "The date of a dossier code is not a calendar date.");
    }
    if (!Text.isAsciiDigits(sequencePart)
        || sequencePart.length() > MAX_SEQUENCE_DIGITS
        || Long.parseLong(sequencePart) == 0) {
      throw new InvalidInputException(
          KIND + "." + "sequence",
          "The sequence of a dossier code is a positive number of at most "
              + MAX_SEQUENCE_DIGITS
              + " digits.");
    }
    return new DossierCode(code, agency, date, Long.parseLong(sequencePart), format);
  }

  /**
   * Tells whether the text is a valid dossier code (see {@link #parse(String)}).
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

  /**
   * Writes a dossier code in the {@link Format#SHORT short form}.
   *
   * @param agency the receiving agency
   * @param receivedOn the receipt date, in the years 2000-2099
   * @param sequence the sequence number, at least 1
   * @return for example {@code 000.00.31.H56-250815-0001}
   */
  public static DossierCode of(AgencyCode agency, LocalDate receivedOn, long sequence) {
    return of(agency, receivedOn, sequence, Format.SHORT);
  }

  /**
   * Writes a dossier code in the given form.
   *
   * @param agency the receiving agency
   * @param receivedOn the receipt date (years 2000-2099 for the short form, 1000-9999 for the long)
   * @param sequence the sequence number, from 1 to 999,999,999,999
   * @param format the form to write
   * @return the dossier code
   * @throws InvalidInputException when the date or the sequence cannot be written
   */
  public static DossierCode of(
      AgencyCode agency, LocalDate receivedOn, long sequence, Format format) {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(receivedOn, "receivedOn");
    Objects.requireNonNull(format, "format");
    if (sequence < 1 || sequence > 999_999_999_999L) {
      throw new InvalidInputException(
          KIND + "." + "sequence", "The sequence of a dossier code is from 1 to 999999999999.");
    }
    int year = receivedOn.getYear();
    String date;
    if (format == Format.SHORT) {
      if (year < 2000 || year > 2099) {
        throw new InvalidInputException(
            KIND + "." + "date", "The short form of a dossier code holds years 2000 to 2099.");
      }
      date =
          String.format(
              "%02d%02d%02d", year - 2000, receivedOn.getMonthValue(), receivedOn.getDayOfMonth());
    } else {
      if (year < 1000 || year > 9999) {
        throw new InvalidInputException(
            KIND + "." + "date", "The long form of a dossier code holds years 1000 to 9999.");
      }
      date =
          String.format(
              "%04d%02d%02d", year, receivedOn.getMonthValue(), receivedOn.getDayOfMonth());
    }
    String seq = String.format("%0" + format.sequenceDigits + "d", sequence);
    return new DossierCode(
        agency.value() + "-" + date + "-" + seq, agency, receivedOn, sequence, format);
  }

  /**
   * Returns the code as written.
   *
   * @return for example {@code 000.00.31.H56-250815-0001}
   */
  public String value() {
    return value;
  }

  /**
   * Returns the receiving agency.
   *
   * @return the agency code part
   */
  public AgencyCode agency() {
    return agency;
  }

  /**
   * Returns the receipt date.
   *
   * @return the date part
   */
  public LocalDate receivedOn() {
    return receivedOn;
  }

  /**
   * Returns the sequence number.
   *
   * @return the sequence part as a number
   */
  public long sequence() {
    return sequence;
  }

  /**
   * Returns the form the code is written in.
   *
   * @return {@link Format#SHORT} or {@link Format#LONG}
   */
  public Format format() {
    return format;
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DossierCode other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
