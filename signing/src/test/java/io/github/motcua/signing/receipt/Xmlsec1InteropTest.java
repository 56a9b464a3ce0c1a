package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.xml.ExternalTool;
import io.github.motcua.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with xmlsec1 (libxmlsec1, an independent implementation), both ways. Skipped,
 * visibly, when xmlsec1 is not installed; .ci/run installs it.
 */
class Xmlsec1InteropTest {

  @RegisterExtension static final TestPki PKI = ReceiptFixtures.pki();

  /** xmlsec1 checks certificates at this time: the receipts' signing time. */
  private static final String VERIFICATION_TIME = "2025-08-15 02:30:00";

  @TempDir Path dir;

  @BeforeEach
  void requireXmlsec1() {
    ExternalTool.assumeInstalled("xmlsec1", "the xmlsec1 interoperability test");
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private ExternalTool.Result xmlsec1(String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of("xmlsec1"));
    command.addAll(List.of(arguments));
    return ExternalTool.run(command, 60);
  }

  private void assertXmlsec1Verifies(TestPki.Credential credential, CollectingUnit unit)
      throws Exception {
    EReceiptIssuer issuer =
        EReceiptIssuer.builder()
            .collectingUnit(unit)
            .series(ReceiptSeries.of(unit.taxCode(), "01BLP0-001", "AB/25E"))
            .allocator(ReceiptFixtures.allocator())
            .signingKey(ReceiptFixtures.key(credential))
            .clock(ReceiptFixtures.CLOCK)
            .build();
    Path receipt = dir.resolve("receipt.xml");
    Files.write(receipt, issuer.issue(ReceiptFixtures.request()).xml());
    Path root = write("root.pem", PKI.trustAnchorsPem());

    ExternalTool.Result result =
        xmlsec1(
            "--verify",
            "--trusted-pem",
            root.toString(),
            "--id-attr:Id",
            "ReceiptData",
            "--verification-time",
            VERIFICATION_TIME,
            receipt.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("OK");
  }

  @Test
  void xmlsec1VerifiesAnRsaSignedReceipt() throws Exception {
    assertXmlsec1Verifies(PKI.organisationSigner(), SampleReceipts.UNIT);
  }

  @Test
  void xmlsec1VerifiesAnEcdsaSignedReceipt() throws Exception {
    CollectingUnit unit =
        new CollectingUnit(
            "Công ty Thu hộ",
            io.github.motcua.core.id.TaxCode.parse("0314409058"),
            SampleReceipts.UNIT.agencyCode(),
            "Hà Nội");
    assertXmlsec1Verifies(PKI.ecSigner(), unit);
  }

  @Test
  void xmlsec1RefusesATamperedReceipt() throws Exception {
    IssuedReceipt issued =
        ReceiptFixtures.issuer(
                ReceiptFixtures.key(PKI.organisationSigner()), ReceiptFixtures.allocator())
            .issue(ReceiptFixtures.request());
    String tampered =
        new String(issued.xml(), StandardCharsets.UTF_8)
            .replace("<Amount>8000</Amount>", "<Amount>800</Amount>");
    Path receipt = write("tampered.xml", tampered);
    Path root = write("root.pem", PKI.trustAnchorsPem());
    ExternalTool.Result result =
        xmlsec1(
            "--verify",
            "--trusted-pem",
            root.toString(),
            "--id-attr:Id",
            "ReceiptData",
            "--verification-time",
            VERIFICATION_TIME,
            receipt.toString());
    assertThat(result.exitCode()).as(result.output()).isNotZero();
  }

  @Test
  void motcuaVerifiesAReceiptSignedByXmlsec1() throws Exception {
    String unsigned =
        new String(EReceiptXml.write(SampleReceipts.receipt()), StandardCharsets.UTF_8);
    String template =
        unsigned.replace(
            "</EReceipt>",
            "<Signatures><ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
                + "<ds:SignedInfo>"
                + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<ds:Reference URI=\"#data\"><ds:Transforms>"
                + "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                + "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "</ds:Transforms>"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
                + "<ds:DigestValue/></ds:Reference></ds:SignedInfo>"
                + "<ds:SignatureValue/>"
                + "<ds:KeyInfo><ds:X509Data/></ds:KeyInfo>"
                + "</ds:Signature></Signatures></EReceipt>");
    Path templateFile = write("template.xml", template);
    TestPki.Credential signer = PKI.organisationSigner();
    Path key = write("key.pem", signer.privateKeyPem());
    // xmlsec1 reads one certificate per PEM file: one file for each certificate of the chain.
    StringBuilder keyAndCertificates = new StringBuilder(key.toString());
    for (int i = 0; i < signer.chain().size(); i++) {
      String pem =
          "-----BEGIN CERTIFICATE-----\n"
              + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                  .encodeToString(signer.chain().get(i).getEncoded())
              + "\n-----END CERTIFICATE-----\n";
      keyAndCertificates.append(',').append(write("certificate" + i + ".pem", pem));
    }
    Path out = dir.resolve("signed-by-xmlsec1.xml");

    ExternalTool.Result result =
        xmlsec1(
            "--sign",
            "--privkey-pem",
            keyAndCertificates.toString(),
            "--id-attr:Id",
            "ReceiptData",
            "--output",
            out.toString(),
            templateFile.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();

    EReceiptVerification verification =
        ReceiptFixtures.verifier(PKI).verify(Files.readAllBytes(out));
    assertThat(verification.isValid()).as(verification.toString()).isTrue();
    assertThat(verification.receipt()).contains(SampleReceipts.receipt());
    assertThat(verification.report().has(ReasonCode.SIGNING_TIME_MISSING)).isTrue();
  }
}
