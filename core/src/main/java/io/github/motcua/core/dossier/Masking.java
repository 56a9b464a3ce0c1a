package io.github.motcua.core.dossier;

import java.util.Optional;

/** Masks personal data in {@code toString()}. Package-private. */
final class Masking {

  private Masking() {}

  /**
   * Masks a person's or an organisation's name: the first letter of each word and a star.
   *
   * @param name the name, may be null
   * @return for example {@code N* V* A*} for {@code Nguyễn Văn An}
   */
  public static String name(String name) {
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
   * Masks contact data: shows only whether it is present.
   *
   * @param value the optional value, may be null
   * @return {@code ***} when present, {@code -} when absent
   */
  public static String present(Optional<String> value) {
    return value != null && value.isPresent() ? "***" : "-";
  }
}
