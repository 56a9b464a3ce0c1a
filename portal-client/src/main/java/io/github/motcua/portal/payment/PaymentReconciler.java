package io.github.motcua.portal.payment;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.portal.internal.Failures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the payment platform about the orders whose callback never came, and settles them: a paid
 * fee is not left unpaid in the books because a callback was lost on the line.
 *
 * <p>{@link #reconcile()} takes the open orders sent more than {@link Builder#queryAfter(Duration)}
 * ago (the least often asked first), asks the platform about each ({@link
 * PaymentPlatformClient#queryStatus(String)}), settles the paid ones exactly as a verified callback
 * would (the same store update, so an order is settled once and the {@link
 * PaymentSettlementListener} hears of it once, whoever comes first), expires those still unpaid
 * {@link Builder#expireAfter(Duration)} after they were sent, and reports what it did. When the
 * platform cannot be reached, the pass stops and the remaining orders stay open for the next pass:
 * nothing is lost. Several instances may reconcile one shared store at once.
 *
 * <p>Run it on a schedule beside the {@code SyncWorker}: {@link #schedule(ScheduledExecutorService,
 * Duration)}. Thread-safe.
 */
public final class PaymentReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciler.class);

  /** What a pass did with one order. */
  public enum Outcome {
    /** The platform says paid; this pass settled it. */
    SETTLED,
    /** The platform says paid; a callback or another instance had settled it meanwhile. */
    ALREADY_SETTLED,
    /** Not paid yet (pending, failed or unknown to the platform); still open. */
    OPEN,
    /** Not paid within the expiry: given up. */
    EXPIRED,
    /** The platform could not be reached or answered unreadably: asked again next pass. */
    UNREACHABLE,
    /** The platform refused the query ({@code MaLoi}): asked again next pass. */
    REFUSED,
    /**
     * The platform's answer contradicts the order (amount, currency, another transaction) or pays
     * an expired order: left for a person, named in the report.
     */
    CONFLICT
  }

  /**
   * What a pass did with one order.
   *
   * @param reference the order reference
   * @param outcome what was done
   * @param confirmation the confirmation, for settled orders
   * @param reason the error code, for unreachable, refused and conflicting orders
   */
  public record Entry(
      String reference, Outcome outcome, PaymentConfirmation confirmation, String reason) {}

  /**
   * What a pass did.
   *
   * @param startedAt when the pass started
   * @param entries one per order asked about, in order
   * @param deferred orders left for the next pass because the platform could not be reached
   */
  public record Report(Instant startedAt, List<Entry> entries, int deferred) {

    /** Copies the entries. */
    public Report {
      entries = List.copyOf(entries);
    }

    /**
     * Counts the entries with an outcome.
     *
     * @param outcome the outcome
     * @return how many
     */
    public long count(Outcome outcome) {
      return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    /**
     * Returns the confirmations of the orders this pass settled: issue their receipts.
     *
     * @return the confirmations
     */
    public List<PaymentConfirmation> settled() {
      return entries.stream()
          .filter(e -> e.outcome() == Outcome.SETTLED)
          .map(Entry::confirmation)
          .toList();
    }

    /**
     * Returns one line for an operator's log, without personal data.
     *
     * @return for example {@code payment reconciliation: 3 asked, 1 settled, ...}
     */
    public String summary() {
      return "payment reconciliation: "
          + entries.size()
          + " asked, "
          + count(Outcome.SETTLED)
          + " settled, "
          + count(Outcome.ALREADY_SETTLED)
          + " already settled, "
          + count(Outcome.OPEN)
          + " still open, "
          + count(Outcome.EXPIRED)
          + " expired, "
          + (count(Outcome.UNREACHABLE) + deferred)
          + " unreachable or deferred, "
          + count(Outcome.REFUSED)
          + " refused, "
          + count(Outcome.CONFLICT)
          + " conflicts";
    }
  }

  private final PaymentPlatformClient client;
  private final PaymentOrderStore store;
  private final Clock clock;
  private final Duration queryAfter;
  private final Duration expireAfter;
  private final int batchSize;

  private PaymentReconciler(Builder b) {
    this.client = b.client;
    this.store = b.client.orderStore();
    this.clock = b.clock == null ? b.client.clock() : b.clock;
    this.queryAfter = b.queryAfter;
    this.expireAfter = b.expireAfter;
    this.batchSize = b.batchSize;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs one pass over the open orders due for a question.
   *
   * @return what was done
   * @throws RetryLaterException with code {@code payment.store} when the store fails
   */
  public Report reconcile() {
    Instant now = clock.instant();
    List<PaymentOrder> due = store.open(now.minus(queryAfter), batchSize);
    List<Entry> entries = new ArrayList<>();
    int deferred = 0;
    for (int i = 0; i < due.size(); i++) {
      Entry e = reconcile(due.get(i), now);
      entries.add(e);
      if (e.outcome() == Outcome.UNREACHABLE) {
        deferred = due.size() - i - 1;
        break;
      }
    }
    Report report = new Report(now, entries, deferred);
    if (!entries.isEmpty()) {
      LOG.info(report.summary());
    }
    return report;
  }

  /**
   * Asks about one order now, whatever its age (for example when the payer says they paid).
   *
   * @param reference the order reference
   * @return what was done
   * @throws InvalidInputException with code {@code payment.query.unknown-reference} when the store
   *     has no such order
   */
  public Entry reconcile(String reference) {
    PaymentOrder order =
        store
            .find(reference)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "payment.query.unknown-reference",
                        "This partner's store holds no such order."));
    if (order.state() == PaymentOrder.State.PAID) {
      return new Entry(reference, Outcome.ALREADY_SETTLED, order.confirmation(), null);
    }
    if (order.state() == PaymentOrder.State.EXPIRED) {
      return new Entry(reference, Outcome.EXPIRED, null, null);
    }
    return reconcile(order, clock.instant());
  }

  private Entry reconcile(PaymentOrder order, Instant now) {
    String reference = order.reference();
    PaymentStatus status;
    try {
      status = client.queryStatus(reference);
    } catch (MotcuaException e) {
      if (Failures.isRejection(e)) {
        store.checked(reference, now);
        return new Entry(reference, Outcome.REFUSED, null, e.code());
      }
      if (e.code().startsWith("payment.")) {
        if (e.code().equals("payment.store")) {
          throw e;
        }
        store.checked(reference, now);
        LOG.warn(
            "Payment order {}: the platform's status contradicts it ({})", reference, e.code());
        return new Entry(reference, Outcome.CONFLICT, null, e.code());
      }
      if (Failures.isPortal(e)) {
        return new Entry(reference, Outcome.UNREACHABLE, null, e.code());
      }
      throw e;
    }
    store.checked(reference, now);
    if (status.outcome() == PaymentStatus.Outcome.PAID) {
      try {
        CallbackOutcome settled = client.settleFromStatus(order, status);
        return new Entry(
            reference,
            settled.settledNow() ? Outcome.SETTLED : Outcome.ALREADY_SETTLED,
            settled.confirmation(),
            null);
      } catch (MotcuaException e) {
        if (!e.code().startsWith("payment.")
            || Failures.isRejection(e)
            || e.code().equals("payment.store")) {
          throw e;
        }
        LOG.warn("Payment order {} cannot be settled ({})", reference, e.code());
        return new Entry(reference, Outcome.CONFLICT, null, e.code());
      }
    }
    if (!order.requestedAt().plus(expireAfter).isAfter(now) && store.expire(reference, now)) {
      return new Entry(reference, Outcome.EXPIRED, null, status.statusCode());
    }
    return new Entry(reference, Outcome.OPEN, null, status.statusCode());
  }

  /**
   * Runs {@link #reconcile()} every {@code every} on an executor, the first pass at once. A failing
   * pass is logged and the next one runs as planned.
   *
   * @param executor the executor; shut it down to stop
   * @param every the interval
   * @return the scheduled task; cancel it to stop
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration every) {
    Objects.requireNonNull(executor, "executor");
    if (every == null || every.isNegative() || every.isZero()) {
      throw new ConfigurationException(
          "portal.config.payment.reconcile-every", "The reconciliation interval is positive.");
    }
    return executor.scheduleWithFixedDelay(
        () -> {
          try {
            reconcile();
          } catch (RuntimeException e) {
            LOG.warn("A payment reconciliation pass failed; the next runs as planned", e);
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public String toString() {
    return "PaymentReconciler[after " + queryAfter + ", expire after " + expireAfter + "]";
  }

  /** Builds a {@link PaymentReconciler}. Not thread-safe. */
  public static final class Builder {
    private PaymentPlatformClient client;
    private Clock clock;
    private Duration queryAfter = Duration.ofMinutes(30);
    private Duration expireAfter = Duration.ofDays(3);
    private int batchSize = 200;

    private Builder() {}

    /**
     * Sets the client whose orders are reconciled (required); its store and clock are used.
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(PaymentPlatformClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets how long after an order was sent without a confirmed callback it is asked about; default
     * 30 minutes.
     *
     * @param after a positive duration
     * @return this builder
     */
    public Builder queryAfter(Duration after) {
      this.queryAfter = positive(after, "payment.query-after");
      return this;
    }

    /**
     * Sets how long after an order was sent it is given up when the platform does not report it
     * paid; default 3 days.
     *
     * @param after a positive duration
     * @return this builder
     */
    public Builder expireAfter(Duration after) {
      this.expireAfter = positive(after, "payment.expire-after");
      return this;
    }

    /**
     * Sets how many orders one pass asks about at most; default 200.
     *
     * @param size 1 or more
     * @return this builder
     */
    public Builder batchSize(int size) {
      if (size < 1) {
        throw new ConfigurationException(
            "portal.config.payment.batch-size",
            "A reconciliation pass asks about at least one order.");
      }
      this.batchSize = size;
      return this;
    }

    /**
     * Sets the clock ages are measured with; default the client's.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the reconciler.
     *
     * @return the reconciler
     * @throws ConfigurationException when the client is missing or the expiry is not after the
     *     query delay
     */
    public PaymentReconciler build() {
      if (client == null) {
        throw new ConfigurationException(
            "portal.config.payment.client", "A PaymentReconciler needs the PaymentPlatformClient.");
      }
      if (expireAfter.compareTo(queryAfter) <= 0) {
        throw new ConfigurationException(
            "portal.config.payment.expire-after",
            "Orders expire later than they are first asked about.");
      }
      return new PaymentReconciler(this);
    }

    private static Duration positive(Duration d, String code) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new ConfigurationException("portal.config." + code, "The duration is positive.");
      }
      return d;
    }
  }
}
