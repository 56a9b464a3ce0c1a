package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.signing.DigestAlgorithm;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.testkit.TestPki;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EReceiptIssuerTest {

  @RegisterExtension static final TestPki PKI = ReceiptFixtures.pki();

  @Test
  void issuesNumberedSignedReceiptsThatVerify() {
    EReceiptIssuer issuer =
        ReceiptFixtures.issuer(
            ReceiptFixtures.key(PKI.organisationSigner()), ReceiptFixtures.allocator());
    IssuedReceipt first = issuer.issue(ReceiptFixtures.request());
    IssuedReceipt second = issuer.issue(ReceiptFixtures.request());

    assertThat(first.receipt().number()).isEqualTo(1);
    assertThat(second.receipt().number()).isEqualTo(2);
    assertThat(first.receipt().issuedAt()).isEqualTo(SampleReceipts.ISSUED_AT);
    assertThat(first.receipt().lookupCode()).hasSize(10).doesNotContain("0", "O", "1", "I");
    assertThat(first.receipt().lookupCode()).isNotEqualTo(second.receipt().lookupCode());

    EReceiptVerification verification = ReceiptFixtures.verifier(PKI).verify(first.xml());
    assertThat(verification.isValid()).as(verification.toString()).isTrue();
    assertThat(verification.receipt()).contains(first.receipt());
  }

  @Test
  void issuesWithAnEcKeyToo() {
    // The EC test certificate belongs to 0314409058: a unit of that tax code issues.
    CollectingUnit unit =
        new CollectingUnit(
            "Công ty Thu hộ",
            io.github.motcua.core.id.TaxCode.parse("0314409058"),
            SampleReceipts.UNIT.agencyCode(),
            "Hà Nội");
    EReceiptIssuer issuer =
        EReceiptIssuer.builder()
            .collectingUnit(unit)
            .series(ReceiptSeries.of(unit.taxCode(), "01BLP0-001", "AB/25E"))
            .allocator(ReceiptFixtures.allocator())
            .signingKey(ReceiptFixtures.key(PKI.ecSigner()))
            .clock(ReceiptFixtures.CLOCK)
            .build();
    IssuedReceipt issued = issuer.issue(ReceiptFixtures.request());
    EReceiptVerification verification = ReceiptFixtures.verifier(PKI).verify(issued.xml());
    assertThat(verification.isValid()).as(verification.toString()).isTrue();
  }

  @Test
  void usesNoNumberForAnInvalidRequest() {
    JdbcReceiptNumberAllocator allocator = ReceiptFixtures.allocator();
    EReceiptIssuer issuer =
        ReceiptFixtures.issuer(ReceiptFixtures.key(PKI.organisationSigner()), allocator);
    ReceiptRequest noReference =
        new ReceiptRequest(
            SampleReceipts.PAYER,
            null,
            List.of(Fee.fee("P1", "Phí", Vnd.of(1_000))),
            PaymentMethod.BANK_TRANSFER,
            null);
    assertThatThrownBy(() -> issuer.issue(noReference))
        .hasFieldOrPropertyWithValue("code", "receipt.payment-reference.required");
    assertThat(allocator.find(SampleReceipts.SERIES, 1)).isEmpty();
    assertThat(issuer.issue(ReceiptFixtures.request()).receipt().number()).isEqualTo(1);
  }

  @Test
  void cancelsTheNumberWhenSigningFails() {
    SigningKey real = ReceiptFixtures.key(PKI.organisationSigner());
    SigningKey pulledOut =
        new SigningKey() {
          @Override
          public List<X509Certificate> certificateChain() {
            return real.certificateChain();
          }

          @Override
          public byte[] signDigest(byte[] digest, DigestAlgorithm algorithm) {
            throw new ConfigurationException(
                "signing-key.token-absent", "The token was removed.", null);
          }
        };
    JdbcReceiptNumberAllocator allocator = ReceiptFixtures.allocator();
    EReceiptIssuer issuer = ReceiptFixtures.issuer(pulledOut, allocator);

    assertThatThrownBy(() -> issuer.issue(ReceiptFixtures.request()))
        .isInstanceOf(MotcuaException.class);
    AllocatedNumber record = allocator.find(SampleReceipts.SERIES, 1).orElseThrow();
    assertThat(record.status()).isEqualTo(AllocatedNumber.Status.CANCELLED);
    assertThat(record.cancelReason()).startsWith("Signing failed: signing-key.");
  }

  @Test
  void refusesASeriesOfAnotherUnit() {
    assertThatThrownBy(
            () ->
                EReceiptIssuer.builder()
                    .collectingUnit(SampleReceipts.UNIT)
                    .series(
                        ReceiptSeries.of(
                            io.github.motcua.core.id.TaxCode.parse("0314409058"), "1", "AB25"))
                    .allocator(ReceiptFixtures.allocator())
                    .signingKey(ReceiptFixtures.key(PKI.organisationSigner()))
                    .build())
        .hasFieldOrPropertyWithValue("code", "receipt.series.unit");
  }

  @Test
  void namesAMissingSetting() {
    assertThatThrownBy(() -> EReceiptIssuer.builder().build())
        .hasFieldOrPropertyWithValue("code", "receipt.issuer.unit.required");
  }
}
