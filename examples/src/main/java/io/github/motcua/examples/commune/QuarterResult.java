package io.github.motcua.examples.commune;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.report.ServiceQualityReport;
import io.github.motcua.vneid.CitizenLogin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a simulated quarter did: the local records, the reconciliation with every fake, the quality
 * report, the files written and how long each phase took.
 *
 * @param options the settings the quarter ran with
 * @param dossiers the local records at the end (one snapshot per dossier)
 * @param plans what the quarter was drawn to hold, for independent recounts
 * @param events the events recorded (each delivered to both portals)
 * @param faultsInjected how many portal calls the network failed
 * @param nationalCalls the HTTP requests the national portal received (logins, look-ups, failed
 *     calls and retries included)
 * @param provincialCalls the HTTP requests the provincial portal received (tokens, failed calls and
 *     retries included)
 * @param reconciliation the fakes against the local records
 * @param report the quarter's quality report
 * @param receiptsIssued receipts issued (one per payment)
 * @param receiptsVerified receipts verified (a seeded sample)
 * @param receiptsValid receipts of the sample whose signature and content verified
 * @param resultsSigned results signed
 * @param resultsVerified signed results verified (a seeded sample)
 * @param resultsValid signed results of the sample whose signature verified
 * @param outDir the output folder
 * @param receiptsDir where the receipts (XML, HTML) were written
 * @param resultsDir where the results and their CMS signatures were written
 * @param timings how long each phase took, in order
 * @param cpuTimings the CPU time each phase used, all threads of the process together
 * @param total the whole run
 * @param residents the commune's residents (for tests of personal data in the output)
 * @param logins the VNeID logins (for tests of tokens in the output)
 */
public record QuarterResult(
    QuarterOptions options,
    List<Dossier> dossiers,
    List<CommuneSimulation.Plan> plans,
    long events,
    long faultsInjected,
    long nationalCalls,
    long provincialCalls,
    Reconciliation reconciliation,
    ServiceQualityReport report,
    long receiptsIssued,
    long receiptsVerified,
    long receiptsValid,
    long resultsSigned,
    long resultsVerified,
    long resultsValid,
    Path outDir,
    Path receiptsDir,
    Path resultsDir,
    Map<String, Duration> timings,
    Map<String, Duration> cpuTimings,
    Duration total,
    List<Resident> residents,
    List<CitizenLogin> logins) {

  /**
   * Tells whether the quarter ended as it must: nothing lost or duplicated at any remote party,
   * nothing left in the outbox, every receipt and result verified.
   *
   * @return true when the run succeeded
   */
  public boolean succeeded() {
    return reconciliation.clean()
        && receiptsValid == receiptsVerified
        && resultsValid == resultsVerified;
  }

  /**
   * Prints the reconciliation, the report, where the files are and the phase timings.
   *
   * @param out where to print
   */
  void print(PrintStream out) {
    Reconciliation r = reconciliation;
    out.println();
    out.println("Reconciliation (each fake against the local records)");
    out.printf(
        "  national portal    %,d of %,d dossiers identical%n", r.nationalMatched(), r.dossiers());
    out.printf(
        "  provincial portal  %,d of %,d dossiers identical%n",
        r.provincialMatched(), r.dossiers());
    out.printf(
        "  payment platform   %,d of %,d online payments paid; %,d callbacks lost on the line,"
            + " recovered by the reconciler%n",
        r.paymentsMatched(), r.onlinePayments(), r.callbacksLost());
    out.printf(
        "  outbox             %,d events delivered to each portal through %,d injected network"
            + " faults; %,d pending, %,d dead letters%n",
        events, faultsInjected, r.outboxPending(), r.deadLetters());
    out.printf(
        "  portal calls       %,d to the national portal, %,d to the provincial one (logins,"
            + " look-ups, failures and retries included)%n",
        nationalCalls, provincialCalls);
    out.printf(
        "  receipts           %,d issued, %d gaps in the numbering; a seeded sample of %,d"
            + " verified (signature, chain, OCSP, content): %,d valid%n",
        receiptsIssued, r.receiptGaps(), receiptsVerified, receiptsValid);
    out.printf(
        "  signed results     %,d signed (CAdES); a sample of %,d verified: %,d valid%n",
        resultsSigned, resultsVerified, resultsValid);
    for (String problem : r.problems()) {
      out.println("  ! " + problem);
    }
    out.println("  " + r.verdictLine());
    out.println("  " + r.paymentsLine());
    out.println();
    out.print(report.toText());
    out.println();
    out.println("Files");
    out.println("  receipts (signed XML; HTML of the verified sample) " + receiptsDir);
    out.println("  signed results (text + detached CMS .p7s)         " + resultsDir);
    out.println(
        "  quality report (text, JSON)                       "
            + outDir.resolve("quality-report.txt"));
    if (options.jdbcUrl() == null) {
      out.println(
          "  outbox, receipt numbers, local records (H2)       " + outDir.resolve("commune.mv.db"));
    } else {
      // The URL without its parameters: they may carry the database password.
      out.println(
          "  outbox, receipt numbers, local records (PostgreSQL) "
              + options.jdbcUrl().replaceFirst("[?;].*$", ""));
    }
    out.println();
    out.println("Time per phase (wall clock; CPU time of all threads)");
    timings.forEach(
        (phase, d) ->
            out.printf(
                "  %-52s %6.2f s  (CPU %6.2f s)%n",
                phase,
                d.toMillis() / 1000.0,
                cpuTimings.getOrDefault(phase, Duration.ZERO).toMillis() / 1000.0));
    out.printf("  %-52s %6.2f s%n", "total", total.toMillis() / 1000.0);
    out.println();
    out.println(succeeded() ? "OK: nothing was lost." : "FAILED: the quarter does not reconcile.");
  }
}
