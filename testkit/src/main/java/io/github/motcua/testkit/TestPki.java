package io.github.motcua.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.motcua.testkit.internal.pki.Authority;
import io.github.motcua.testkit.internal.pki.CertificateMaker;
import io.github.motcua.testkit.internal.pki.CertificateSpec;
import io.github.motcua.testkit.internal.pki.DeterministicKeys;
import io.github.motcua.testkit.internal.pki.Memo;
import io.github.motcua.testkit.internal.pki.RevocationResponder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test public-key infrastructure (hạ tầng khóa công khai thử nghiệm), built in memory in one
 * line: a root CA, an intermediate CA, end-entity signing certificates with Vietnamese-style
 * subjects (the holder's tax code or personal ID in the {@code UID} attribute, as {@code
 * MST:0100233488} or {@code CCCD:001203001234}), a time-stamping certificate, and deliberately bad
 * certificates (expired, not yet valid, revoked, wrong key usage, from an untrusted root).
 *
 * <p>Its CRLs ({@code GET /crl/root.crl}, {@code /crl/intermediate.crl}) and an OCSP responder
 * ({@code POST /ocsp}) are served over HTTP on a WireMock server bound to a free loopback port; the
 * certificates name those URLs in their CRL distribution points and authority information access,
 * so a verifier fetches them as it would in production; each certificate also names where its
 * issuer's certificate is published ({@code GET /ca/<authority>.cer}, AIA caIssuers). Revocations
 * may be added and removed while tests run, and each service can be taken down.
 *
 * <pre>{@code
 * try (TestPki pki = TestPki.builder().build()) {
 *   TestPki.Credential signer = pki.organisationSigner();
 *   KeyStore ks = signer.keyStore("changeit".toCharArray());
 *   List<X509Certificate> anchors = pki.trustAnchors();
 * }
 * }</pre>
 *
 * <p>Validity dates are fixed relative to the builder's clock (default: the system clock, truncated
 * to the second): valid certificates run from one year before to two years after; the expired one
 * ended 30 days before; the not-yet-valid one starts 30 days after; the revoked one was revoked 10
 * days before. Keys are derived from fixed seeds and generated once per JVM, so two instances share
 * keys and a test PKI costs milliseconds after the first. Each instance has its own server and
 * state; nothing is static except the key cache.
 *
 * <p>Thread-safe. Close it (or register it as a JUnit 5 extension: on a static field it closes
 * after the class's last test, on an instance field after each test) to stop the server.
 */
public final class TestPki
    implements AutoCloseable,
        BeforeAllCallback,
        AfterAllCallback,
        AfterEachCallback,
        FaultInjectable {

  /** The alias of the key entry in every exported key store. */
  public static final String ALIAS = "signer";

  private static final int CA_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;
  private static final int SIGNING_USAGE = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

  private final Instant now;
  private final String seed;
  private final boolean rfc7093KeyIdentifiers;
  private final WireMockServer server;
  private final RevocationResponder responder;
  private final ExtensionScope scope = new ExtensionScope();
  private final io.github.motcua.testkit.internal.portal.FaultSchedule networkFaults =
      new io.github.motcua.testkit.internal.portal.FaultSchedule();
  private final AtomicLong serials = new AtomicLong(0x1000);
  private final Authority root;
  private final Authority intermediate;
  private final Authority untrustedRoot;
  private final Credential organisationSigner;
  private final Supplier<Credential> citizenSigner;
  private final Credential ecSigner;
  private final Credential ecP384Signer;
  private final Supplier<Credential> expiredSigner;
  private final Supplier<Credential> notYetValidSigner;
  private final Supplier<Credential> revokedSigner;
  private final Supplier<Credential> wrongKeyUsageSigner;
  private final Supplier<Credential> untrustedSigner;
  private final Supplier<Credential> timestampAuthority;
  private final Supplier<Credential> renewedTimestampAuthority;

  private TestPki(Builder builder) {
    this.now = builder.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    this.seed = builder.keySeed;
    this.rfc7093KeyIdentifiers = builder.rfc7093KeyIdentifiers;
    this.responder = new RevocationResponder(builder.clock);
    this.server =
        new WireMockServer(
            io.github.motcua.testkit.internal.sandbox.LoopbackServers.options(10)
                .extensions(
                    new io.github.motcua.testkit.internal.sandbox.FaultingTransformer(
                        responder, networkFaults)));
    server.start();
    server.stubFor(
        get(urlPathMatching("/crl/.*"))
            .willReturn(aResponse().withTransformers(RevocationResponder.NAME)));
    server.stubFor(
        post(urlEqualTo("/ocsp"))
            .willReturn(aResponse().withTransformers(RevocationResponder.NAME)));

    // Generating the RSA keys is most of a test PKI's start-up: generate the ones every instance
    // needs side by side on the machine's cores (each is a pure function of its label, memoised by
    // DeterministicKeys). The keys of the other credentials are generated on first use.
    List.of("/root", "/intermediate", "/untrusted-root", "/organisation").parallelStream()
        .forEach(label -> DeterministicKeys.rsa(seed + label, 2048));
    KeyPair rootKeys = DeterministicKeys.rsa(seed + "/root", 2048);
    X509Certificate rootCert =
        issue(
            CertificateSpec.selfSigned(
                "C=VN,O=motcua test PKI,CN=motcua Test Root CA",
                rootKeys,
                days(-5 * 365),
                days(20 * 365),
                CA_USAGE));
    root = new Authority("root", rootCert, rootKeys.getPrivate());

    KeyPair intermediateKeys = DeterministicKeys.rsa(seed + "/intermediate", 2048);
    X509Certificate intermediateCert =
        issue(
            new CertificateSpec(
                "C=VN,O=motcua test PKI,CN=motcua Test Signing CA",
                intermediateKeys.getPublic(),
                rootCert,
                rootKeys.getPrivate(),
                days(-4 * 365),
                days(10 * 365),
                true,
                CA_USAGE,
                List.of(),
                crlUrl("root"),
                ocspUrl()));
    root.recordIssued(intermediateCert.getSerialNumber());
    intermediate = new Authority("intermediate", intermediateCert, intermediateKeys.getPrivate());

    KeyPair untrustedKeys = DeterministicKeys.rsa(seed + "/untrusted-root", 2048);
    X509Certificate untrustedCert =
        issue(
            CertificateSpec.selfSigned(
                "C=VN,O=Unknown issuer,CN=Untrusted Root CA",
                untrustedKeys,
                days(-5 * 365),
                days(20 * 365),
                CA_USAGE));
    untrustedRoot = new Authority("untrusted", untrustedCert, untrustedKeys.getPrivate());
    responder.authorities(List.of(root, intermediate, untrustedRoot));
    for (Authority authority : List.of(root, intermediate, untrustedRoot)) {
      try {
        server.stubFor(
            get(urlEqualTo("/ca/" + authority.name() + ".cer"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/pkix-cert")
                        .withBody(authority.certificate().getEncoded())));
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalStateException("Cannot encode a test CA certificate", e);
      }
    }

    organisationSigner =
        endEntity(
                "organisation",
                "C=VN,ST=Hà Nội,L=Cầu Giấy,O=Ủy ban nhân dân phường Yên Hòa,"
                    + "CN=Ủy ban nhân dân phường Yên Hòa,UID=MST:0100233488",
                intermediate,
                days(-365),
                days(2 * 365),
                SIGNING_USAGE,
                reserve(intermediate))
            .get();
    citizenSigner =
        endEntity(
            "citizen",
            "C=VN,ST=Hà Nội,CN=Nguyễn Văn An,UID=CCCD:001203001234",
            intermediate,
            days(-365),
            days(2 * 365),
            SIGNING_USAGE,
            reserve(intermediate));
    ecSigner =
        endEntity(
            DeterministicKeys.ec(seed + "/ec-p256", "P-256"),
            "C=VN,ST=Hồ Chí Minh,O=Công ty TNHH Một Cửa Số,CN=Công ty TNHH Một Cửa Số,"
                + "UID=MST:0314409058",
            intermediate,
            days(-365),
            days(2 * 365),
            SIGNING_USAGE,
            reserve(intermediate));
    ecP384Signer =
        endEntity(
            DeterministicKeys.ec(seed + "/ec-p384", "P-384"),
            "C=VN,ST=Đà Nẵng,CN=Trần Thị Bình,UID=CMND:201234567",
            intermediate,
            days(-365),
            days(2 * 365),
            SIGNING_USAGE,
            reserve(intermediate));
    expiredSigner =
        endEntity(
            "expired",
            "C=VN,CN=Lê Văn Cũ,UID=CCCD:001090001111",
            intermediate,
            days(-400),
            days(-30),
            SIGNING_USAGE,
            reserve(intermediate));
    notYetValidSigner =
        endEntity(
            "not-yet-valid",
            "C=VN,CN=Phạm Văn Mới,UID=CCCD:001095002222",
            intermediate,
            days(30),
            days(2 * 365),
            SIGNING_USAGE,
            reserve(intermediate));
    // The revoked certificate is issued on first use, but its serial number is reserved now: the
    // CRL and OCSP list it from the start.
    BigInteger revokedSerial = reserve(intermediate);
    revokedSigner =
        endEntity(
            "revoked",
            "C=VN,O=Công ty Đã Thu Hồi,CN=Công ty Đã Thu Hồi,UID=MST:0100109106",
            intermediate,
            days(-365),
            days(2 * 365),
            SIGNING_USAGE,
            revokedSerial);
    intermediate.revoke(
        revokedSerial, new Authority.Revocation(days(-10), CRLReason.keyCompromise));
    wrongKeyUsageSigner =
        endEntity(
            "wrong-key-usage",
            "C=VN,CN=Máy chủ mã hóa,UID=MST:0100233488",
            intermediate,
            days(-365),
            days(2 * 365),
            KeyUsage.keyEncipherment | KeyUsage.dataEncipherment,
            reserve(intermediate));
    untrustedSigner =
        endEntity(
            "untrusted",
            "C=VN,CN=Người ký không tin cậy,UID=CCCD:001203009999",
            untrustedRoot,
            days(-365),
            days(2 * 365),
            SIGNING_USAGE,
            reserve(untrustedRoot));
    timestampAuthority =
        timestampCredential(
            "tsa",
            "C=VN,O=motcua test PKI,CN=motcua Test Time-Stamping Authority",
            intermediate,
            days(-365),
            days(5 * 365),
            reserve(intermediate));
    renewedTimestampAuthority =
        timestampCredential(
            "tsa-2",
            "C=VN,O=motcua test PKI,CN=motcua Test Time-Stamping Authority G2",
            root,
            days(3 * 365),
            days(15 * 365),
            reserve(root));
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private Instant days(long days) {
    return now.plus(Duration.ofDays(days));
  }

  private X509Certificate issue(CertificateSpec spec) {
    return issue(spec, BigInteger.valueOf(serials.incrementAndGet()));
  }

  /**
   * Issues a certificate; one issued by a CA of this PKI names where that CA's certificate is
   * published ({@code /ca/<authority>.cer}, AIA caIssuers), next to its CRL.
   */
  private X509Certificate issue(CertificateSpec spec, BigInteger serial) {
    String caIssuers =
        spec.crlUrl() == null
            ? null
            : spec.crlUrl().replace("/crl/", "/ca/").replaceAll("\\.crl$", ".cer");
    return CertificateMaker.issue(spec, serial, caIssuers, rfc7093KeyIdentifiers);
  }

  /**
   * Returns the URL where a CA certificate of this PKI is published, as named in the AIA caIssuers
   * access method of the certificates it issues.
   *
   * @param authority {@code root}, {@code intermediate} or {@code untrusted}
   * @return {@code http://127.0.0.1:<port>/ca/<authority>.cer}
   */
  public String caIssuersUrl(String authority) {
    return baseUrl() + "/ca/" + Objects.requireNonNull(authority, "authority") + ".cer";
  }

  /**
   * Takes the next serial number for a certificate the authority issues now or later, and records
   * it as issued (OCSP answers "good" for it, not "unknown").
   */
  private BigInteger reserve(Authority issuer) {
    BigInteger serial = BigInteger.valueOf(serials.incrementAndGet());
    issuer.recordIssued(serial);
    return serial;
  }

  /**
   * An RSA-2048 end-entity credential whose key is generated, and certificate issued, on first use,
   * under a serial number reserved beforehand (so that serial numbers, the CRL and OCSP do not
   * depend on which credentials a test uses).
   */
  private Supplier<Credential> endEntity(
      String label,
      String subject,
      Authority issuer,
      Instant notBefore,
      Instant notAfter,
      int keyUsage,
      BigInteger serial) {
    return Memo.of(
        () ->
            endEntity(
                DeterministicKeys.rsa(seed + "/" + label, 2048),
                subject,
                issuer,
                notBefore,
                notAfter,
                keyUsage,
                serial));
  }

  private Credential endEntity(
      KeyPair keys,
      String subject,
      Authority issuer,
      Instant notBefore,
      Instant notAfter,
      int keyUsage,
      BigInteger serial) {
    return endEntity(keys, subject, issuer, notBefore, notAfter, keyUsage, List.of(), serial);
  }

  private Credential endEntity(
      KeyPair keys,
      String subject,
      Authority issuer,
      Instant notBefore,
      Instant notAfter,
      int keyUsage,
      List<String> extendedKeyUsages,
      BigInteger serial) {
    X509Certificate certificate =
        issue(
            new CertificateSpec(
                subject,
                keys.getPublic(),
                issuer.certificate(),
                issuer.key(),
                notBefore,
                notAfter,
                false,
                keyUsage,
                extendedKeyUsages,
                crlUrl(issuer.name()),
                ocspUrl()),
            serial);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    if (issuer == intermediate) {
      chain.add(intermediate.certificate());
      chain.add(root.certificate());
    } else {
      chain.add(issuer.certificate());
    }
    return new Credential(keys.getPrivate(), chain);
  }

  /**
   * A time-stamping credential (extended key usage timeStamping, critical) whose key is generated,
   * and certificate issued, on first use under a serial number reserved beforehand.
   */
  private Supplier<Credential> timestampCredential(
      String label,
      String subject,
      Authority issuer,
      Instant notBefore,
      Instant notAfter,
      BigInteger serial) {
    return Memo.of(
        () ->
            endEntity(
                DeterministicKeys.rsa(seed + "/" + label, 2048),
                subject,
                issuer,
                notBefore,
                notAfter,
                KeyUsage.digitalSignature,
                List.of(KeyPurposeId.id_kp_timeStamping.getId()),
                serial));
  }

  /**
   * Certifies a public key held elsewhere (for example generated inside a PKCS#11 token) as a valid
   * signing certificate issued by the intermediate CA.
   *
   * @param publicKey the key to certify
   * @param subject the subject in RFC 4514 form, such as {@code C=VN,CN=Nguyễn Văn An,UID=CCCD:...}
   * @return the chain: the new certificate, the intermediate and the root
   */
  public List<X509Certificate> certify(PublicKey publicKey, String subject) {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(subject, "subject");
    X509Certificate certificate =
        issue(
            new CertificateSpec(
                subject,
                publicKey,
                intermediate.certificate(),
                intermediate.key(),
                days(-365),
                days(2 * 365),
                false,
                SIGNING_USAGE,
                List.of(),
                crlUrl("intermediate"),
                ocspUrl()));
    intermediate.recordIssued(certificate.getSerialNumber());
    return List.of(certificate, intermediate.certificate(), root.certificate());
  }

  /**
   * Returns the instant validity dates are relative to.
   *
   * @return the builder clock's instant when this PKI was built, truncated to the second
   */
  public Instant now() {
    return now;
  }

  /**
   * An organisation's RSA-2048 signing certificate ({@code UID=MST:0100233488}).
   *
   * @return the credential
   */
  public Credential organisationSigner() {
    return organisationSigner;
  }

  /**
   * A citizen's RSA-2048 signing certificate ({@code UID=CCCD:001203001234}).
   *
   * @return the credential
   */
  public Credential citizenSigner() {
    return citizenSigner.get();
  }

  /**
   * A company's ECDSA P-256 signing certificate ({@code UID=MST:0314409058}).
   *
   * @return the credential
   */
  public Credential ecSigner() {
    return ecSigner;
  }

  /**
   * A citizen's ECDSA P-384 signing certificate with a legacy 9-digit identity card number ({@code
   * UID=CMND:201234567}).
   *
   * @return the credential
   */
  public Credential ecP384Signer() {
    return ecP384Signer;
  }

  /**
   * A signing certificate that expired 30 days before {@link #now()}.
   *
   * @return the credential
   */
  public Credential expiredSigner() {
    return expiredSigner.get();
  }

  /**
   * A signing certificate that becomes valid 30 days after {@link #now()}.
   *
   * @return the credential
   */
  public Credential notYetValidSigner() {
    return notYetValidSigner.get();
  }

  /**
   * A signing certificate revoked (key compromise) 10 days before {@link #now()}.
   *
   * @return the credential
   */
  public Credential revokedSigner() {
    return revokedSigner.get();
  }

  /**
   * A certificate whose key usage allows encryption only, not signing.
   *
   * @return the credential
   */
  public Credential wrongKeyUsageSigner() {
    return wrongKeyUsageSigner.get();
  }

  /**
   * A signing certificate issued by {@link #untrustedRootCertificate()}, which is not among the
   * {@link #trustAnchors()}.
   *
   * @return the credential
   */
  public Credential untrustedSigner() {
    return untrustedSigner.get();
  }

  /**
   * The time-stamping authority's certificate (extended key usage {@code timeStamping}, critical)
   * and key, issued by the intermediate CA; {@link TimestampAuthorityFake} signs with it.
   *
   * @return the credential
   */
  public Credential timestampAuthority() {
    return timestampAuthority.get();
  }

  /**
   * A second-generation time-stamping authority, as a TSA re-keys before its certificate expires:
   * issued by the root CA, valid from three to fifteen years after {@link #now()} (the first
   * authority's certificate ends after five, the intermediate CA's after ten). Give it to {@link
   * TimestampAuthorityFake.Builder#credential} to renew long-term signatures years later.
   *
   * @return the credential
   */
  public Credential renewedTimestampAuthority() {
    return renewedTimestampAuthority.get();
  }

  /**
   * Sets the clock that stamps the CRLs and OCSP answers given from now on (default the builder's
   * clock), to fetch validation data as the responders would answer years later.
   *
   * @param clock the clock
   */
  public void revocationClock(Clock clock) {
    responder.clock(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * The root CA certificate: the trust anchor.
   *
   * @return the certificate
   */
  public X509Certificate rootCertificate() {
    return root.certificate();
  }

  /**
   * The intermediate CA certificate that issues the end-entity certificates.
   *
   * @return the certificate
   */
  public X509Certificate intermediateCertificate() {
    return intermediate.certificate();
  }

  /**
   * The root that issued {@link #untrustedSigner()}; not a trust anchor.
   *
   * @return the certificate
   */
  public X509Certificate untrustedRootCertificate() {
    return untrustedRoot.certificate();
  }

  /**
   * The trust anchors a verifier should accept: the root only.
   *
   * @return a one-element list
   */
  public List<X509Certificate> trustAnchors() {
    return List.of(root.certificate());
  }

  /**
   * The trust anchors in PEM form.
   *
   * @return the root certificate as PEM
   */
  public String trustAnchorsPem() {
    return CertificateMaker.pem(root.certificate());
  }

  /**
   * The trust anchors as a PKCS#12 trust store without a password-protected key, alias {@code
   * root}.
   *
   * @return a loaded key store
   */
  public KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("root", root.certificate());
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot build the trust store", e);
    }
  }

  /**
   * Revokes a certificate issued by this PKI from a given time; the next CRL and OCSP answers say
   * so.
   *
   * @param certificate the certificate
   * @param revocationTime when it counts as revoked
   */
  public void revoke(X509Certificate certificate, Instant revocationTime) {
    authorityOf(certificate)
        .revoke(
            certificate.getSerialNumber(),
            new Authority.Revocation(
                revocationTime.truncatedTo(ChronoUnit.SECONDS), CRLReason.keyCompromise));
  }

  /**
   * Takes a certificate off the revocation lists.
   *
   * @param certificate the certificate
   */
  public void unrevoke(X509Certificate certificate) {
    authorityOf(certificate).unrevoke(certificate.getSerialNumber());
  }

  private Authority authorityOf(X509Certificate certificate) {
    for (Authority authority : List.of(root, intermediate, untrustedRoot)) {
      if (authority
              .certificate()
              .getSubjectX500Principal()
              .equals(certificate.getIssuerX500Principal())
          && authority.issued(certificate.getSerialNumber())) {
        return authority;
      }
    }
    throw new IllegalArgumentException("The certificate was not issued by this test PKI");
  }

  /**
   * Switches both revocation services (CRL and OCSP) on or off; off answers HTTP 503.
   *
   * @param available whether they answer
   */
  public void revocationAvailable(boolean available) {
    responder.ocspAvailable(available);
    responder.crlAvailable(available);
  }

  /**
   * Switches the OCSP responder on or off; off answers HTTP 503.
   *
   * @param available whether it answers
   */
  public void ocspAvailable(boolean available) {
    responder.ocspAvailable(available);
  }

  /**
   * Switches CRL downloads on or off; off answers HTTP 503.
   *
   * @param available whether they are served
   */
  public void crlAvailable(boolean available) {
    responder.crlAvailable(available);
  }

  /**
   * Returns how many OCSP requests the responder received.
   *
   * @return the count
   */
  public int ocspRequestCount() {
    return responder.ocspRequests();
  }

  /**
   * Returns how many CRL downloads were requested.
   *
   * @return the count
   */
  public int crlRequestCount() {
    return responder.crlRequests();
  }

  /**
   * Returns the base URL of the revocation server.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /**
   * Returns the OCSP responder URL named in every certificate's AIA extension.
   *
   * @return the URL
   */
  public String ocspUrl() {
    return baseUrl() + "/ocsp";
  }

  private String crlUrl(String authority) {
    return baseUrl() + "/crl/" + authority + ".crl";
  }

  /** Stops the revocation server. */
  @Override
  public void close() {
    server.stop();
  }

  /** Notes a registration on a static field: this PKI lives until its class ends. */
  @Override
  public void beforeAll(ExtensionContext context) {
    scope.beforeAll(() -> {});
  }

  /** Closes this PKI after the last test of the outermost class, on a static field. */
  @Override
  public void afterAll(ExtensionContext context) {
    scope.afterAll(this::close);
  }

  /** Closes this PKI after the test, on an instance field: it belonged to this test alone. */
  @Override
  public void afterEach(ExtensionContext context) {
    scope.afterEach(this::close);
  }

  /**
   * A private key with its certificate chain, exportable as PKCS#12 or PEM. Immutable.
   *
   * <p>The chain starts with the holder's certificate and ends with its root.
   */
  public static final class Credential {
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    Credential(PrivateKey privateKey, List<X509Certificate> chain) {
      this.privateKey = privateKey;
      this.chain = List.copyOf(chain);
    }

    /**
     * Returns the holder's certificate.
     *
     * @return the first certificate of the chain
     */
    public X509Certificate certificate() {
      return chain.get(0);
    }

    /**
     * Returns the private key. Test material only.
     *
     * @return the key
     */
    public PrivateKey privateKey() {
      return privateKey;
    }

    /**
     * Returns the chain, holder first, root last.
     *
     * @return an immutable list
     */
    public List<X509Certificate> chain() {
      return chain;
    }

    /**
     * Returns the key and chain as a PKCS#12 key store with one entry, alias {@link #ALIAS}.
     *
     * @param password the store and key password
     * @return a loaded key store
     */
    public KeyStore keyStore(char[] password) {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, privateKey, password, chain.toArray(new Certificate[0]));
        return store;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("Cannot build a PKCS#12 key store", e);
      }
    }

    /**
     * Returns the key and chain as PKCS#12 bytes, alias {@link #ALIAS}.
     *
     * @param password the store and key password
     * @return the encoded PKCS#12 file
     */
    public byte[] pkcs12(char[] password) {
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        keyStore(password).store(out, password);
        return out.toByteArray();
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("Cannot encode a PKCS#12 key store", e);
      }
    }

    /**
     * Writes the PKCS#12 file.
     *
     * @param file where to write
     * @param password the store and key password
     * @return the file
     */
    public Path writePkcs12(Path file, char[] password) {
      try {
        return Files.write(file, pkcs12(password));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Returns the holder's certificate in PEM form.
     *
     * @return the PEM text
     */
    public String certificatePem() {
      return CertificateMaker.pem(certificate());
    }

    /**
     * Returns the whole chain in PEM form, holder first.
     *
     * @return the PEM text
     */
    public String chainPem() {
      return CertificateMaker.pem(chain.toArray());
    }

    /**
     * Returns the private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}).
     *
     * @return the PEM text
     */
    public String privateKeyPem() {
      try {
        return CertificateMaker.pem(new JcaPKCS8Generator(privateKey, null).generate());
      } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
        throw new IllegalStateException("Cannot encode the private key", e);
      }
    }

    /**
     * Names the certificate by serial number only: subjects carry names and personal IDs, and the
     * key is never printed.
     */
    @Override
    public String toString() {
      return "Credential[serial=" + certificate().getSerialNumber().toString(16) + "]";
    }
  }

  /**
   * Applies a network fault preset to this fake's HTTP endpoints (see {@link Fault}); {@link
   * PortalFault#EXPIRED_CREDENTIALS} does not apply here.
   *
   * @param fault the preset; not null
   */
  @Override
  public void inject(Fault fault) {
    networkFaults.apply(java.util.Objects.requireNonNull(fault, "fault"));
  }

  /** Removes every network fault preset. */
  @Override
  public void clearFaults() {
    networkFaults.clear();
  }

  /**
   * Returns how often a network fault was injected.
   *
   * @param fault the fault
   * @return the count
   */
  @Override
  public long injectedFaults(PortalFault fault) {
    return networkFaults.injected(fault);
  }

  /** Builds a {@link TestPki}. Not thread-safe; build once. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String keySeed = "motcua";
    private boolean rfc7093KeyIdentifiers;

    private Builder() {}

    /**
     * Makes subject (and so authority) key identifiers the RFC 7093 way, the leftmost 160 bits of
     * the SHA-256 of the key, as some CAs do, instead of the SHA-1 of RFC 5280; a verifier must
     * read the certificate's extension rather than recompute it.
     *
     * @param enabled default {@code false}
     * @return this builder
     */
    public Builder rfc7093KeyIdentifiers(boolean enabled) {
      this.rfc7093KeyIdentifiers = enabled;
      return this;
    }

    /**
     * Sets the seed all keys derive from. Instances with the same seed share keys (and so trust
     * each other's certificates); give another seed for an independent PKI, at the cost of
     * generating its keys.
     *
     * @param keySeed the seed; default {@code motcua}
     * @return this builder
     */
    public Builder keySeed(String keySeed) {
      this.keySeed = Objects.requireNonNull(keySeed, "keySeed");
      return this;
    }

    /**
     * Sets the clock that fixes validity dates and stamps CRLs and OCSP answers.
     *
     * @param clock the clock; default the system clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the PKI and starts its revocation server on a free loopback port.
     *
     * @return the running PKI
     */
    public TestPki build() {
      return new TestPki(this);
    }
  }
}
