package io.github.motcua.core.id;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.internal.Text;
import java.util.List;
import java.util.Locale;

/**
 * An agency's electronic identifier (mã định danh điện tử của cơ quan, tổ chức), such as {@code
 * 000.00.31.H56} or {@code G09.20}.
 *
 * <p>Two orders are in force and both are parsed (docs/domain.md §2):
 *
 * <ul>
 *   <li>{@link Order#LEVEL_ONE_LAST}, the technical regulation for document exchange (QCVN
 *       102:2016/BTTTT, issued by Circular 10/2016/TT-BTTTT and amended by Circular
 *       01/2022/TT-BTTTT), used by one-stop-shop systems: digit groups for the lower levels, lowest
 *       first, then the level-1 code: {@code 000.00.31.H56}, {@code 000.00.00.G09}. The usual
 *       four-level form has groups of 3, 2 and 2 digits ({@link #isStandard()}); each lower group
 *       here has 2 or 3 digits.
 *   <li>{@link Order#LEVEL_ONE_FIRST}, Decision 20/2020/QĐ-TTg (Article 4, as amended by Decision
 *       09/2025/QĐ-TTg): the level-1 code first, then the lower levels from left to right, each a
 *       group of digits and capital letters: {@code G09.20}, {@code H56.31.A1}. The national portal
 *       writes dossier codes with this order.
 * </ul>
 *
 * <p>Rules (Decision 20/2020/QĐ-TTg): at most 35 characters, only digits, capital letters A-Z and
 * dots; non-empty groups separated by single dots, as many levels as needed. The level-1 code is a
 * letter and two digits ({@code G} central ministries and agencies, {@code H} provincial people's
 * committees, {@code K} provincial people's councils, ...); the letter {@code Z} is reserved and
 * refused. Parsing removes whitespace and upper-cases; a level-1 code in the middle, which neither
 * order allows, is refused.
 *
 * <p>Immutable and thread-safe; equality is on the normalised {@link #value()}.
 */
public final class AgencyCode {

  /** Where the level-1 code stands. */
  public enum Order {
    /** Level 1 last, lower levels lowest first: {@code 000.00.31.H56} (QCVN 102:2016/BTTTT). */
    LEVEL_ONE_LAST,
    /** Level 1 first, lower levels after it: {@code G09.20} (Decision 20/2020/QĐ-TTg). */
    LEVEL_ONE_FIRST
  }

  /** The longest code, in characters (Decision 20/2020/QĐ-TTg). */
  public static final int MAX_LENGTH = 35;

  /** The level-1 letter no agency may have (reserved). */
  public static final char RESERVED_LETTER = 'Z';

  private static final String KIND = "agency-code";

  private final String value;
  private final List<String> levels;
  private final Order order;

  private AgencyCode(String value, List<String> levels, Order order) {
    this.value = value;
    this.levels = levels;
    this.order = order;
  }

  /**
   * Parses an agency code in either order.
   *
   * @param text the code, such as {@code 000.00.31.H56} or {@code G09.20}
   * @return the agency code
   * @throws InvalidInputException with code {@code agency-code.empty}, {@code agency-code.length},
   *     {@code agency-code.level-format}, {@code agency-code.top-level} (no level-1 code at either
   *     end) or {@code agency-code.reserved} (level-1 letter {@code Z})
   */
  public static AgencyCode parse(String text) {
    if (text == null || Text.stripAllWhitespace(text).isEmpty()) {
      throw new InvalidInputException(KIND + "." + "empty", "An agency code is required.");
    }
    String normalised = Text.stripAllWhitespace(text).toUpperCase(Locale.ROOT);
    if (normalised.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          KIND + "." + "length", "An agency code has at most " + MAX_LENGTH + " characters.");
    }
    List<String> parts = List.of(normalised.split("\\.", -1));
    for (String part : parts) {
      if (part.isEmpty() || !isAlphanumeric(part)) {
        throw new InvalidInputException(
            KIND + "." + "level-format",
            "The levels of an agency code are non-empty groups of digits and letters A-Z"
                + " separated by single dots.");
      }
    }
    String first = parts.get(0);
    String last = parts.get(parts.size() - 1);
    Order order;
    String levelOne;
    if (isLevelOneShape(first)) {
      order = Order.LEVEL_ONE_FIRST;
      levelOne = first;
    } else if (isLevelOneShape(last)) {
      order = Order.LEVEL_ONE_LAST;
      levelOne = last;
      for (String part : parts.subList(0, parts.size() - 1)) {
        if (!(Text.isAsciiDigits(part) && (part.length() == 2 || part.length() == 3))) {
          throw new InvalidInputException(
              KIND + "." + "level-format",
              "With the level-1 code last, each lower level of an agency code is 2 or 3 digits.");
        }
      }
    } else if (Character.isLetter(last.charAt(0))) {
      throw new InvalidInputException(
          KIND + "." + "level-format",
          "The level-1 code of an agency code is a letter and two digits (such as H56).");
    } else {
      throw new InvalidInputException(
          KIND + "." + "top-level",
          "An agency code begins or ends with its level-1 code, a letter and two digits (such as"
              + " H56).");
    }
    if (levelOne.charAt(0) == RESERVED_LETTER) {
      throw new InvalidInputException(
          KIND + "." + "reserved", "The level-1 letter Z of agency codes is reserved.");
    }
    return new AgencyCode(normalised, parts, order);
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
    } catch (InvalidInputException e) {
      return false;
    }
  }

  private static boolean isLevelOneShape(String part) {
    return part.length() == 3
        && part.charAt(0) >= 'A'
        && part.charAt(0) <= 'Z'
        && Text.isAsciiDigits(part.substring(1));
  }

  private static boolean isAlphanumeric(String part) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
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
   * Returns the groups as written, in the code's own order.
   *
   * @return an unmodifiable list, such as {@code [000, 00, 31, H56]} or {@code [G09, 20]}
   */
  public List<String> levels() {
    return levels;
  }

  /**
   * Returns where the level-1 code stands.
   *
   * @return {@link Order#LEVEL_ONE_LAST} or {@link Order#LEVEL_ONE_FIRST}
   */
  public Order order() {
    return order;
  }

  /**
   * Returns the level-1 code: the ministry, central agency or province the agency belongs to.
   *
   * @return a letter and two digits, such as {@code H56}
   */
  public String levelOne() {
    return order == Order.LEVEL_ONE_FIRST ? levels.get(0) : levels.get(levels.size() - 1);
  }

  /**
   * Tells whether the code has the usual four-level form {@code ddd.dd.dd.Ldd}.
   *
   * @return true for that form
   */
  public boolean isStandard() {
    return order == Order.LEVEL_ONE_LAST
        && levels.size() == 4
        && levels.get(0).length() == 3
        && levels.get(1).length() == 2
        && levels.get(2).length() == 2;
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
