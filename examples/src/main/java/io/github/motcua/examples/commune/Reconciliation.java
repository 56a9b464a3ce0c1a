package io.github.motcua.examples.commune;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.portal.payment.PaymentOrder;
import io.github.motcua.portal.payment.PaymentOrderStore;
import io.github.motcua.portal.sync.DeadLetter;
import io.github.motcua.portal.sync.SyncStatus;
import io.github.motcua.testkit.MotcuaSandbox;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PaymentPlatformFake;
import io.github.motcua.testkit.ProvincialPortalFake;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each fake checked against the local records: a dossier is lost from a portal when the portal
 * lacks it, holds it in another status, lacks one of its steps or its rating; it is duplicated when
 * the portal holds a step twice or holds a dossier the commune never recorded. Online payments are
 * checked against the payment platform's paid orders, receipts for gaps, and the outbox for
 * anything pending or dead-lettered.
 *
 * @param dossiers how many dossiers the local records hold
 * @param nationalMatched local dossiers the national portal holds exactly
 * @param provincialMatched local dossiers the provincial portal holds exactly
 * @param lost dossiers (or payments) missing or behind at a remote party
 * @param duplicated steps held twice, or dossiers the commune never recorded
 * @param paymentsMatched online payments the platform holds as paid
 * @param onlinePayments online payments in the local records
 * @param paymentsUnsettled orders the platform holds as paid that the commune's order store does
 *     not hold as settled (a lost callback never recovered)
 * @param callbacksLost payment callbacks the line lost, each to be recovered by the reconciler
 * @param receiptGaps receipt numbers missing from the series 1..N
 * @param outboxPending events still pending or in flight, both destinations
 * @param deadLetters events parked as dead letters, both destinations
 * @param problems a description of each mismatch (no personal data), at most 20
 */
record Reconciliation(
    int dossiers,
    int nationalMatched,
    int provincialMatched,
    long lost,
    long duplicated,
    int paymentsMatched,
    int onlinePayments,
    int paymentsUnsettled,
    long callbacksLost,
    int receiptGaps,
    long outboxPending,
    long deadLetters,
    List<String> problems) {

  /**
   * Tells whether the portals, the platform and the receipts agree with the local records.
   *
   * @return true when nothing was lost, duplicated, left pending or parked
   */
  boolean clean() {
    return lost == 0
        && duplicated == 0
        && receiptGaps == 0
        && outboxPending == 0
        && deadLetters == 0
        && paymentsMatched == onlinePayments
        && paymentsUnsettled == 0;
  }

  static Reconciliation of(
      List<Dossier> local,
      Map<String, Long> onlinePayments,
      PaymentOrderStore orders,
      Map<String, String> receiptNumbers,
      long eventsRecorded,
      MotcuaSandbox sandbox,
      SyncStatus nationalStatus,
      SyncStatus provincialStatus,
      List<DeadLetter> deadLetters) {
    List<String> problems = new ArrayList<>();
    for (DeadLetter d : deadLetters) {
      note(
          problems,
          "dead letter for "
              + d.destination()
              + ": "
              + d.event().getClass().getSimpleName()
              + " of "
              + d.event().dossierCode().value()
              + " after "
              + d.attempts()
              + " attempts: "
              + d.reason());
    }
    long lost = 0;
    long duplicated = 0;
    int nationalMatched = 0;
    int provincialMatched = 0;
    Map<String, NationalPortalFake.StoredDossier> national = sandbox.nationalPortal().dossiers();
    Map<String, ProvincialPortalFake.StoredDossier> provincial =
        sandbox.provincialPortal().dossiers();
    Set<String> codes = new HashSet<>();
    for (Dossier d : local) {
      String code = d.code().value();
      codes.add(code);
      int status = d.status().nationalCode();
      int steps = d.steps().size();
      boolean rated = d.rating().isPresent();

      NationalPortalFake.StoredDossier n = national.get(code);
      if (n == null) {
        lost++;
        note(problems, "national portal lacks " + code);
      } else if (n.steps().size() > steps) {
        duplicated += n.steps().size() - steps;
        note(problems, "national portal holds a step of " + code + " twice");
      } else if (n.status() != status
          || n.steps().size() < steps
          || (n.rating() != null) != rated) {
        lost++;
        note(
            problems,
            "national portal is behind on "
                + code
                + differences(
                    n.status(), n.steps().size(), n.rating() != null, status, steps, rated));
      } else {
        nationalMatched++;
      }

      ProvincialPortalFake.StoredDossier p = provincial.get(code);
      if (p == null) {
        lost++;
        note(problems, "provincial portal lacks " + code);
      } else if (p.steps().size() > steps) {
        duplicated += p.steps().size() - steps;
        note(problems, "provincial portal holds a step of " + code + " twice");
      } else if (p.status() != status
          || p.steps().size() < steps
          || (p.rating() != null) != rated) {
        lost++;
        note(
            problems,
            "provincial portal is behind on "
                + code
                + differences(
                    p.status(), p.steps().size(), p.rating() != null, status, steps, rated));
      } else {
        provincialMatched++;
      }
    }
    for (String code : national.keySet()) {
      if (!codes.contains(code)) {
        duplicated++;
        note(problems, "national portal holds " + code + ", which the commune never recorded");
      }
    }
    for (String code : provincial.keySet()) {
      if (!codes.contains(code)) {
        duplicated++;
        note(problems, "provincial portal holds " + code + ", which the commune never recorded");
      }
    }

    PaymentPlatformFake platform = sandbox.paymentPlatform();
    int paymentsMatched = 0;
    for (Map.Entry<String, Long> e : onlinePayments.entrySet()) {
      var order = platform.order(e.getKey());
      if (order.isPresent() && order.get().paid() && order.get().amount() == e.getValue()) {
        paymentsMatched++;
      } else {
        lost++;
        note(problems, "payment platform lacks the paid order " + e.getKey());
      }
    }

    int unsettled = 0;
    for (String reference : platform.paidReferences()) {
      if (orders.find(reference).map(o -> o.state() != PaymentOrder.State.PAID).orElse(true)) {
        unsettled++;
        note(problems, "the platform holds " + reference + " as paid; the commune's books do not");
      }
    }

    int gaps = 0;
    for (long n = 1; n <= receiptNumbers.size(); n++) {
      if (!receiptNumbers.containsKey(
          io.github.motcua.signing.receipt.ReceiptRules.inForce()
              .printedNumber(CommuneSimulation.QUARTER.start(), n))) {
        gaps++;
        note(problems, "receipt number " + n + " is missing from the series");
      }
    }

    long pending =
        nationalStatus.pending()
            + nationalStatus.inFlight()
            + provincialStatus.pending()
            + provincialStatus.inFlight();
    long dead = nationalStatus.deadLettered() + provincialStatus.deadLettered();
    if (nationalStatus.delivered() != eventsRecorded
        || provincialStatus.delivered() != eventsRecorded) {
      note(
          problems,
          "the outbox delivered "
              + nationalStatus.delivered()
              + " and "
              + provincialStatus.delivered()
              + " of "
              + eventsRecorded
              + " events");
    }
    return new Reconciliation(
        local.size(),
        nationalMatched,
        provincialMatched,
        lost,
        duplicated,
        paymentsMatched,
        onlinePayments.size(),
        unsettled,
        platform.callbackFaults(PaymentPlatformFake.CallbackFault.DROP),
        gaps,
        pending,
        dead,
        Collections.unmodifiableList(problems));
  }

  private static String differences(
      int status, int steps, boolean rated, int localStatus, int localSteps, boolean localRated) {
    return " (status "
        + status
        + " of "
        + localStatus
        + ", steps "
        + steps
        + " of "
        + localSteps
        + ", rated "
        + rated
        + " of "
        + localRated
        + ")";
  }

  private static void note(List<String> problems, String problem) {
    if (problems.size() < 20) {
      problems.add(problem);
    }
  }

  /**
   * Returns the line the Run command prints and its test checks.
   *
   * @return for example {@code lost 0, duplicated 0}
   */
  String verdictLine() {
    return "lost " + lost + ", duplicated " + duplicated;
  }

  /**
   * Returns the payments line printed beside the verdict.
   *
   * @return for example {@code payments: 1,310 paid, 0 unsettled}
   */
  String paymentsLine() {
    return String.format("payments: %,d paid, %,d unsettled", paymentsMatched, paymentsUnsettled);
  }
}
