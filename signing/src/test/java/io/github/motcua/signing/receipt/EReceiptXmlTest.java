package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Payer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EReceiptXmlTest {

  private static String xml() {
    return new String(EReceiptXml.write(SampleReceipts.receipt()), StandardCharsets.UTF_8);
  }

  private static EReceipt read(String xml) {
    return EReceiptXml.read(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsBackWhatItWrites() {
    assertThat(read(xml())).isEqualTo(SampleReceipts.receipt());
  }

  @Test
  void readsBackAReceiptWithoutDossierOrReference() {
    EReceipt cash =
        SampleReceipts.builder()
            .dossierCode(null)
            .paymentMethod(PaymentMethod.CASH)
            .paymentReference(null)
            .payer(Payer.named("Trần Văn Bình", null))
            .build();
    assertThat(EReceiptXml.read(EReceiptXml.write(cash))).isEqualTo(cash);
  }

  @Test
  void writesTheDocumentedLayoutInVietnamTime() {
    assertThat(xml())
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><EReceipt>")
        .contains("<ReceiptData Id=\"data\">")
        .contains("<FormatVersion>1.0</FormatVersion>")
        .contains("<IssuedAt>2025-08-15T09:30:00+07:00</IssuedAt>")
        .contains("<Kind>CHARGE</Kind>")
        .contains("<Total>1284000</Total>")
        .contains("<TotalInWords>Một triệu hai trăm tám mươi bốn nghìn đồng</TotalInWords>")
        .contains("<Method>ONLINE_PAYMENT_PLATFORM</Method>");
  }

  @Test
  void readsFromAStream() {
    assertThat(EReceiptXml.read(new ByteArrayInputStream(xml().getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(SampleReceipts.receipt());
  }

  @Test
  void refusesATamperedTotalAsAContentRule() {
    String tampered = xml().replace("<Total>1284000</Total>", "<Total>1284001</Total>");
    assertThatThrownBy(() -> read(tampered))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "receipt.total.sum");
  }

  @Test
  @Timeout(5)
  void refusesAnExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String hostile =
        xml()
            .replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE EReceipt [<!ENTITY x SYSTEM \""
                    + secret.toUri()
                    + "\">]>")
            .replace("<Name>Nguyễn Thị Hương</Name>", "<Name>&x;</Name>");
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> read(hostile));
    assertThat(e.code()).isEqualTo("receipt-xml.doctype");
    assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
  }

  @Test
  @Timeout(5)
  void refusesABillionLaughsQuickly() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE EReceipt [<!ENTITY l0 \"ha\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"");
      dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");
    String hostile = dtd + "<EReceipt><ReceiptData Id=\"data\">&l9;</ReceiptData></EReceipt>";
    long start = System.nanoTime();
    assertThatThrownBy(() -> read(hostile))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.doctype");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void refusesAnyDtdEvenAnEmptyOne() {
    String hostile = xml().replace("?><EReceipt>", "?><!DOCTYPE EReceipt><EReceipt>");
    assertThatThrownBy(() -> read(hostile))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.doctype");
  }

  @Test
  void refusesATruncatedDocument() {
    String whole = xml();
    String truncated = whole.substring(0, whole.length() / 2);
    assertThatThrownBy(() -> read(truncated))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.malformed");
  }

  @Test
  void refusesADocumentOverTheSizeLimitBeforeParsing() {
    byte[] bytes = xml().getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EReceiptXml.read(bytes, bytes.length - 1))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.too-large");
  }

  @Test
  void refusesAStreamOverTheSizeLimitWithoutReadingItAll() {
    byte[] big = new byte[5 << 20];
    ByteArrayInputStream in = new ByteArrayInputStream(big);
    assertThatThrownBy(() -> EReceiptXml.read(in))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.too-large");
    assertThat(in.available()).isGreaterThan(0);
  }

  @Test
  void refusesACommentInsideAValue() {
    String hostile = xml().replace("<Total>1284000</Total>", "<Total>1284<!-- -->000</Total>");
    assertThatThrownBy(() -> read(hostile))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.comment");
  }

  @Test
  void refusesDeeplyNestedElements() {
    String hostile = "<EReceipt>" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</EReceipt>";
    assertThatThrownBy(() -> read(hostile))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.malformed");
  }

  @Test
  void refusesAnUnknownElement() {
    String hostile = xml().replace("<Total>", "<Discount>1</Discount><Total>");
    assertThatThrownBy(() -> read(hostile))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.structure");
  }

  @Test
  void refusesTwoDataElements() {
    String whole = xml();
    int start = whole.indexOf("<ReceiptData");
    int end = whole.indexOf("</ReceiptData>") + "</ReceiptData>".length();
    String hostile = whole.substring(0, end) + whole.substring(start, end) + whole.substring(end);
    assertThatThrownBy(() -> read(hostile))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.structure");
  }

  @Test
  void refusesAnAmountWithAGroupingSeparator() {
    String hostile = xml().replace("<Amount>8000</Amount>", "<Amount>8.000</Amount>");
    assertThatThrownBy(() -> read(hostile))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.value");
  }

  @Test
  void namesAnInvalidIdentifierField() {
    String hostile =
        xml().replace("<TaxCode>0100233488</TaxCode>", "<TaxCode>0100233480</TaxCode>");
    assertThatThrownBy(() -> read(hostile))
        .hasFieldOrPropertyWithValue("code", "receipt.unit.tax-code.invalid");
  }

  @Test
  void refusesAnotherFormatVersion() {
    String hostile = xml().replace("<FormatVersion>1.0<", "<FormatVersion>9.9<");
    assertThatThrownBy(() -> read(hostile))
        .hasFieldOrPropertyWithValue("code", "receipt-xml.version");
  }
}
