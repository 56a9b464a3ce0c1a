package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.dossier.DossierEvent.Accepted;
import io.github.motcua.core.dossier.DossierEvent.PaymentReceived;
import io.github.motcua.core.dossier.DossierEvent.PaymentRequested;
import io.github.motcua.core.dossier.DossierEvent.Rated;
import io.github.motcua.core.dossier.DossierEvent.Received;
import io.github.motcua.core.dossier.DossierEvent.Refused;
import io.github.motcua.core.dossier.DossierEvent.ResultReady;
import io.github.motcua.core.dossier.DossierEvent.ResultReturned;
import io.github.motcua.core.dossier.DossierEvent.StepCompleted;
import io.github.motcua.core.dossier.DossierEvent.Stopped;
import io.github.motcua.core.dossier.DossierEvent.Submitted;
import io.github.motcua.core.dossier.DossierEvent.SupplementReceived;
import io.github.motcua.core.dossier.DossierEvent.SupplementRequested;
import io.github.motcua.core.dossier.DossierEvent.Withdrawn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies {@link DossierEvent}s to {@link Dossier} snapshots under the legal transitions of the
 * one-stop-shop process (Decree 61/2018/NĐ-CP as amended by Decree 107/2021/NĐ-CP; the status codes
 * of the National Public Service Portal).
 *
 * <p>The transitions, and nothing else:
 *
 * <ul>
 *   <li>first event: {@code Submitted} → {@link DossierStatus#SUBMITTED}; {@code Received} → {@link
 *       DossierStatus#ACCEPTED};
 *   <li>SUBMITTED: {@code Accepted} → ACCEPTED, {@code Refused} → REFUSED, {@code Withdrawn} →
 *       WITHDRAWN;
 *   <li>ACCEPTED and IN_PROGRESS: {@code StepCompleted} → IN_PROGRESS, {@code SupplementRequested}
 *       → SUPPLEMENT_REQUESTED, {@code PaymentRequested} → PAYMENT_REQUESTED, {@code ResultReady} →
 *       RESULT_READY, {@code Stopped} → STOPPED, {@code Withdrawn} → WITHDRAWN;
 *   <li>SUPPLEMENT_REQUESTED: {@code SupplementReceived} → IN_PROGRESS, {@code Withdrawn}, {@code
 *       Stopped};
 *   <li>PAYMENT_REQUESTED: {@code PaymentReceived} → IN_PROGRESS, {@code Withdrawn}, {@code
 *       Stopped};
 *   <li>RESULT_READY: {@code ResultReturned} → RETURNED;
 *   <li>RETURNED: {@code Rated}, once (the status stays RETURNED);
 *   <li>REFUSED, WITHDRAWN and STOPPED accept nothing else;
 *   <li>any status: {@code ReceiptRecorded}, which leaves the status as it is (a receipt document
 *       for the tax authority, not a step of the dossier).
 * </ul>
 *
 * <p>Before the transition is checked, an event is rejected ({@link InvalidInputException}) when it
 * names another dossier, when it occurred before the last applied event, or when its id was applied
 * before with different content. An event applied before with the same content is a no-op: the
 * snapshot is returned unchanged, so repeated delivery is harmless.
 *
 * <p><b>A fee is due once</b> (the Law on Fees and Charges 2015; the national record's
 * DanhSachLePhi lists each fee code once). A fee's identity is its code. A {@code PaymentRequested}
 * event that lists a code the dossier already has does not add it again: the same line is a no-op;
 * a different amount, name, kind or stage replaces the line in place while the fee is unpaid, and
 * is rejected ({@link InvalidInputException}, code {@code dossier.fee.settled}, the message naming
 * the fee code) once it is paid. A fee is paid when the payments received cover it, fees counted in
 * the order they are listed. An event that lists the same code twice is itself invalid ({@link
 * InvalidInputException} {@code dossier.invalid}, violation {@code fees[i].code} / {@code
 * duplicate}).
 *
 * <p>After each applied event the lifecycle sets {@link Dossier#dueAt()} from its {@link
 * DueDateRule}. Applying never half-applies: on any exception the given snapshot is unchanged (all
 * snapshots are immutable) and no new one exists.
 *
 * <p>Immutable and thread-safe; one instance can serve every dossier.
 */
public final class DossierLifecycle {

  private static final Map<DossierStatus, Map<Class<? extends DossierEvent>, DossierStatus>>
      TRANSITIONS = transitions();

  private final DueDateRule dueDateRule;

  private DossierLifecycle(DueDateRule dueDateRule) {
    this.dueDateRule = Objects.requireNonNull(dueDateRule, "dueDateRule");
  }

  /**
   * Returns a lifecycle that sets no due dates ({@link DueDateRule#none()}).
   *
   * @return the lifecycle
   */
  public static DossierLifecycle create() {
    return new DossierLifecycle(DueDateRule.none());
  }

  /**
   * Returns a lifecycle that sets each snapshot's due date with a rule.
   *
   * @param rule the rule; not null
   * @return the lifecycle
   */
  public static DossierLifecycle create(DueDateRule rule) {
    return new DossierLifecycle(rule);
  }

  /**
   * Returns a lifecycle that sets each snapshot's due date (ngày hẹn trả) with a deadline policy:
   * the clock starts when the dossier is accepted ({@link Dossier#acceptedAt()}), runs for the
   * procedure's {@link ProcedureRef#processingTime()} and follows the policy's supplement rule. A
   * dossier has no due date before acceptance, when its procedure has no limit, and while a
   * supplement is awaited.
   *
   * @param policy the policy, such as {@link DeadlinePolicy#vietnam()}; not null
   * @return the lifecycle
   */
  public static DossierLifecycle create(DeadlinePolicy policy) {
    return new DossierLifecycle(new DeadlineDueDateRule(policy));
  }

  /**
   * Returns the rule this lifecycle sets due dates with.
   *
   * @return the rule; never null
   */
  public DueDateRule dueDateRule() {
    return dueDateRule;
  }

  /**
   * Starts a dossier from its first event.
   *
   * @param first a {@code Submitted} or {@code Received} event; not null
   * @return the snapshot at version 1
   * @throws InvalidInputException when the event cannot start a history
   */
  public Dossier start(DossierEvent first) {
    Objects.requireNonNull(first, "first");
    Dossier.Builder b = Dossier.builder().code(first.dossierCode());
    if (first instanceof Submitted e) {
      b.procedure(e.procedure())
          .applicant(e.applicant())
          .channel(e.channel())
          .identityVerified(e.identityVerified())
          .documents(e.documents())
          .fees(e.fees())
          .status(DossierStatus.SUBMITTED)
          .submittedAt(e.occurredAt());
    } else if (first instanceof Received e) {
      b.procedure(e.procedure())
          .applicant(e.applicant())
          .channel(e.channel())
          .identityVerified(e.identityVerified())
          .documents(e.documents())
          .fees(e.fees())
          .status(DossierStatus.ACCEPTED)
          .submittedAt(e.occurredAt())
          .acceptedAt(e.occurredAt());
    } else {
      throw illegalTransition(null, first);
    }
    return finish(b, null, first);
  }

  /**
   * Applies one event to a snapshot.
   *
   * @param dossier the current snapshot; not null
   * @param event the event; not null
   * @return the new snapshot, or {@code dossier} itself when the same event was applied before
   * @throws InvalidInputException when the event belongs to another dossier, is older than the last
   *     applied event, or reuses an applied event's id with different content; with code {@code
   *     dossier.fee.settled} when it changes a fee that is already paid
   * @throws InvalidInputException when the event is not allowed in the dossier's status
   */
  public Dossier apply(Dossier dossier, DossierEvent event) {
    Objects.requireNonNull(dossier, "dossier");
    Objects.requireNonNull(event, "event");
    if (!event.dossierCode().equals(dossier.code())) {
      throw new InvalidInputException(
          "dossier.event.wrong-dossier",
          "Event "
              + describe(event)
              + " belongs to dossier "
              + event.dossierCode()
              + ", not "
              + dossier.code()
              + ".");
    }
    AppliedEvent earlier = null;
    for (AppliedEvent h : dossier.history()) {
      if (h.eventId().equals(event.eventId())) {
        earlier = h;
        break;
      }
    }
    if (earlier != null) {
      if (earlier.digest().equals(event.digest())) {
        return dossier;
      }
      throw new InvalidInputException(
          "dossier.event.id-reused",
          "Event id "
              + event.eventId()
              + " was applied before to this dossier with different content (as "
              + earlier.type()
              + ").");
    }
    if (event.occurredAt().isBefore(dossier.lastEventAt())) {
      throw new InvalidInputException(
          "dossier.event.out-of-order",
          "Event "
              + describe(event)
              + " occurred at "
              + event.occurredAt()
              + ", before the last applied event ("
              + dossier.lastEventAt()
              + ").");
    }
    // A receipt document changes neither the status nor the record: it is only delivered.
    DossierStatus next =
        event instanceof DossierEvent.ReceiptRecorded
            ? dossier.status()
            : TRANSITIONS.get(dossier.status()).get(event.getClass());
    if (next == null || (event instanceof Rated && dossier.rating().isPresent())) {
      throw illegalTransition(dossier.status(), event);
    }
    Dossier.Builder b = dossier.toBuilder().status(next);
    Instant at = event.occurredAt();
    if (event instanceof Accepted) {
      b.acceptedAt(at);
    } else if (event instanceof Refused e) {
      b.statusReason(e.reason());
    } else if (event instanceof StepCompleted e) {
      b.steps(append(dossier.steps(), e.step()));
    } else if (event instanceof SupplementRequested e) {
      b.supplements(
          append(
              dossier.supplements(),
              new SupplementRequest(
                  at, e.reason(), e.missingItems(), Optional.empty(), List.of())));
    } else if (event instanceof SupplementReceived e) {
      List<SupplementRequest> supplements = new ArrayList<>(dossier.supplements());
      SupplementRequest open = supplements.remove(supplements.size() - 1);
      supplements.add(
          new SupplementRequest(
              open.requestedAt(),
              open.reason(),
              open.missingItems(),
              Optional.of(at),
              e.documents()));
      b.supplements(supplements).documents(concat(dossier.documents(), e.documents()));
    } else if (event instanceof PaymentRequested e) {
      b.fees(dueOnce(dossier, e));
    } else if (event instanceof PaymentReceived e) {
      b.payments(
          append(
              dossier.payments(),
              new Payment(e.paymentReference(), e.amount(), e.online(), e.receiptNumber(), at)));
    } else if (event instanceof Withdrawn e) {
      b.statusReason(e.reason().orElse(null));
    } else if (event instanceof Stopped e) {
      b.statusReason(e.reason());
    } else if (event instanceof ResultReady e) {
      b.completedAt(at).results(e.results());
    } else if (event instanceof ResultReturned) {
      b.returnedAt(at);
    } else if (event instanceof Rated e) {
      b.rating(e.rating(), at);
    }
    return finish(b, dossier, event);
  }

  /**
   * Replays a whole history: {@link #start} with the first event, then {@link #apply} with each of
   * the others. Equals applying them one by one.
   *
   * @param events the events in order, at least one; not null
   * @return the snapshot after the last event
   * @throws InvalidInputException with code {@code dossier.event.none} for an empty list, or as
   *     {@link #apply} for an event that cannot be applied
   */
  public Dossier replay(List<? extends DossierEvent> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      throw new InvalidInputException(
          "dossier.event.none", "A history to replay has at least one event.");
    }
    Dossier dossier = start(events.get(0));
    for (int i = 1; i < events.size(); i++) {
      dossier = apply(dossier, events.get(i));
    }
    return dossier;
  }

  private Dossier finish(Dossier.Builder b, Dossier previous, DossierEvent event) {
    List<AppliedEvent> history = previous == null ? List.of() : previous.history();
    Dossier d = b.history(append(history, AppliedEvent.of(event))).build();
    if (previous != null
        && dueDateRule instanceof DeadlineDueDateRule
        && DeadlineDueDateRule.sameInputs(previous, d)) {
      // Most events (steps, payments, results) change nothing the deadline depends on; working
      // the due date out again was more than half the cost of a replay.
      return d;
    }
    Optional<Instant> due =
        Objects.requireNonNull(dueDateRule.dueAt(d), "DueDateRule.dueAt returned null");
    return due.equals(d.dueAt()) ? d : d.toBuilder().dueAt(due).build();
  }

  private static <T> List<T> append(List<T> list, T element) {
    List<T> out = new ArrayList<>(list.size() + 1);
    out.addAll(list);
    out.add(element);
    return out;
  }

  /**
   * Merges a payment request's fees into the fees due: a fee is due once. A code not listed yet is
   * added; the same line again changes nothing; another amount, name, kind or stage for a listed
   * code replaces that line in place while it is unpaid, and is refused once it is paid.
   */
  private static List<Fee> dueOnce(Dossier dossier, PaymentRequested event) {
    List<Fee> due = new ArrayList<>(dossier.fees());
    long paid = 0;
    for (Payment p : dossier.payments()) {
      paid = saturatedAdd(paid, p.amount().amount());
    }
    for (Fee fee : event.fees()) {
      int i = indexOfSameFee(due, fee);
      if (i < 0) {
        due.add(fee);
      } else if (!due.get(i).equals(fee)) {
        if (isSettled(dossier.fees(), i, paid)) {
          throw new InvalidInputException(
              "dossier.fee.settled",
              "Event "
                  + describe(event)
                  + " changes the fee "
                  + fee.code()
                  + ", which is already paid; a fee is due once and a paid fee is not changed.");
        }
        due.set(i, fee);
      }
    }
    return due;
  }

  private static int indexOfSameFee(List<Fee> fees, Fee fee) {
    for (int i = 0; i < fees.size(); i++) {
      if (fees.get(i).isSameFee(fee)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A fee is settled when the payments received cover it, fees counted in the order they are
   * listed; a fee of zero đồng is never settled (there is nothing to pay).
   */
  private static boolean isSettled(List<Fee> fees, int index, long paid) {
    if (index >= fees.size() || fees.get(index).amount().amount() <= 0) {
      return false;
    }
    long cumulative = 0;
    for (int i = 0; i <= index; i++) {
      cumulative = saturatedAdd(cumulative, fees.get(i).amount().amount());
    }
    return cumulative <= paid;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  private static Map<DossierStatus, Map<Class<? extends DossierEvent>, DossierStatus>>
      transitions() {
    Map<DossierStatus, Map<Class<? extends DossierEvent>, DossierStatus>> t =
        new EnumMap<>(DossierStatus.class);
    for (DossierStatus s : DossierStatus.values()) {
      t.put(s, Map.of());
    }
    t.put(
        DossierStatus.SUBMITTED,
        Map.of(
            Accepted.class, DossierStatus.ACCEPTED,
            Refused.class, DossierStatus.REFUSED,
            Withdrawn.class, DossierStatus.WITHDRAWN));
    Map<Class<? extends DossierEvent>, DossierStatus> processing =
        Map.of(
            StepCompleted.class, DossierStatus.IN_PROGRESS,
            SupplementRequested.class, DossierStatus.SUPPLEMENT_REQUESTED,
            PaymentRequested.class, DossierStatus.PAYMENT_REQUESTED,
            ResultReady.class, DossierStatus.RESULT_READY,
            Stopped.class, DossierStatus.STOPPED,
            Withdrawn.class, DossierStatus.WITHDRAWN);
    t.put(DossierStatus.ACCEPTED, processing);
    t.put(DossierStatus.IN_PROGRESS, processing);
    t.put(
        DossierStatus.SUPPLEMENT_REQUESTED,
        Map.of(
            SupplementReceived.class, DossierStatus.IN_PROGRESS,
            Withdrawn.class, DossierStatus.WITHDRAWN,
            Stopped.class, DossierStatus.STOPPED));
    t.put(
        DossierStatus.PAYMENT_REQUESTED,
        Map.of(
            PaymentReceived.class, DossierStatus.IN_PROGRESS,
            Withdrawn.class, DossierStatus.WITHDRAWN,
            Stopped.class, DossierStatus.STOPPED));
    t.put(DossierStatus.RESULT_READY, Map.of(ResultReturned.class, DossierStatus.RETURNED));
    t.put(DossierStatus.RETURNED, Map.of(Rated.class, DossierStatus.RETURNED));
    return t;
  }

  private static String describe(DossierEvent event) {
    Objects.requireNonNull(event, "event");
    return event.type() + " " + event.eventId();
  }

  private static InvalidInputException illegalTransition(DossierStatus status, DossierEvent event) {
    String message;
    if (status == null) {
      message =
          "A dossier's history starts with Submitted or Received, not with "
              + describe(event)
              + ".";
    } else {
      message =
          "A dossier in status "
              + status
              + " ("
              + status.nationalCode()
              + ") does not accept "
              + describe(event)
              + ".";
    }
    return new InvalidInputException("dossier.transition", message);
  }
}
