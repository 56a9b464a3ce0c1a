package io.github.motcua.core.internal.jdbc;

import java.util.regex.Pattern;

/**
 * The prefix of a store's table and index names (default {@code motcua_}): a lower-case letter,
 * then up to 29 lower-case letters, digits or underscores. Nothing else may reach SQL text.
 */
public final class TablePrefix {

  /** The prefix the shipped SQL files are written with. */
  public static final String DEFAULT = "motcua_";

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");

  private TablePrefix() {}

  /**
   * Tells whether a prefix may be used.
   *
   * @param prefix the prefix; may be null
   * @return true when it is a lower-case letter, then up to 29 lower-case letters, digits or '_'
   */
  public static boolean isValid(String prefix) {
    return prefix != null && PREFIX.matcher(prefix).matches();
  }

  /**
   * Returns a prefix known to be valid.
   *
   * @param prefix the prefix
   * @return the same prefix
   * @throws IllegalArgumentException when it is not {@link #isValid valid}
   */
  static String check(String prefix) {
    if (!isValid(prefix)) {
      throw new IllegalArgumentException("Not a table prefix");
    }
    return prefix;
  }
}
