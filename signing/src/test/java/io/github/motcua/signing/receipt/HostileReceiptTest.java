package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.Verdict;
import io.github.motcua.signing.xml.XmlSigner;
import io.github.motcua.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile receipt documents: each is refused with a typed reason, within seconds, without reading
 * outside files or exhausting memory.
 */
@Timeout(10)
class HostileReceiptTest {

  @RegisterExtension static final TestPki PKI = ReceiptFixtures.pki();

  private static String signed;
  private static EReceiptVerifier verifier;

  @BeforeAll
  static void issueOne() {
    verifier = ReceiptFixtures.verifier(PKI);
    IssuedReceipt issued =
        ReceiptFixtures.issuer(
                ReceiptFixtures.key(PKI.organisationSigner()), ReceiptFixtures.allocator())
            .issue(ReceiptFixtures.request());
    signed = new String(issued.xml(), StandardCharsets.UTF_8);
    // Warm up class loading, the HTTP client and the revocation responder, so that the time
    // limits below measure the refusals, not a cold start.
    verify(signed);
  }

  private static EReceiptVerification verify(String xml) {
    return verifier.verify(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(EReceiptVerification result, ReasonCode reason) {
    assertThat(result.report().verdict()).as(result.toString()).isEqualTo(Verdict.INVALID);
    assertThat(result.report().has(reason)).as(result.toString()).isTrue();
    assertThat(result.receipt()).isEmpty();
  }

  private static String dataElement(String xml) {
    int start = xml.indexOf("<ReceiptData");
    int end = xml.indexOf("</ReceiptData>") + "</ReceiptData>".length();
    return xml.substring(start, end);
  }

  @Test
  void theUntouchedReceiptIsValid() {
    assertThat(verify(signed).isValid()).isTrue();
  }

  @Test
  void refusesAnExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    String hostile =
        signed
            .replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE EReceipt [<!ENTITY x SYSTEM \""
                    + secret.toUri()
                    + "\">]>")
            .replace("<Address>Thôn Đông", "<Address>&x;Thôn Đông");
    EReceiptVerification result = verify(hostile);
    assertRefused(result, ReasonCode.XML_DOCTYPE);
    assertThat(result.toString()).doesNotContain("TOP-SECRET");
  }

  @Test
  void refusesABillionLaughsQuicklyAndWithinMemory() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE EReceipt [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10));
      dtd.append("\">");
    }
    dtd.append("]>");
    String hostile =
        signed
            .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?>" + dtd)
            .replace("<Name>Nguyễn Thị Hương</Name>", "<Name>&l9;</Name>");
    long before = usedMemory();
    assertRefused(verify(hostile), ReasonCode.XML_DOCTYPE);
    assertThat(usedMemory() - before).isLessThan(256L << 20);
  }

  @Test
  void refusesAnyDtd() {
    String hostile =
        signed.replace(
            "?><EReceipt>", "?><!DOCTYPE EReceipt SYSTEM \"http://127.0.0.1:1/x.dtd\"><EReceipt>");
    assertRefused(verify(hostile), ReasonCode.XML_DOCTYPE);
  }

  @Test
  void refusesTheSignedElementMovedAndAForgedOneInItsPlace() {
    String original = dataElement(signed);
    String forged =
        original
            .replace("<Amount>8000</Amount>", "<Amount>1000</Amount>")
            .replace("<Total>1284000</Total>", "<Total>1277000</Total>")
            .replace(
                "Một triệu hai trăm tám mươi bốn nghìn đồng",
                "Một triệu hai trăm bảy mươi bảy nghìn đồng");
    // The original goes into a wrapper inside the signature's Object; the forged one, with the
    // same Id, takes its place.
    String hostile =
        signed
            .replace(original, forged)
            .replace(
                "</ds:Object>",
                "</ds:Object><ds:Object><Wrapper>" + original + "</Wrapper></ds:Object>");
    assertRefused(verify(hostile), ReasonCode.XML_DUPLICATE_ID);
  }

  @Test
  void refusesAForgedElementWithoutIdWhileTheSignedOneHidesElsewhere() {
    String original = dataElement(signed);
    String forged =
        original
            .replace(" Id=\"data\"", "")
            .replace("<Address>Thôn Đông, xã Quảng Phú</Address>", "<Address>Nơi khác</Address>");
    String hostile =
        signed
            .replace(original, forged)
            .replace("</ds:Object>", "</ds:Object><ds:Object>" + original + "</ds:Object>");
    EReceiptVerification result = verify(hostile);
    assertRefused(result, ReasonCode.XML_REFERENCE_TARGET);
    assertThat(result.report().formatChecks())
        .anyMatch(c -> c.type() == CheckType.SIGNED_REFERENCE);
  }

  @Test
  void refusesAForgedElementWithAnotherIdWhileTheSignedOneHidesElsewhere() {
    String original = dataElement(signed);
    String forged = original.replace(" Id=\"data\"", " Id=\"data2\"");
    String hostile =
        signed
            .replace(original, forged)
            .replace("</EReceipt>", "<Hidden>" + original + "</Hidden></EReceipt>");
    assertRefused(verify(hostile), ReasonCode.XML_REFERENCE_TARGET);
  }

  @Test
  void refusesTwoElementsWithTheSameId() {
    String hostile = signed.replace("<GeneralInfo>", "<GeneralInfo Id=\"data\">");
    assertRefused(verify(hostile), ReasonCode.XML_DUPLICATE_ID);
  }

  @Test
  void refusesACommentInjectedIntoSignedText() {
    // Canonicalisation without comments would drop it and the digest would still match.
    String hostile =
        signed.replace("<Name>Nguyễn Thị Hương</Name>", "<Name>Nguyễn<!-- -->Thị Hương</Name>");
    assertRefused(verify(hostile), ReasonCode.XML_COMMENT);
  }

  @Test
  void refusesWhitespaceInjectedIntoSignedText() {
    String hostile = signed.replace("<Total>1284000</Total>", "<Total> 1284000</Total>");
    EReceiptVerification result = verify(hostile);
    assertRefused(result, ReasonCode.CONTENT_DIGEST_MISMATCH);
  }

  @Test
  void refusesATamperedAmount() {
    String hostile = signed.replace("<Amount>8000</Amount>", "<Amount>800</Amount>");
    EReceiptVerification result = verify(hostile);
    assertRefused(result, ReasonCode.CONTENT_DIGEST_MISMATCH);
  }

  @Test
  void refusesATamperedSigningTime() {
    String hostile =
        signed.replace(
            "2025-08-15T09:30:00+07:00</mp:SigningTime>",
            "2024-01-01T00:00:00+07:00</mp:SigningTime>");
    assertThat(hostile).isNotEqualTo(signed);
    assertRefused(verify(hostile), ReasonCode.CONTENT_DIGEST_MISMATCH);
  }

  @Test
  void refusesATruncatedDocument() {
    assertRefused(verify(signed.substring(0, signed.length() * 2 / 3)), ReasonCode.XML_MALFORMED);
  }

  @Test
  void refusesASecondSignature() {
    int start = signed.indexOf("<ds:Signature");
    int end = signed.indexOf("</ds:Signature>") + "</ds:Signature>".length();
    String signature = signed.substring(start, end).replace("data-signature", "x-signature");
    String hostile = signed.replace("</Signatures>", signature + "</Signatures>");
    EReceiptVerification result = verify(hostile);
    assertThat(result.report().verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.receipt()).isEmpty();
  }

  @Test
  void refusesAnOversizedDocumentBeforeParsing() {
    String hostile =
        signed.replace("</EReceipt>", "<Pad>" + "x".repeat(2 << 20) + "</Pad></EReceipt>");
    assertRefused(verify(hostile), ReasonCode.XML_TOO_LARGE);
  }

  @Test
  void reportsASignedReceiptThatBreaksAContentRule() {
    // A correctly signed document whose total is not the sum of its items.
    String unsigned =
        new String(EReceiptXml.write(SampleReceipts.receipt()), StandardCharsets.UTF_8)
            .replace("<Total>1284000</Total>", "<Total>1284001</Total>");
    byte[] xml =
        XmlSigner.builder()
            .signingKey(ReceiptFixtures.key(PKI.organisationSigner()))
            .clock(ReceiptFixtures.CLOCK)
            .build()
            .sign(unsigned.getBytes(StandardCharsets.UTF_8), EReceiptXml.DATA_ID);
    EReceiptVerification result = verifier.verify(xml);
    assertRefused(result, ReasonCode.CONTENT_RULES_BROKEN);
    assertThat(result.report().formatChecks())
        .anyMatch(c -> c.detail().equals("receipt.total.sum"));
  }

  @Test
  void refusesAReceiptSignedByAnotherUnit() {
    // The EC certificate carries MST:0314409058; the receipt is issued in 0100233488's name.
    byte[] xml =
        XmlSigner.builder()
            .signingKey(ReceiptFixtures.key(PKI.ecSigner()))
            .clock(ReceiptFixtures.CLOCK)
            .build()
            .sign(EReceiptXml.write(SampleReceipts.receipt()), EReceiptXml.DATA_ID);
    assertRefused(verifier.verify(xml), ReasonCode.SIGNER_IDENTITY_MISMATCH);
  }

  private static long usedMemory() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
