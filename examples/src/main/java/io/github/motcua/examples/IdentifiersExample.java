package io.github.motcua.examples;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import java.io.PrintStream;
import java.time.LocalDate;

/**
 * Identifiers and money: decodes a personal ID, validates tax codes and dossier codes, and prints a
 * fee in figures and in words.
 */
public final class IdentifiersExample {

  private IdentifiersExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the example, printing to the given stream.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    out.println("motcua: identifiers and money");
    out.println();

    PersonalId citizen = PersonalId.parse("038 203 001 234");
    out.println("Personal ID        " + citizen + "  (only the masked form is ever printed)");
    out.println("  born in          " + citizen.birthProvinceName().orElse("abroad or unknown"));
    out.println("  sex, birth year  " + citizen.sex() + ", " + citizen.birthYear());
    out.println();

    for (String text : new String[] {"0100233488", "0314409058-002", "0100233480"}) {
      try {
        TaxCode taxCode = TaxCode.parse(text);
        out.println("Tax code           " + taxCode + "  valid, " + taxCode.kind());
      } catch (InvalidInputException e) {
        out.println(
            "Tax code           " + text + "  refused: [" + e.code() + "] " + e.getMessage());
      }
    }
    out.println();

    DossierCode national = DossierCode.parse("G09.20-20260609-0092637");
    out.println(
        "Dossier code       "
            + national
            + "  agency "
            + national.agency()
            + ", received "
            + national.receivedOn()
            + ", no. "
            + national.sequence());
    DossierCode ours =
        DossierCode.of(AgencyCode.parse("000.00.31.H56"), LocalDate.of(2025, 8, 15), 1);
    out.println("New dossier code   " + ours);
    out.println();

    Vnd fee = Vnd.of(1_284_000);
    out.println("Fee                " + fee.format());
    out.println("  in words         " + fee.inWords());
  }
}
