package io.github.motcua.core.report;

import io.github.motcua.core.dossier.Rating.Satisfaction;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of a service-quality report for one group of dossiers (all of them, one agency or one
 * procedure). What each figure counts is stated on {@link ServiceQualityReport}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param received dossiers submitted or handed in during the period (tiếp nhận)
 * @param receivedOnlineFull of those, submitted as a full online service (toàn trình)
 * @param receivedOnlinePartial of those, submitted as a partial online service (một phần)
 * @param handled dossiers finished with a result during the period (đã giải quyết)
 * @param handledEarly of those, finished on a day before the due day (trước hạn)
 * @param handledOnTime of those, finished on the due day, not after the due instant (đúng hạn)
 * @param handledLate of those, finished after the due instant (quá hạn)
 * @param handledWithoutDueDate of those, without a due date (procedure without a limit)
 * @param inProgress dossiers accepted and not yet finished, refused, withdrawn or stopped at the
 *     report's as-of instant, whatever period they were received in (đang giải quyết)
 * @param overdue of those, past their due instant at the as-of instant (quá hạn chưa giải quyết)
 * @param refused dossiers refused at reception during the period (từ chối tiếp nhận)
 * @param withdrawn dossiers withdrawn during the period (rút hồ sơ)
 * @param stopped dossiers whose processing was stopped during the period (dừng xử lý)
 * @param digitised received dossiers with a digitised component (số hóa)
 * @param receivedWithFees received dossiers with at least one fee or charge due
 * @param paidOnline received dossiers with at least one online payment (thanh toán trực tuyến)
 * @param rated dossiers rated during the period (đánh giá)
 * @param ratings the ratings of the period by level; every level present, zero when none
 */
public record QualityFigures(
    long received,
    long receivedOnlineFull,
    long receivedOnlinePartial,
    long handled,
    long handledEarly,
    long handledOnTime,
    long handledLate,
    long handledWithoutDueDate,
    long inProgress,
    long overdue,
    long refused,
    long withdrawn,
    long stopped,
    long digitised,
    long receivedWithFees,
    long paidOnline,
    long rated,
    Map<Satisfaction, Long> ratings) {

  /**
   * Copies the distribution of ratings and fills in missing levels with zero.
   *
   * @throws ReportException with code {@code quality-figures.ratings} when the distribution does
   *     not add up to {@code rated}
   */
  public QualityFigures {
    Map<Satisfaction, Long> all = new EnumMap<>(Satisfaction.class);
    for (Satisfaction s : Satisfaction.values()) {
      all.put(s, ratings == null ? 0L : ratings.getOrDefault(s, 0L));
    }
    if (all.values().stream().mapToLong(Long::longValue).sum() != rated) {
      throw new ReportException(
          "quality-figures.ratings", "The distribution of ratings adds up to the number rated.");
    }
    ratings = Map.copyOf(all);
  }

  /**
   * Returns the received dossiers submitted online, full or partial.
   *
   * @return the count
   */
  public long receivedOnline() {
    return receivedOnlineFull + receivedOnlinePartial;
  }

  /**
   * Returns the share of received dossiers submitted online (tỷ lệ hồ sơ trực tuyến).
   *
   * @return online / received
   */
  public Share onlineShare() {
    return new Share(receivedOnline(), received);
  }

  /**
   * Returns the share of handled dossiers with a due date finished early or on time (tỷ lệ đúng
   * hạn, trước hạn).
   *
   * @return (early + on time) / (early + on time + late)
   */
  public Share onTimeOrEarlyShare() {
    return new Share(handledEarly + handledOnTime, handledEarly + handledOnTime + handledLate);
  }

  /**
   * Returns the share of received dossiers with a digitised component (tỷ lệ số hóa).
   *
   * @return digitised / received
   */
  public Share digitisedShare() {
    return new Share(digitised, received);
  }

  /**
   * Returns the share of received dossiers with fees that were paid online (tỷ lệ thanh toán trực
   * tuyến).
   *
   * @return paid online / received with fees
   */
  public Share onlinePaymentShare() {
    return new Share(paidOnline, receivedWithFees);
  }

  /**
   * Returns the share of ratings that are satisfied or very satisfied (tỷ lệ hài lòng).
   *
   * @return (very satisfied + satisfied) / rated
   */
  public Share satisfactionShare() {
    return new Share(
        ratings.get(Satisfaction.VERY_SATISFIED) + ratings.get(Satisfaction.SATISFIED), rated);
  }
}
