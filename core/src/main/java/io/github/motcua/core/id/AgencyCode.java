package io.github.motcua.core.id;

import io.github.motcua.core.id.internal.Text;
import java.util.List;
import java.util.Locale;

/**
 * An agency's electronic identifier (mã định danh điện tử của cơ quan, QCVN 102:2016/BTTTT amended
 * by Circular 01/2022/TT-BTTTT), such as {@code 000.00.31.H56} (a commune-level unit in a province)
 * or {@code 000.00.00.G09}.
 *
 * <p>The standard form has four dot-separated levels, lowest first: three digit groups of 3, 2 and
 * 2 digits, then the top level, a capital letter and two digits ({@code G} for central ministries
 * and agencies, {@code H} for provinces). Shorter codes with the letter level first, such as {@code
 * G09.20}, occur inside national dossier codes; they are accepted as well, and {@link
 * #isStandard()} tells the two apart. The structure is inferred from published examples, not read
 * in the standard itself.
 *
 * <p>Rules: 1 to 4 levels separated by single dots; exactly one level is a letter followed by two
 * digits; every other level is 2 or 3 digits. Parsing trims and upper-cases.
 *
 * <p>Immutable and thread-safe; equality is on the normalised {@link #value()}.
 */
public final class AgencyCode {

  private static final String KIND = "agency-code";

  private final String value;
  private final List<String> levels;

  private AgencyCode(String value, List<String> levels) {
    this.value = value;
    this.levels = levels;
  }

  /**
   * Parses an agency code.
   *
   * @param text the code, such as {@code 000.00.31.H56}
   * @return the agency code
   * @throws InvalidIdentifierException with code {@code agency-code.empty}, {@code
   *     agency-code.levels}, {@code agency-code.level-format} or {@code agency-code.top-level}
   */
  public static AgencyCode parse(String text) {
    if (text == null || Text.stripAllWhitespace(text).isEmpty()) {
      throw new InvalidIdentifierException(KIND, "empty", "An agency code is required.");
    }
    String normalised = Text.stripAllWhitespace(text).toUpperCase(Locale.ROOT);
    List<String> parts = List.of(normalised.split("\\.", -1));
    if (parts.size() > 4) {
      throw new InvalidIdentifierException(
          KIND, "levels", "An agency code has at most four dot-separated levels.");
    }
    int letterLevels = 0;
    for (String part : parts) {
      if (isLetterLevel(part)) {
        letterLevels++;
      } else if (!(Text.isAsciiDigits(part) && (part.length() == 2 || part.length() == 3))) {
        throw new InvalidIdentifierException(
            KIND,
            "level-format",
            "Each level of an agency code is 2 or 3 digits, or one letter and 2 digits.");
      }
    }
    if (letterLevels != 1) {
      throw new InvalidIdentifierException(
          KIND,
          "top-level",
          "An agency code has exactly one level made of a letter and two digits (such as H56).");
    }
    return new AgencyCode(normalised, parts);
  }

  /**
   * Tells whether the text is a valid agency code (see {@link #parse(String)}).
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

  private static boolean isLetterLevel(String part) {
    return part.length() == 3
        && part.charAt(0) >= 'A'
        && part.charAt(0) <= 'Z'
        && Text.isAsciiDigits(part.substring(1));
  }

  /**
   * Returns the normalised code.
   *
   * @return for example {@code 000.00.31.H56}
   */
  public String value() {
    return value;
  }

  /**
   * Returns the levels as written.
   *
   * @return an unmodifiable list, such as {@code [000, 00, 31, H56]}
   */
  public List<String> levels() {
    return levels;
  }

  /**
   * Tells whether the code has the standard four-level form {@code ddd.dd.dd.Ldd}.
   *
   * @return true for the standard form
   */
  public boolean isStandard() {
    return levels.size() == 4
        && levels.get(0).length() == 3
        && levels.get(1).length() == 2
        && levels.get(2).length() == 2
        && isLetterLevel(levels.get(3));
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgencyCode other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
