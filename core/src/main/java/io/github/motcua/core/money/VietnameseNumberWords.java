package io.github.motcua.core.money;

/**
 * Reads whole numbers aloud in Vietnamese, as amounts are written in words on invoices and receipts
 * (Decree 123/2020/NĐ-CP).
 *
 * <p>The convention, which follows the wording of real Vietnamese invoices:
 *
 * <ul>
 *   <li>{@code mười} for 10-19, {@code mươi} from 20 ({@code mười lăm}, {@code hai mươi});
 *   <li>{@code mốt} for a units digit 1 after a tens digit of 2 or more ({@code hai mươi mốt}), but
 *       {@code một} after {@code mười} ({@code mười một});
 *   <li>{@code lăm} for a units digit 5 after a non-zero tens digit ({@code mười lăm}, {@code ba
 *       mươi lăm}), {@code năm} otherwise;
 *   <li>{@code bốn} always, never {@code tư};
 *   <li>{@code linh} for a zero tens digit before a non-zero units digit ({@code một trăm linh
 *       năm});
 *   <li>{@code không trăm} for a zero hundreds digit in any group after the first non-zero group
 *       ({@code một nghìn không trăm linh một}, {@code một triệu không trăm năm mươi nghìn});
 *   <li>groups that are entirely zero are skipped ({@code một triệu}, not {@code một triệu không
 *       nghìn});
 *   <li>the group units are {@code nghìn}, {@code triệu} and {@code tỷ}; beyond {@code tỷ} the
 *       reading recurses ({@code một nghìn tỷ}, {@code một tỷ tỷ});
 *   <li>zero is {@code không}; negative numbers are prefixed with {@code âm}.
 * </ul>
 *
 * <p>Words are lower case and separated by one space. Stateless and thread-safe.
 */
public final class VietnameseNumberWords {

  private static final String[] DIGITS = {
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"
  };
  private static final String[] GROUP_UNITS = {"", "nghìn", "triệu"};
  private static final long BILLION = 1_000_000_000L;

  private VietnameseNumberWords() {}

  /**
   * Returns the reading of a number.
   *
   * @param number any {@code long}, including {@link Long#MIN_VALUE}
   * @return the lower-case reading, such as {@code một triệu hai trăm tám mươi bốn nghìn}
   */
  public static String spell(long number) {
    if (number == 0) {
      return DIGITS[0];
    }
    StringBuilder out = new StringBuilder(64);
    if (number < 0) {
      out.append("âm ");
      if (number == Long.MIN_VALUE) {
        // |MIN_VALUE| does not fit a long: read it as (|MIN_VALUE| / 10) tens plus the last digit.
        appendPositive(out, -(number / BILLION), false);
        out.append(" tỷ");
        appendBelowBillion(out, -(number % BILLION), true);
        return out.toString();
      }
      number = -number;
    }
    appendPositive(out, number, false);
    return out.toString();
  }

  /** Appends the reading of {@code n > 0}; {@code seen} tells whether a higher group was read. */
  private static void appendPositive(StringBuilder out, long n, boolean seen) {
    if (n >= BILLION) {
      appendPositive(out, n / BILLION, seen);
      out.append(" tỷ");
      appendBelowBillion(out, n % BILLION, true);
    } else {
      appendBelowBillion(out, n, seen);
    }
  }

  private static void appendBelowBillion(StringBuilder out, long n, boolean seen) {
    int[] groups = {(int) (n / 1_000_000), (int) (n / 1_000 % 1_000), (int) (n % 1_000)};
    for (int i = 0; i < 3; i++) {
      int group = groups[i];
      if (group == 0) {
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
      appendGroup(out, group, seen);
      String unit = GROUP_UNITS[2 - i];
      if (!unit.isEmpty()) {
        out.append(' ').append(unit);
      }
      seen = true;
    }
  }

  /** Appends the reading of one group of three digits, {@code 1 <= group <= 999}. */
  private static void appendGroup(StringBuilder out, int group, boolean full) {
    int hundreds = group / 100;
    int tens = group / 10 % 10;
    int units = group % 10;
    boolean hundredsRead = full || hundreds > 0;
    StringBuilder words = new StringBuilder(32);
    if (hundredsRead) {
      words.append(DIGITS[hundreds]).append(" trăm");
    }
    if (tens == 0) {
      if (units != 0) {
        if (hundredsRead) {
          words.append(" linh");
        }
        words.append(' ').append(DIGITS[units]);
      }
    } else if (tens == 1) {
      words.append(" mười");
      if (units == 5) {
        words.append(" lăm");
      } else if (units != 0) {
        words.append(' ').append(DIGITS[units]);
      }
    } else {
      words.append(' ').append(DIGITS[tens]).append(" mươi");
      if (units == 1) {
        words.append(" mốt");
      } else if (units == 5) {
        words.append(" lăm");
      } else if (units != 0) {
        words.append(' ').append(DIGITS[units]);
      }
    }
    out.append(words.toString().strip());
  }
}
