package io.github.motcua.core.report;

import io.github.motcua.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A share (tỷ lệ) as an exact fraction: how many of how many. The percentage is derived, so that
 * shares can be added up across agencies without rounding errors.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count the numerator, at least 0
 * @param of the denominator, at least {@code count}
 */
public record Share(long count, long of) {

  /**
   * Checks the fraction.
   *
   * @throws InvalidInputException with code {@code share.range}
   */
  public Share {
    if (count < 0 || of < count) {
      throw new InvalidInputException("share.range", "A share counts from 0 up to its total.");
    }
  }

  /**
   * Returns the percentage, rounded half-up to two decimals.
   *
   * @return the percentage, or empty when the denominator is zero
   */
  public Optional<BigDecimal> percent() {
    if (of == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(count)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP));
  }

  /**
   * Returns {@code count/of (percent%)}, or {@code 0/0 (-)}.
   *
   * @return the text form
   */
  @Override
  public String toString() {
    return count + "/" + of + " (" + percent().map(p -> p.toPlainString() + "%").orElse("-") + ")";
  }
}
