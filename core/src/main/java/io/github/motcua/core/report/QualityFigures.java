package io.github.motcua.core.report;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Rating.Satisfaction;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

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
 * @param synced received dossiers whose progress was published to the national portal, as the
 *     report's {@link ServiceQualityReport.Builder#publishedWhen publishedWhen} test tells (đồng
 *     bộ; docs/domain.md §9); zero when the report was computed without that test
 * @param reused received dossiers with a document reused from the applicant's data or taken from
 *     the national data store (tái sử dụng dữ liệu, kết quả số hóa; docs/domain.md §9)
 * @param processingTime the time from acceptance to the result, summed over the handled dossiers
 *     (thời gian giải quyết); not null, zero or more
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
    Map<Satisfaction, Long> ratings,
    long synced,
    long reused,
    Duration processingTime) {

  /**
   * Copies the distribution of ratings and fills in missing levels with zero.
   *
   * @throws InvalidInputException with code {@code quality-figures.ratings} when the distribution
   *     does not add up to {@code rated}
   */
  public QualityFigures {
    Map<Satisfaction, Long> all = new EnumMap<>(Satisfaction.class);
    for (Satisfaction s : Satisfaction.values()) {
      all.put(s, ratings == null ? 0L : ratings.getOrDefault(s, 0L));
    }
    if (all.values().stream().mapToLong(Long::longValue).sum() != rated) {
      throw new InvalidInputException(
          "quality-figures.ratings", "The distribution of ratings adds up to the number rated.");
    }
    ratings = Map.copyOf(all);
    if (synced < 0 || synced > received || reused < 0 || reused > received) {
      throw new InvalidInputException(
          "quality-figures.range", "Synced and reused dossiers are counted among those received.");
    }
    if (processingTime == null || processingTime.isNegative()) {
      throw new InvalidInputException(
          "quality-figures.processing-time", "The total processing time is zero or more.");
    }
  }

  /**
   * Creates figures without the national index's sync, reuse and processing-time figures (all
   * zero).
   *
   * @param received received
   * @param receivedOnlineFull received full online
   * @param receivedOnlinePartial received partial online
   * @param handled handled
   * @param handledEarly handled early
   * @param handledOnTime handled on time
   * @param handledLate handled late
   * @param handledWithoutDueDate handled without a due date
   * @param inProgress in progress
   * @param overdue overdue
   * @param refused refused
   * @param withdrawn withdrawn
   * @param stopped stopped
   * @param digitised digitised
   * @param receivedWithFees received with fees
   * @param paidOnline paid online
   * @param rated rated
   * @param ratings the distribution of ratings
   */
  public QualityFigures(
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
    this(
        received,
        receivedOnlineFull,
        receivedOnlinePartial,
        handled,
        handledEarly,
        handledOnTime,
        handledLate,
        handledWithoutDueDate,
        inProgress,
        overdue,
        refused,
        withdrawn,
        stopped,
        digitised,
        receivedWithFees,
        paidOnline,
        rated,
        ratings,
        0,
        0,
        Duration.ZERO);
  }

  /**
   * Returns the share of received dossiers whose progress was published to the national portal (tỷ
   * lệ hồ sơ đồng bộ; docs/domain.md §9).
   *
   * @return synced / received
   */
  public Share syncShare() {
    return new Share(synced, received);
  }

  /**
   * Returns the share of received dossiers that reused digitised data or results (tỷ lệ tái sử
   * dụng; docs/domain.md §9).
   *
   * @return reused / received
   */
  public Share reuseShare() {
    return new Share(reused, received);
  }

  /**
   * Returns the average time from acceptance to the result of the handled dossiers (thời gian giải
   * quyết trung bình; docs/domain.md §9), in calendar time, truncated to the second.
   *
   * @return the average, empty when nothing was handled
   */
  public Optional<Duration> averageProcessingTime() {
    if (handled == 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(processingTime.getSeconds() / handled));
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
