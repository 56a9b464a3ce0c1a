package io.github.motcua.core.id;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.internal.Text;
import java.util.Optional;

/**
 * The code of an administrative procedure (mã thủ tục hành chính, mã TTHC) in the national database
 * of administrative procedures, in either form in use (docs/domain.md §2):
 *
 * <ul>
 *   <li>the national code, one digit, a dot and six digits: {@code 1.004227}, {@code 2.000908};
 *   <li>the extended local code a province publishes for its own instance of a procedure: the
 *       national code, a dot and the publishing agency's code with the level-1 code last, such as
 *       {@code 2.000488.000.00.00.H56} or {@code 1.001612.000.00.00.H48}.
 * </ul>
 *
 * <p>{@link #nationalCode()} gives the national part of either form, {@link #localAgency()} the
 * agency of an extended code. The meaning of the leading digit is not documented publicly.
 *
 * <p>Immutable and thread-safe; equality is on the value (the agency part of an extended code is
 * normalised like an {@link AgencyCode}; an extended code is not equal to its national part).
 */
public final class ProcedureCode {

  private static final String KIND = "procedure-code";
  private static final int NATIONAL_LENGTH = 8;

  private final String value;
  private final AgencyCode localAgency;

  private ProcedureCode(String value, AgencyCode localAgency) {
    this.value = value;
    this.localAgency = localAgency;
  }

  /**
   * Parses a procedure code in either form.
   *
   * @param text the code, such as {@code 1.004227} or {@code 2.000488.000.00.00.H56}; surrounding
   *     whitespace is ignored
   * @return the procedure code
   * @throws InvalidInputException with code {@code procedure-code.empty}, {@code
   *     procedure-code.format} or {@code procedure-code.agency} (an extension that is not an agency
   *     code with its level-1 code last)
   */
  public static ProcedureCode parse(String text) {
    if (text == null || text.strip().isEmpty()) {
      throw new InvalidInputException(KIND + "." + "empty", "A procedure code is required.");
    }
    String code = text.strip();
    if (code.length() < NATIONAL_LENGTH
        || code.charAt(1) != '.'
        || !Text.isAsciiDigits(code.substring(0, 1))
        || !Text.isAsciiDigits(code.substring(2, NATIONAL_LENGTH))
        || (code.length() > NATIONAL_LENGTH && code.charAt(NATIONAL_LENGTH) != '.')) {
      throw new InvalidInputException(
          KIND + "." + "format",
          "A procedure code is one digit, a dot and six digits (1.004227), optionally followed by"
              + " a dot and the publishing agency's code (1.004227.000.00.00.H56).");
    }
    if (code.length() == NATIONAL_LENGTH) {
      return new ProcedureCode(code, null);
    }
    String suffix = code.substring(NATIONAL_LENGTH + 1);
    AgencyCode agency;
    try {
      agency = AgencyCode.parse(suffix);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          KIND + "." + "agency",
          "The extension of a local procedure code is an agency code such as 000.00.00.H56 ("
              + e.code()
              + ").");
    }
    if (agency.order() != AgencyCode.Order.LEVEL_ONE_LAST) {
      throw new InvalidInputException(
          KIND + "." + "agency",
          "The extension of a local procedure code is an agency code with its level-1 code last,"
              + " such as 000.00.00.H56.");
    }
    return new ProcedureCode(code.substring(0, NATIONAL_LENGTH + 1) + agency.value(), agency);
  }

  /**
   * Tells whether the text is a valid procedure code (see {@link #parse(String)}).
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
   * Returns the code.
   *
   * @return for example {@code 1.004227} or {@code 2.000488.000.00.00.H56}
   */
  public String value() {
    return value;
  }

  /**
   * Returns the national code: this code itself, or the national part of an extended local code.
   *
   * @return for example {@code 2.000488}
   */
  public ProcedureCode nationalCode() {
    return localAgency == null
        ? this
        : new ProcedureCode(value.substring(0, NATIONAL_LENGTH), null);
  }

  /**
   * Returns the agency that published an extended local code.
   *
   * @return the agency, such as {@code 000.00.00.H56}, or empty for a national code
   */
  public Optional<AgencyCode> localAgency() {
    return Optional.ofNullable(localAgency);
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProcedureCode other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
