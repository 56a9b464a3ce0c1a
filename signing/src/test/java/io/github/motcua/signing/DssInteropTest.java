package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * EU DSS (the European Commission's validator, test scope only) as an independent reader of the
 * CAdES-LTA signatures motcua makes: it must see the level, and recompute each archive time-stamp's
 * imprint from the ats-hash-index-v3 to the same value.
 */
class DssInteropTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  @RegisterExtension
  static final TimestampAuthorityFake TSA =
      TimestampAuthorityFake.builder(PKI).clock(Fixtures.SIGNING_CLOCK).build();

  @RegisterExtension static final TimestampAuthorityFake RENEWED_TSA = Renewal.authority(PKI);

  static final java.time.Instant TEN_YEARS_LATER =
      Fixtures.NOW.plus(java.time.Duration.ofDays(3652));

  @org.junit.jupiter.api.AfterEach
  void servicesBackUp() {
    PKI.revocationAvailable(true);
  }

  private static byte[] lta() {
    return extender()
        .toLta(
            CmsSigner.builder()
                .key(Fixtures.key(PKI.organisationSigner()))
                .clock(Fixtures.SIGNING_CLOCK)
                .timestampAuthority(
                    HttpTimestampAuthority.builder()
                        .url(TSA.url())
                        .nonceSource(new Random(3))
                        .build())
                .build()
                .sign(Fixtures.CONTENT),
            new ByteArrayInputStream(Fixtures.CONTENT));
  }

  private static SignatureReport motcua(byte[] cms, java.time.Instant at) {
    return CmsVerifier.builder()
        .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
        .clock(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC))
        .build()
        .verify(cms, Fixtures.CONTENT);
  }

  private static void assertIndication(
      Reports reports, eu.europa.esig.dss.enumerations.Indication indication) {
    String id = reports.getSimpleReport().getFirstSignatureId();
    assertThat(reports.getSimpleReport().getIndication(id))
        .as(
            "%s %s",
            reports.getSimpleReport().getSubIndication(id),
            reports.getSimpleReport().getAdESValidationErrors(id))
        .isEqualTo(indication);
  }

  private static CmsExtender extender() {
    return CmsExtender.builder()
        .certificateValidator(
            CertificateValidator.builder()
                .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .clock(Fixtures.SIGNING_CLOCK)
                .build())
        .timestampAuthority(
            HttpTimestampAuthority.builder().url(TSA.url()).nonceSource(new Random(5)).build())
        .build();
  }

  private static Reports validate(byte[] cms, java.time.Instant at) {
    return validate(cms, Fixtures.CONTENT, at);
  }

  private static Reports validate(byte[] cms, byte[] content, java.time.Instant at) {
    CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
    for (X509Certificate anchor : PKI.trustAnchors()) {
      trusted.addCertificate(new CertificateToken(anchor));
    }
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    verifier.setTrustedCertSources(trusted);
    verifier.setOcspSource(null);
    verifier.setCrlSource(null);
    verifier.setAIASource(null);
    SignedDocumentValidator validator =
        SignedDocumentValidator.fromDocument(new InMemoryDocument(cms));
    validator.setCertificateVerifier(verifier);
    validator.setDetachedContents(List.of(new InMemoryDocument(content)));
    validator.setValidationTime(Date.from(at));
    return validator.validateDocument();
  }

  @Test
  void dssReadsTheLevelAndEveryArchiveTimeStampsImprint() {
    byte[] lta = lta();
    byte[] renewed = extender().toLta(lta, new ByteArrayInputStream(Fixtures.CONTENT));

    for (byte[] signature : List.of(lta, renewed)) {
      Reports reports = validate(signature, Fixtures.VERIFY_CLOCK.instant());
      DiagnosticData diagnostic = reports.getDiagnosticData();
      String id = reports.getSimpleReport().getFirstSignatureId();
      List<TimestampWrapper> archive =
          diagnostic.getTimestampList().stream()
              .filter(t -> t.getType() == TimestampType.ARCHIVE_TIMESTAMP)
              .toList();

      assertThat(reports.getSimpleReport().getSignatureFormat(id))
          .isEqualTo(SignatureLevel.CAdES_BASELINE_LTA);
      assertThat(archive).hasSize(signature == lta ? 1 : 2);
      for (TimestampWrapper timestamp : archive) {
        assertThat(timestamp.isMessageImprintDataFound()).isTrue();
        assertThat(timestamp.isMessageImprintDataIntact()).isTrue();
        assertThat(timestamp.isSignatureIntact()).isTrue();
      }
      assertThat(diagnostic.getSignatureById(id).isSignatureIntact()).isTrue();
      assertIndication(reports, eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
    }
  }

  @Test
  void tenYearsLaterDssAndMotcuaAgreeThatAnUnrenewedLtaSignatureIsIndeterminate() {
    byte[] lta = lta();
    PKI.revocationAvailable(false);

    Reports reports = validate(lta, TEN_YEARS_LATER);
    SignatureReport ours = motcua(lta, TEN_YEARS_LATER);

    assertIndication(reports, eu.europa.esig.dss.enumerations.Indication.INDETERMINATE);
    assertThat(ours.verdict()).as(ours.toString()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(ours.has(ReasonCode.ARCHIVE_TIMESTAMP_NO_PROOF_OF_EXISTENCE)).isTrue();
  }

  @Test
  void tenYearsLaterDssAndMotcuaAgreeThatAnLtaSignatureRenewedInTimeIsValid() {
    byte[] renewed = Renewal.renew(PKI, RENEWED_TSA, lta());
    PKI.revocationAvailable(false);

    Reports reports = validate(renewed, TEN_YEARS_LATER);
    SignatureReport ours = motcua(renewed, TEN_YEARS_LATER);

    assertIndication(reports, eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
    assertThat(ours.verdict()).as(ours.toString()).isEqualTo(Verdict.VALID);
  }

  @Test
  void dssAndMotcuaAgreeThatTamperedContentFails() {
    byte[] lta = lta();
    byte[] other = Fixtures.CONTENT.clone();
    other[0] ^= 1;

    Reports reports = validate(lta, other, Fixtures.VERIFY_CLOCK.instant());
    String id = reports.getSimpleReport().getFirstSignatureId();
    SignatureReport ours =
        CmsVerifier.builder()
            .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
            .clock(Fixtures.VERIFY_CLOCK)
            .build()
            .verify(lta, other);

    assertThat(reports.getSimpleReport().getIndication(id))
        .isEqualTo(eu.europa.esig.dss.enumerations.Indication.TOTAL_FAILED);
    assertThat(reports.getSimpleReport().getSubIndication(id))
        .isEqualTo(eu.europa.esig.dss.enumerations.SubIndication.HASH_FAILURE);
    assertThat(ours.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(ours.has(ReasonCode.CONTENT_DIGEST_MISMATCH)).isTrue();
  }
}
