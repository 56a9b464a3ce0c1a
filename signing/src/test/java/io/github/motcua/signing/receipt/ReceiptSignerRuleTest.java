package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.id.TaxCode;
import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.Verdict;
import io.github.motcua.testkit.TestPki;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The signer rule of docs/receipts.md: a receipt is signed with the collecting unit's own
 * certificate or its parent unit's, never a branch's certificate for its head unit.
 */
class ReceiptSignerRuleTest {

  @RegisterExtension static final TestPki PKI = ReceiptFixtures.pki();

  private static final TaxCode BRANCH = TaxCode.parse(SampleReceipts.UNIT_TAX_CODE + "-001");

  private static SigningKey branchKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    return KeyStoreSigningKey.of(
        keys.getPrivate(),
        PKI.certify(
            keys.getPublic(),
            "C=VN,O=Chi nhánh Quảng Phú,CN=Chi nhánh Quảng Phú,UID=MST:" + BRANCH.value()));
  }

  private static CollectingUnit branchUnit() {
    return new CollectingUnit(
        "Chi nhánh Quảng Phú",
        BRANCH,
        SampleReceipts.UNIT.agencyCode(),
        SampleReceipts.UNIT.address());
  }

  private static EReceiptVerification issueAndVerify(CollectingUnit unit, SigningKey key) {
    IssuedReceipt issued =
        EReceiptIssuer.builder()
            .collectingUnit(unit)
            .series(ReceiptSeries.of(unit.taxCode(), "01BLP0-001", "AB/25E"))
            .allocator(ReceiptFixtures.allocator())
            .signingKey(key)
            .clock(ReceiptFixtures.CLOCK)
            .random(new Random(7))
            .build()
            .issue(ReceiptFixtures.request());
    return ReceiptFixtures.verifier(PKI).verify(issued.xml());
  }

  @Test
  void aBranchCertificateMustNotSignTheHeadUnitsReceipt() throws Exception {
    EReceiptVerification result = issueAndVerify(SampleReceipts.UNIT, branchKey());

    assertThat(result.report().verdict()).as(result.toString()).isEqualTo(Verdict.INVALID);
    assertThat(result.report().has(ReasonCode.SIGNER_IDENTITY_MISMATCH)).isTrue();
    assertThat(result.receipt()).isEmpty();
  }

  @Test
  void theParentUnitMaySignItsBranchsReceipt() {
    CollectingUnit branch = branchUnit();

    EReceiptVerification result =
        issueAndVerify(branch, ReceiptFixtures.key(PKI.organisationSigner()));

    assertThat(result.report().verdict()).as(result.toString()).isEqualTo(Verdict.VALID);
    assertThat(result.report().formatChecks())
        .anySatisfy(
            c -> {
              assertThat(c.type()).isEqualTo(CheckType.SIGNER_IDENTITY);
              assertThat(c.reason()).isEqualTo(ReasonCode.SIGNER_IDENTITY_MATCHES);
            });
  }

  @Test
  void theBranchSignsItsOwnReceipt() throws Exception {
    CollectingUnit branch = branchUnit();

    EReceiptVerification result = issueAndVerify(branch, branchKey());

    assertThat(result.report().verdict()).as(result.toString()).isEqualTo(Verdict.VALID);
  }
}
