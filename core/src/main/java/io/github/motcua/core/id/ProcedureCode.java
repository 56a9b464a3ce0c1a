package io.github.motcua.core.id;

import io.github.motcua.core.id.internal.Text;

/**
 * The code of an administrative procedure (mã thủ tục hành chính, mã TTHC) in the national database
 * of administrative procedures, such as {@code 1.004227} or {@code 2.000908}: one digit, a dot and
 * six digits. The meaning of the leading digit is not documented publicly.
 *
 * <p>Immutable and thread-safe; equality is on the value.
 */
public final class ProcedureCode {

  private static final String KIND = "procedure-code";

  private final String value;

  private ProcedureCode(String value) {
    this.value = value;
  }

  /**
   * Parses a procedure code.
   *
   * @param text the code, such as {@code 1.004227}; surrounding whitespace is ignored
   * @return the procedure code
   * @throws InvalidIdentifierException with code {@code procedure-code.empty} or {@code
   *     procedure-code.format}
   */
  public static ProcedureCode parse(String text) {
    if (text == null || text.strip().isEmpty()) {
      throw new InvalidIdentifierException(KIND, "empty", "A procedure code is required.");
    }
    String code = text.strip();
    if (code.length() != 8
        || code.charAt(1) != '.'
        || !Text.isAsciiDigits(code.substring(0, 1))
        || !Text.isAsciiDigits(code.substring(2))) {
      throw new InvalidIdentifierException(
          KIND, "format", "A procedure code is one digit, a dot and six digits (1.004227).");
    }
    return new ProcedureCode(code);
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
    } catch (InvalidIdentifierException e) {
      return false;
    }
  }

  /**
   * Returns the code.
   *
   * @return for example {@code 1.004227}
   */
  public String value() {
    return value;
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
