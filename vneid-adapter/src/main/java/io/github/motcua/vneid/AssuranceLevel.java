package io.github.motcua.vneid;

/**
 * The assurance level (mức độ) of an electronic identity under Decree 69/2024/NĐ-CP. Level 1
 * accounts are registered in the VNeID app with the personal identification number and a portrait;
 * level 2 accounts are verified in person at the police and carry the biometric data of the citizen
 * identity card.
 *
 * <p>The wire values that stand for each level ({@code LoA1}, {@code LoA2}, ...) are set by {@link
 * VneidProfile}.
 */
public enum AssuranceLevel {
  /** Level 1 (mức độ 1). */
  LEVEL_1,
  /** Level 2 (mức độ 2). */
  LEVEL_2;

  /**
   * Tells whether this level satisfies a required minimum.
   *
   * @param minimum the minimum level; not null
   * @return true when this level is the minimum or higher
   */
  public boolean isAtLeast(AssuranceLevel minimum) {
    return compareTo(minimum) >= 0;
  }
}
