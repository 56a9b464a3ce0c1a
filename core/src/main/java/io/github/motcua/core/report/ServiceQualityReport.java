package io.github.motcua.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.Rating.Satisfaction;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.ProcedureCode;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The service-quality report of a period (báo cáo kết quả giải quyết thủ tục hành chính): the
 * figures a commune or a province reports and the shares the government's quality index uses
 * (online, on time or early, digitised, paid online, satisfied).
 *
 * <p>Computed in one pass over any {@link Iterable} or {@link Stream} of dossier snapshots, which
 * are read once and not kept. What is counted ({@link QualityFigures} names each figure):
 *
 * <ul>
 *   <li>received, online, digitised, with fees and paid online: dossiers whose {@code submittedAt}
 *       falls in the period;
 *   <li>handled and its early / on time / late split: dossiers whose {@code completedAt} falls in
 *       the period, classified by {@link Dossier#timeliness()};
 *   <li>refused, withdrawn, stopped: dossiers in that status whose last event falls in the period;
 *   <li>in progress and overdue: dossiers accepted by the as-of instant and not finished or ended
 *       by it, received in any period; overdue when their due instant is before the as-of instant;
 *   <li>rated and the distribution of ratings: ratings given in the period;
 *   <li>the national index's figures a commune's own data can produce (docs/domain.md §9): synced
 *       (received dossiers published to the national portal, when {@link Builder#publishedWhen} is
 *       set), reused (received dossiers with a reused document or one from the national data store)
 *       and the average processing time (acceptance to result, over the handled dossiers).
 * </ul>
 *
 * <p>Days are Vietnam days ({@link ReportPeriod#ZONE}). The snapshots are taken as they are; the
 * as-of instant defaults to the end of the period. Immutable and thread-safe once computed.
 */
public final class ServiceQualityReport {

  private final boolean syncTracked;
  private final ReportPeriod period;
  private final Instant asOf;
  private final QualityFigures total;
  private final Map<AgencyCode, QualityFigures> byAgency;
  private final Map<ProcedureCode, QualityFigures> byProcedure;
  private final Map<ProcedureCode, String> procedureNames;

  private ServiceQualityReport(
      boolean syncTracked,
      ReportPeriod period,
      Instant asOf,
      QualityFigures total,
      Map<AgencyCode, QualityFigures> byAgency,
      Map<ProcedureCode, QualityFigures> byProcedure,
      Map<ProcedureCode, String> procedureNames) {
    this.syncTracked = syncTracked;
    this.period = period;
    this.asOf = asOf;
    this.total = total;
    this.byAgency = byAgency;
    this.byProcedure = byProcedure;
    this.procedureNames = procedureNames;
  }

  /**
   * Computes the report of a period, as of its end, without groups.
   *
   * @param dossiers the snapshots; not null, read once
   * @param period the period; not null
   * @return the report
   */
  public static ServiceQualityReport of(Iterable<Dossier> dossiers, ReportPeriod period) {
    return builder().period(period).compute(dossiers);
  }

  /**
   * Computes the report of a period, as of its end, without groups.
   *
   * @param dossiers the snapshots; not null, consumed
   * @param period the period; not null
   * @return the report
   */
  public static ServiceQualityReport of(Stream<Dossier> dossiers, ReportPeriod period) {
    return builder().period(period).compute(dossiers);
  }

  /**
   * Starts a builder for the settings: period, as-of instant, groups.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the period.
   *
   * @return the period
   */
  public ReportPeriod period() {
    return period;
  }

  /**
   * Returns the instant at which in-progress and overdue dossiers are counted.
   *
   * @return the instant
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * Returns the figures of all dossiers.
   *
   * @return the figures
   */
  public QualityFigures total() {
    return total;
  }

  /**
   * Returns the figures per agency (the agency of the dossier code), sorted by code.
   *
   * @return the figures, empty unless grouping by agency was requested; unmodifiable
   */
  public Map<AgencyCode, QualityFigures> byAgency() {
    return byAgency;
  }

  /**
   * Returns the figures per procedure, sorted by code.
   *
   * @return the figures, empty unless grouping by procedure was requested; unmodifiable
   */
  public Map<ProcedureCode, QualityFigures> byProcedure() {
    return byProcedure;
  }

  /**
   * Renders the report as a plain-text table with Vietnamese and English labels.
   *
   * @return the text, lines separated by {@code \n}
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Báo cáo chất lượng giải quyết TTHC / Service quality report\n");
    out.append("Kỳ báo cáo / Period: ")
        .append(period.label())
        .append(" (")
        .append(period.first())
        .append(" .. ")
        .append(period.last())
        .append("), tính đến / as of ")
        .append(asOf.atZone(ReportPeriod.ZONE).toOffsetDateTime())
        .append('\n');
    out.append('\n');
    figuresText(out, total);
    if (!byAgency.isEmpty()) {
      out.append("\nTheo cơ quan / By agency\n");
      groupHeader(out, "Cơ quan / Agency");
      byAgency.forEach((code, f) -> groupRow(out, code.value(), f));
    }
    if (!byProcedure.isEmpty()) {
      out.append("\nTheo thủ tục / By procedure\n");
      groupHeader(out, "Thủ tục / Procedure");
      byProcedure.forEach((code, f) -> groupRow(out, code.value(), f));
    }
    return out.toString();
  }

  private void figuresText(StringBuilder out, QualityFigures f) {
    row(out, "Chỉ tiêu / Indicator", "Số lượng / Count");
    row(out, "Hồ sơ tiếp nhận / Received", f.received());
    row(out, "  Trực tuyến / Online", f.receivedOnline());
    row(out, "    Toàn trình / Full online", f.receivedOnlineFull());
    row(out, "    Một phần / Partial online", f.receivedOnlinePartial());
    row(out, "  Trực tiếp, bưu chính / Counter, post", f.received() - f.receivedOnline());
    row(out, "Đã giải quyết / Handled", f.handled());
    row(out, "  Trước hạn / Early", f.handledEarly());
    row(out, "  Đúng hạn / On time", f.handledOnTime());
    row(out, "  Quá hạn / Late", f.handledLate());
    row(out, "  Không có hạn / Without due date", f.handledWithoutDueDate());
    row(out, "Đang giải quyết / In progress", f.inProgress());
    row(out, "  Quá hạn / Overdue", f.overdue());
    row(out, "Từ chối tiếp nhận / Refused", f.refused());
    row(out, "Rút hồ sơ / Withdrawn", f.withdrawn());
    row(out, "Dừng xử lý / Stopped", f.stopped());
    row(out, "Có thành phần số hóa / Digitised", f.digitised());
    row(out, "Có phí, lệ phí / With fees", f.receivedWithFees());
    row(out, "  Thanh toán trực tuyến / Paid online", f.paidOnline());
    row(out, "Tái sử dụng dữ liệu / Reused data", f.reused());
    row(out, "Được đánh giá / Rated", f.rated());
    row(out, "  Rất hài lòng / Very satisfied", f.ratings().get(Satisfaction.VERY_SATISFIED));
    row(out, "  Hài lòng / Satisfied", f.ratings().get(Satisfaction.SATISFIED));
    row(out, "  Không hài lòng / Dissatisfied", f.ratings().get(Satisfaction.DISSATISFIED));
    out.append('\n');
    row(out, "Tỷ lệ / Share", "");
    row(out, "Trực tuyến / Online", f.onlineShare().toString());
    row(out, "Đúng hạn, trước hạn / On time or early", f.onTimeOrEarlyShare().toString());
    row(out, "Số hóa / Digitised", f.digitisedShare().toString());
    row(out, "Thanh toán trực tuyến / Online payment", f.onlinePaymentShare().toString());
    row(out, "Hài lòng / Satisfied", f.satisfactionShare().toString());
    row(out, "Tái sử dụng / Reuse", f.reuseShare().toString());
    if (syncTracked) {
      row(out, "Đồng bộ DVCQG / Published nationally", f.syncShare().toString());
    }
    row(
        out,
        "Thời gian giải quyết TB / Average processing",
        f.averageProcessingTime().map(ServiceQualityReport::hours).orElse("-"));
  }

  private static String hours(java.time.Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f h", d.getSeconds() / 3600.0);
  }

  private static void row(StringBuilder out, String label, long value) {
    row(out, label, String.format("%,d", value));
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(String.format("%-44s %22s%n", label, value).replace(System.lineSeparator(), "\n"));
  }

  private static void groupHeader(StringBuilder out, String key) {
    out.append(
        String.format(
            "%-24s %12s %12s %12s %12s %12s%n",
            key, "Nhận/Recv", "Tr.tuyến/Onl", "G.quyết/Done", "Trễ/Late", "Đúng hạn %"));
  }

  private static void groupRow(StringBuilder out, String key, QualityFigures f) {
    out.append(
        String.format(
                "%-24s %,12d %,12d %,12d %,12d %12s%n",
                key,
                f.received(),
                f.receivedOnline(),
                f.handled(),
                f.handledLate(),
                f.onTimeOrEarlyShare().percent().map(p -> p.toPlainString()).orElse("-"))
            .replace(System.lineSeparator(), "\n"));
  }

  /**
   * Renders the report as JSON: {@code period}, {@code asOf}, {@code total}, and {@code byAgency}
   * and {@code byProcedure} when grouped. Figures carry every count of {@link QualityFigures}, the
   * {@code ratings} distribution and the {@code shares}, each as {@code {count, of, percent}}
   * ({@code percent} null when {@code of} is zero).
   *
   * @return the JSON text, pretty-printed
   */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode p = root.putObject("period");
    p.put("label", period.label());
    p.put("first", period.first().toString());
    p.put("last", period.last().toString());
    root.put("asOf", asOf.atZone(ReportPeriod.ZONE).toOffsetDateTime().toString());
    figuresJson(root.putObject("total"), total);
    if (!byAgency.isEmpty()) {
      ObjectNode agencies = root.putObject("byAgency");
      byAgency.forEach((code, f) -> figuresJson(agencies.putObject(code.value()), f));
    }
    if (!byProcedure.isEmpty()) {
      ObjectNode procedures = root.putObject("byProcedure");
      byProcedure.forEach(
          (code, f) -> {
            ObjectNode node = procedures.putObject(code.value());
            node.put("name", procedureNames.get(code));
            figuresJson(node, f);
          });
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // A tree of plain values always serialises.
      throw new InvalidInputException("report.json", "The report could not be written as JSON.");
    }
  }

  private void figuresJson(ObjectNode n, QualityFigures f) {
    n.put("received", f.received());
    n.put("receivedOnline", f.receivedOnline());
    n.put("receivedOnlineFull", f.receivedOnlineFull());
    n.put("receivedOnlinePartial", f.receivedOnlinePartial());
    n.put("handled", f.handled());
    n.put("handledEarly", f.handledEarly());
    n.put("handledOnTime", f.handledOnTime());
    n.put("handledLate", f.handledLate());
    n.put("handledWithoutDueDate", f.handledWithoutDueDate());
    n.put("inProgress", f.inProgress());
    n.put("overdue", f.overdue());
    n.put("refused", f.refused());
    n.put("withdrawn", f.withdrawn());
    n.put("stopped", f.stopped());
    n.put("digitised", f.digitised());
    n.put("receivedWithFees", f.receivedWithFees());
    n.put("paidOnline", f.paidOnline());
    n.put("rated", f.rated());
    ObjectNode ratings = n.putObject("ratings");
    for (Satisfaction s : Satisfaction.values()) {
      ratings.put(s.name(), f.ratings().get(s));
    }
    ObjectNode shares = n.putObject("shares");
    share(shares.putObject("online"), f.onlineShare());
    share(shares.putObject("onTimeOrEarly"), f.onTimeOrEarlyShare());
    share(shares.putObject("digitised"), f.digitisedShare());
    share(shares.putObject("onlinePayment"), f.onlinePaymentShare());
    share(shares.putObject("satisfaction"), f.satisfactionShare());
    share(shares.putObject("reuse"), f.reuseShare());
    n.put("reused", f.reused());
    if (syncTracked) {
      n.put("synced", f.synced());
      share(shares.putObject("sync"), f.syncShare());
    }
    if (f.averageProcessingTime().isPresent()) {
      n.put("averageProcessingSeconds", f.averageProcessingTime().get().getSeconds());
    } else {
      n.putNull("averageProcessingSeconds");
    }
  }

  private static void share(ObjectNode n, Share s) {
    n.put("count", s.count());
    n.put("of", s.of());
    if (s.percent().isPresent()) {
      n.put("percent", s.percent().get());
    } else {
      n.putNull("percent");
    }
  }

  /** Settings of a report. Not thread-safe; one builder may compute several reports in turn. */
  public static final class Builder {
    private ReportPeriod period;
    private Instant asOf;
    private boolean groupByAgency;
    private boolean groupByProcedure;
    private java.util.function.Predicate<Dossier> published;

    private Builder() {}

    /**
     * Counts the received dossiers whose progress was published to the national portal (the sync
     * figure of docs/domain.md §9), with a test the integrator answers from its own records, such
     * as a sync outbox that holds no undelivered event of the dossier.
     *
     * @param published tells whether a dossier's progress is on the national portal; not null
     * @return this builder
     */
    public Builder publishedWhen(java.util.function.Predicate<Dossier> published) {
      this.published = Objects.requireNonNull(published, "published");
      return this;
    }

    /**
     * Sets the period.
     *
     * @param period the period; required
     * @return this builder
     */
    public Builder period(ReportPeriod period) {
      this.period = Objects.requireNonNull(period, "period");
      return this;
    }

    /**
     * Sets the instant at which in-progress and overdue dossiers are counted.
     *
     * @param asOf the instant; default the end of the period
     * @return this builder
     */
    public Builder asOf(Instant asOf) {
      this.asOf = Objects.requireNonNull(asOf, "asOf");
      return this;
    }

    /**
     * Requests figures per agency.
     *
     * @param group true to group; default false
     * @return this builder
     */
    public Builder groupByAgency(boolean group) {
      this.groupByAgency = group;
      return this;
    }

    /**
     * Requests figures per procedure.
     *
     * @param group true to group; default false
     * @return this builder
     */
    public Builder groupByProcedure(boolean group) {
      this.groupByProcedure = group;
      return this;
    }

    /**
     * Computes the report in one pass.
     *
     * @param dossiers the snapshots; not null, read once
     * @return the report
     * @throws InvalidInputException with code {@code report.period} when no period is set
     */
    public ServiceQualityReport compute(Iterable<Dossier> dossiers) {
      Objects.requireNonNull(dossiers, "dossiers");
      return compute(dossiers.iterator());
    }

    /**
     * Computes the report in one pass.
     *
     * @param dossiers the snapshots; not null, consumed
     * @return the report
     * @throws InvalidInputException with code {@code report.period} when no period is set
     */
    public ServiceQualityReport compute(Stream<Dossier> dossiers) {
      Objects.requireNonNull(dossiers, "dossiers");
      return compute(dossiers.sequential().iterator());
    }

    private ServiceQualityReport compute(Iterator<Dossier> it) {
      if (period == null) {
        throw new InvalidInputException("report.period", "A report needs a period.");
      }
      Instant at = asOf != null ? asOf : period.end();
      Tally.Bounds bounds = new Tally.Bounds(period.start(), period.end(), at);
      Tally total = new Tally();
      Map<AgencyCode, Tally> agencies = new HashMap<>();
      Map<ProcedureCode, Tally> procedures = new HashMap<>();
      Map<ProcedureCode, String> names = new HashMap<>();
      while (it.hasNext()) {
        Dossier d = Objects.requireNonNull(it.next(), "a dossier of the report");
        // Worked out once per dossier, then counted in every group it belongs to.
        Tally.Facts facts = Tally.Facts.of(d, bounds, published);
        total.add(facts);
        if (groupByAgency) {
          agencies.computeIfAbsent(d.code().agency(), k -> new Tally()).add(facts);
        }
        if (groupByProcedure) {
          ProcedureCode code = d.procedure().code();
          procedures.computeIfAbsent(code, k -> new Tally()).add(facts);
          names.putIfAbsent(code, d.procedure().name());
        }
      }
      return new ServiceQualityReport(
          published != null,
          period,
          at,
          total.figures(),
          sorted(agencies, Comparator.comparing(AgencyCode::value)),
          sorted(procedures, Comparator.comparing(ProcedureCode::value)),
          Map.copyOf(names));
    }

    private static <K> Map<K, QualityFigures> sorted(Map<K, Tally> tallies, Comparator<K> order) {
      Map<K, QualityFigures> out = new LinkedHashMap<>();
      tallies.keySet().stream().sorted(order).forEach(k -> out.put(k, tallies.get(k).figures()));
      return java.util.Collections.unmodifiableMap(out);
    }
  }
}
