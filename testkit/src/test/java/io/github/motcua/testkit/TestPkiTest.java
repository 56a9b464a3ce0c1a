package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestPkiTest {

  private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");

  @RegisterExtension
  static final TestPki PKI = TestPki.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void endEntityChainsToTheRoot() throws Exception {
    X509Certificate leaf = PKI.organisationSigner().certificate();

    leaf.verify(PKI.intermediateCertificate().getPublicKey());
    PKI.intermediateCertificate().verify(PKI.rootCertificate().getPublicKey());
    assertThat(PKI.organisationSigner().chain()).endsWith(PKI.rootCertificate());
  }

  @Test
  void subjectsCarryVietnameseIdentifiersInUid() {
    assertThat(PKI.organisationSigner().certificate().getSubjectX500Principal().getName())
        .contains("MST:0100233488");
    assertThat(PKI.citizenSigner().certificate().getSubjectX500Principal().getName())
        .contains("CCCD:001203001234");
  }

  @Test
  void validityIsFixedRelativeToTheClock() {
    assertThat(PKI.expiredSigner().certificate().getNotAfter().toInstant())
        .isEqualTo(NOW.minus(Duration.ofDays(30)));
    assertThat(PKI.notYetValidSigner().certificate().getNotBefore().toInstant())
        .isEqualTo(NOW.plus(Duration.ofDays(30)));
  }

  @Test
  void keysAreSharedBetweenInstancesWithTheSameSeed() {
    try (TestPki other = TestPki.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
      assertThat(other.rootCertificate().getPublicKey())
          .isEqualTo(PKI.rootCertificate().getPublicKey());
      assertThat(other.ocspUrl()).isNotEqualTo(PKI.ocspUrl());
    }
  }

  @Test
  void rarelyUsedCredentialsAreTheSameWhenTheyAreMadeOnFirstUse() throws Exception {
    // The bad credentials and the time-stamping one are made on first use; their serial numbers,
    // the CRL and OCSP must not depend on when, or in which order, a test asks for them.
    try (TestPki fresh = TestPki.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
      X509CRL crl =
          (X509CRL)
              CertificateFactory.getInstance("X.509")
                  .generateCRL(
                      new ByteArrayInputStream(
                          http.send(
                                  HttpRequest.newBuilder(
                                          URI.create(fresh.baseUrl() + "/crl/intermediate.crl"))
                                      .build(),
                                  HttpResponse.BodyHandlers.ofByteArray())
                              .body()));
      X509Certificate tsa = fresh.timestampAuthority().certificate();
      X509Certificate revoked = fresh.revokedSigner().certificate();

      assertThat(crl.getRevokedCertificate(revoked.getSerialNumber())).isNotNull();
      // Each instance names its own port in the certificates; serials and keys are the same.
      assertThat(revoked.getSerialNumber())
          .isEqualTo(PKI.revokedSigner().certificate().getSerialNumber());
      assertThat(tsa.getSerialNumber())
          .isEqualTo(PKI.timestampAuthority().certificate().getSerialNumber());
      assertThat(tsa.getPublicKey())
          .isEqualTo(PKI.timestampAuthority().certificate().getPublicKey());
      assertThat(fresh.untrustedSigner().certificate().getSerialNumber())
          .isEqualTo(PKI.untrustedSigner().certificate().getSerialNumber());
      assertThat(fresh.citizenSigner().certificate().getSerialNumber())
          .isEqualTo(PKI.citizenSigner().certificate().getSerialNumber());
    }
  }

  @Test
  void exportsAPkcs12ThatLoads() throws Exception {
    char[] password = "changeit".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(PKI.ecSigner().pkcs12(password)), password);

    assertThat(store.getCertificate(TestPki.ALIAS)).isEqualTo(PKI.ecSigner().certificate());
    assertThat(store.getKey(TestPki.ALIAS, password)).isEqualTo(PKI.ecSigner().privateKey());
  }

  @Test
  void exportsPem() throws Exception {
    X509Certificate parsed =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(PKI.trustAnchorsPem().getBytes()));

    assertThat(parsed).isEqualTo(PKI.rootCertificate());
    assertThat(PKI.citizenSigner().privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void crlReflectsRevocationsMadeAtRunTime() throws Exception {
    X509Certificate target = PKI.ecP384Signer().certificate();
    PKI.revoke(target, NOW.minus(Duration.ofHours(2)));
    try {
      X509CRL crl = fetchCrl();

      crl.verify(PKI.intermediateCertificate().getPublicKey());
      assertThat(
              crl.getRevokedCertificate(target.getSerialNumber()).getRevocationDate().toInstant())
          .isEqualTo(NOW.minus(Duration.ofHours(2)));
      assertThat(crl.getRevokedCertificate(PKI.revokedSigner().certificate().getSerialNumber()))
          .isNotNull();
    } finally {
      PKI.unrevoke(target);
    }
    assertThat(fetchCrl().getRevokedCertificate(target.getSerialNumber())).isNull();
  }

  @Test
  void servicesCanBeTakenDown() throws Exception {
    PKI.crlAvailable(false);
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(PKI.baseUrl() + "/crl/intermediate.crl")).build(),
              HttpResponse.BodyHandlers.ofByteArray());

      assertThat(response.statusCode()).isEqualTo(503);
    } finally {
      PKI.crlAvailable(true);
    }
  }

  @Test
  void ocspResponderRejectsGarbage() throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(PKI.ocspUrl()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .header("Content-Type", "application/ocsp-request")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(new org.bouncycastle.cert.ocsp.OCSPResp(response.body()).getStatus())
        .isEqualTo(org.bouncycastle.cert.ocsp.OCSPResp.MALFORMED_REQUEST);
  }

  @Test
  void credentialToStringHidesTheSubject() {
    assertThat(PKI.citizenSigner().toString())
        .doesNotContain("001203001234")
        .doesNotContain("Nguyễn");
  }

  private X509CRL fetchCrl() throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(PKI.baseUrl() + "/crl/intermediate.crl")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return (X509CRL)
        CertificateFactory.getInstance("X.509")
            .generateCRL(new ByteArrayInputStream(response.body()));
  }
}
