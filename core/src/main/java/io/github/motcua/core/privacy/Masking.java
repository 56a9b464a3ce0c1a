package io.github.motcua.core.privacy;

import java.util.Optional;

/**
 * The one place where motcua masks personal data for logs, exception messages and {@code
 * toString()}: one output per kind of value, the same in every module (documented in core's
 * README). Integrators may use it to mask their own logs the same way.
 *
 * <table>
 *   <caption>Masked forms</caption>
 *   <tr><th>Kind</th><th>Method</th><th>Example</th></tr>
 *   <tr><td>full name (person or organisation)</td><td>{@link #fullName}</td>
 *       <td>{@code Nguyễn Văn An} → {@code N* V* A*}</td></tr>
 *   <tr><td>personal ID (12 digits)</td><td>{@link #personalId}</td>
 *       <td>{@code 038203001234} → {@code 038******234}</td></tr>
 *   <tr><td>personal tax code</td><td>{@link #taxCode}</td>
 *       <td>{@code 8012345678} → {@code 801****678}</td></tr>
 *   <tr><td>phone number</td><td>{@link #phone}</td>
 *       <td>{@code 0912345678} → {@code ***678}</td></tr>
 *   <tr><td>e-mail address</td><td>{@link #email}</td>
 *       <td>{@code an@example.vn} → {@code ***@example.vn}</td></tr>
 *   <tr><td>token, subject, session id</td><td>{@link #token}</td>
 *       <td>{@code 3f9a0c1d2e} → {@code 3f9a***}</td></tr>
 *   <tr><td>other identifier</td><td>{@link #identifier}</td>
 *       <td>{@code (ABCD1234, 2, 2)} → {@code AB****34}</td></tr>
 *   <tr><td>optional contact detail</td><td>{@link #presence}</td>
 *       <td>present → {@code ***}, absent → {@code -}</td></tr>
 * </table>
 *
 * <p>Every method accepts null and returns {@code null} (the text), so a {@code toString()} never
 * throws. Stateless and thread-safe.
 */
public final class Masking {

  private static final String HIDDEN = "***";

  private Masking() {}

  /**
   * Masks a person's or an organisation's name: the first letter of each word and a star; word
   * lengths are not shown.
   *
   * @param name the name, may be null
   * @return for example {@code N* V* A*} for {@code Nguyễn Văn An}
   */
  public static String fullName(String name) {
    if (name == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    for (String word : name.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.appendCodePoint(word.codePointAt(0)).append('*');
    }
    return out.toString();
  }

  /**
   * Masks a personal identification number: the first and last three digits, a star for each other.
   *
   * @param digits the number, may be null
   * @return for example {@code 038******234}
   */
  public static String personalId(String digits) {
    return identifier(digits, 3, 3);
  }

  /**
   * Masks a personal tax code (an enterprise's tax code is public and is not masked): the first and
   * last three characters, a star for each other.
   *
   * @param taxCode the tax code, may be null
   * @return for example {@code 801****678}
   */
  public static String taxCode(String taxCode) {
    return identifier(taxCode, 3, 3);
  }

  /**
   * Masks a phone number: three stars and the last three digits.
   *
   * @param phone the phone number, may be null
   * @return for example {@code ***678}; {@code ***} for three characters or fewer
   */
  public static String phone(String phone) {
    if (phone == null) {
      return "null";
    }
    return phone.length() <= 3 ? HIDDEN : HIDDEN + phone.substring(phone.length() - 3);
  }

  /**
   * Masks an e-mail address: three stars and the domain.
   *
   * @param email the address, may be null
   * @return for example {@code ***@example.vn}; {@code ***} without an {@code @}
   */
  public static String email(String email) {
    if (email == null) {
      return "null";
    }
    int at = email.lastIndexOf('@');
    return at < 0 ? HIDDEN : HIDDEN + email.substring(at);
  }

  /**
   * Masks a token, a login subject or a session id: its first four characters and three stars, so
   * that two log lines can be matched without the value being usable.
   *
   * @param token the token, may be null
   * @return for example {@code 3f9a***}; {@code ***} for four characters or fewer
   */
  public static String token(String token) {
    if (token == null) {
      return "null";
    }
    return token.length() <= 4 ? HIDDEN : token.substring(0, 4) + HIDDEN;
  }

  /**
   * Masks the middle of an identifier, keeping {@code head} leading and {@code tail} trailing
   * characters and showing a star for each hidden one.
   *
   * @param value the value, may be null
   * @param head how many leading characters to keep, zero or more
   * @param tail how many trailing characters to keep, zero or more
   * @return the masked value; all stars when the value is too short to keep anything
   */
  public static String identifier(String value, int head, int tail) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= head + tail) {
      return "*".repeat(value.length());
    }
    return value.substring(0, head)
        + "*".repeat(value.length() - head - tail)
        + value.substring(value.length() - tail);
  }

  /**
   * Shows only whether an optional detail (a phone, an e-mail, an address) is present.
   *
   * @param value the optional value, may be null
   * @return {@code ***} when present, {@code -} when absent
   */
  public static String presence(Optional<?> value) {
    return value != null && value.isPresent() ? HIDDEN : "-";
  }
}
