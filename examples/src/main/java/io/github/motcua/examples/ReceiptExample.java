package io.github.motcua.examples;

import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.receipt.CollectingUnit;
import io.github.motcua.signing.receipt.EReceipt;
import io.github.motcua.signing.receipt.EReceiptHtml;
import io.github.motcua.signing.receipt.EReceiptIssuer;
import io.github.motcua.signing.receipt.EReceiptVerification;
import io.github.motcua.signing.receipt.EReceiptVerifier;
import io.github.motcua.signing.receipt.IssuedReceipt;
import io.github.motcua.signing.receipt.JdbcReceiptNumberAllocator;
import io.github.motcua.signing.receipt.PaymentMethod;
import io.github.motcua.signing.receipt.ReceiptRequest;
import io.github.motcua.signing.receipt.ReceiptSeries;
import io.github.motcua.signing.xml.XmlSignatureVerifier;
import io.github.motcua.testkit.TestPki;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Issues and verifies an electronic receipt (biên lai điện tử) for a paid fee, and writes the
 * signed XML and the printable HTML next to each other in a folder.
 *
 * <p>The commune's signing key comes from the test kit's PKI (a real RSA key and certificate chain
 * with {@code UID=MST:0100233488}); receipt numbers come from an embedded H2 database in the same
 * folder, so running the example again continues the series.
 */
public final class ReceiptExample {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private ReceiptExample() {}

  /**
   * Runs the example into {@code target/motcua-receipts}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the example into {@code target/motcua-receipts}, printing to the given stream.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    run(out, Path.of("target", "motcua-receipts"));
  }

  /**
   * Runs the example into a folder.
   *
   * @param out where to print
   * @param folder where the XML, the HTML and the numbering database go
   * @return the issued receipt's XML file (the HTML file is next to it)
   */
  public static Path run(PrintStream out, Path folder) {
    Clock clock = Clock.systemUTC();
    try (TestPki pki = TestPki.builder().clock(clock).build()) {
      Files.createDirectories(folder);
      TestPki.Credential commune = pki.organisationSigner();

      // The collecting unit and its series under the rules in force since 1 July 2026 (Decree
      // 254/2026/NĐ-CP, Circular 91/2026/TT-BTC): form symbol EBL01, receipt symbol of this year's
      // two digits, T and two letters; numbering starts again at 1 each 1 January.
      CollectingUnit unit =
          new CollectingUnit(
              "Trung tâm Phục vụ hành chính công xã Quảng Phú",
              TaxCode.parse("0100233488"),
              AgencyCode.parse("000.00.31.H56"),
              "Thôn Phú Lộc, xã Quảng Phú, tỉnh Thanh Hóa");
      int year = LocalDate.now(clock.withZone(VIETNAM)).getYear();
      ReceiptSeries series =
          ReceiptSeries.of(
              unit.taxCode(), "EBL01", String.format(Locale.ROOT, "%02dTQP", year % 100));

      EReceiptIssuer issuer =
          EReceiptIssuer.builder()
              .collectingUnit(unit)
              .series(series)
              .allocator(
                  JdbcReceiptNumberAllocator.builder()
                      .h2File(folder.toAbsolutePath().resolve("receipt-numbers"))
                      .build())
              .signingKey(KeyStoreSigningKey.of(commune.privateKey(), commune.chain()))
              .clock(clock)
              .build();

      // A citizen paid the birth registration charge online for dossier ...-0001.
      IssuedReceipt issued =
          issuer.issue(
              new ReceiptRequest(
                  Payer.person(
                      "Nguyễn Thị Hương",
                      PersonalId.parse("038185001234"),
                      "Thôn Đông, xã Quảng Phú"),
                  DossierCode.parse("000.00.31.H56-250815-0001"),
                  List.of(
                      Fee.charge(
                          "LP-HT-01", "Lệ phí cấp bản sao trích lục khai sinh", Vnd.of(8_000)),
                      Fee.fee("P-CC-02", "Phí chứng thực bản sao", Vnd.of(12_000))),
                  PaymentMethod.ONLINE_PAYMENT_PLATFORM,
                  "DVC" + System.currentTimeMillis()));
      EReceipt receipt = issued.receipt();

      // Anyone holding the trust anchors verifies it: signature, chain, revocation, content.
      EReceiptVerifier verifier =
          EReceiptVerifier.builder()
              .xmlVerifier(
                  XmlSignatureVerifier.builder()
                      .trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                      .clock(clock)
                      .build())
              .build();
      EReceiptVerification verification = verifier.verify(issued.xml());

      String name =
          "bien-lai-"
              + receipt.seriesSymbol().replaceAll("[^A-Za-z0-9]", "")
              + "-"
              + receipt.printedNumber();
      Path xml = Files.write(folder.resolve(name + ".xml"), issued.xml());
      Path html =
          Files.writeString(
              folder.resolve(name + ".html"),
              EReceiptHtml.render(verification, "https://dichvucong.gov.vn"),
              StandardCharsets.UTF_8);

      out.println("motcua: electronic receipt for a paid fee");
      out.println();
      out.println("Receipt            " + series + " No." + receipt.printedNumber());
      out.println("Payer              " + receipt.payer());
      out.println("Total              " + receipt.total().format());
      out.println("In words           " + receipt.totalInWords());
      out.println("Lookup code        " + receipt.lookupCode());
      out.println("Verification       " + verification.report().verdict());
      out.println("Signed XML         " + xml.toAbsolutePath());
      out.println("Printable HTML     " + html.toAbsolutePath());
      return xml;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
