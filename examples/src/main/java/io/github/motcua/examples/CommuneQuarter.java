package io.github.motcua.examples;

import java.io.PrintStream;

/**
 * The main example, started by the README's Run command: what motcua does for a commune's Public
 * Administrative Service Center, one part after another.
 */
public final class CommuneQuarter {

  private CommuneQuarter() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs every part of the example, printing to the given stream.
   *
   * @param out where to print
   */
  static void run(PrintStream out) {
    section(out, "Identifiers and money");
    IdentifiersExample.run(out);
    section(out, "A dossier folded from its events");
    DossierExample.run(out);
    section(out, "A citizen logs in with VNeID");
    CitizenLoginExample.run(out);
    section(out, "Publishing a dossier to the portals and taking its fee");
    PublishDossierExample.run(out);
    section(out, "A signed e-receipt for a paid fee");
    ReceiptExample.run(out);
    section(out, "A signed result document (CAdES)");
    SignResultExample.run(out);
    section(out, "A signed PDF result and a signed PDF receipt (PAdES)");
    SignedPdfExample.run(out);
    section(out, "A quarter's service-quality report");
    QualityReportExample.run(out);
  }

  private static void section(PrintStream out, String title) {
    out.println();
    out.println("== " + title + " " + "=".repeat(Math.max(3, 72 - title.length())));
    out.println();
  }
}
