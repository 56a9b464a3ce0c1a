package io.github.motcua.signing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out whether a certificate is revoked: asks the OCSP responder named in its authority
 * information access (RFC 6960), or downloads the CRL named in its distribution points (RFC 5280),
 * over HTTP with OkHttp. Answers are checked (signed by the issuer or its delegated OCSP responder,
 * current) and cached until their next update. Thread-safe.
 */
public final class RevocationChecker {

  private static final Logger LOG = LoggerFactory.getLogger(RevocationChecker.class);
  private static final MediaType OCSP_REQUEST = MediaType.get("application/ocsp-request");
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final Duration DEFAULT_TTL = Duration.ofHours(1);

  /** What is known about a certificate's revocation. */
  public enum Kind {
    /** Not revoked. */
    GOOD,
    /** Revoked at {@link Status#revocationTime()}. */
    REVOKED,
    /** No usable answer. */
    UNAVAILABLE
  }

  /**
   * A revocation status.
   *
   * @param kind what is known
   * @param revocationTime when revoked, or null
   * @param source {@code OCSP} or {@code CRL}, or null
   * @param detail why unavailable, for the report
   */
  public record Status(Kind kind, Instant revocationTime, String source, String detail) {}

  private record Cached(Status status, Instant expires) {}

  private record CachedCrl(X509CRL crl, Instant expires) {}

  private final OkHttpClient client;
  private final Clock clock;
  private final long maxCrlBytes;
  private final long maxOcspBytes;
  private final Map<String, Cached> ocspCache = new ConcurrentHashMap<>();
  private final Map<String, CachedCrl> crlCache = new ConcurrentHashMap<>();

  /**
   * Creates a checker.
   *
   * @param client the HTTP client
   * @param clock the clock that decides whether answers are current
   */
  public RevocationChecker(OkHttpClient client, Clock clock) {
    this(client, clock, 32 * 1024 * 1024, 1024 * 1024);
  }

  /**
   * Creates a checker with size limits.
   *
   * @param client the HTTP client
   * @param clock the clock that decides whether answers are current
   * @param maxCrlBytes the largest CRL downloaded
   * @param maxOcspBytes the largest OCSP answer read
   */
  public RevocationChecker(OkHttpClient client, Clock clock, int maxCrlBytes, int maxOcspBytes) {
    this.client = client;
    this.clock = clock;
    this.maxCrlBytes = maxCrlBytes;
    this.maxOcspBytes = maxOcspBytes;
  }

  /**
   * Returns the status a certificate had according to revocation values carried with a signature
   * (CMS {@code crls}, a PDF's document security store): a CRL or an OCSP answer for the
   * certificate, checked against its issuer, issued at or after {@code notBefore}. Revocation data
   * issued after the time being judged tells whether the certificate was revoked by then.
   *
   * @param certificate the certificate
   * @param issuer its issuer
   * @param crls CRLs carried
   * @param ocspResponses OCSP answers carried (OCSPResponse or BasicOCSPResponse, DER)
   * @param notBefore the earliest issue time accepted
   * @return the status, or null when no carried value answers
   */
  public Status fromValues(
      X509Certificate certificate,
      X509Certificate issuer,
      List<X509CRL> crls,
      List<byte[]> ocspResponses,
      Instant notBefore) {
    for (byte[] value : ocspResponses) {
      try {
        BasicOCSPResp basic = basicResponse(value);
        if (basic == null || !signedByIssuerOrDelegate(basic, issuer)) {
          continue;
        }
        JcaX509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
        DigestCalculatorProvider digests =
            new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
        for (SingleResp single : basic.getResponses()) {
          CertificateID id = single.getCertID();
          if (!id.getSerialNumber().equals(certificate.getSerialNumber())
              || !id.matchesIssuer(issuerHolder, digests)
              || single.getThisUpdate().toInstant().isBefore(notBefore)) {
            continue;
          }
          Status status = statusOf(single.getCertStatus(), "OCSP (carried)");
          if (status != null) {
            return status;
          }
        }
      } catch (Exception e) {
        LOG.debug("Skipping an unreadable carried OCSP answer", e);
      }
    }
    for (X509CRL crl : crls) {
      try {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
            || crl.getThisUpdate().toInstant().isBefore(notBefore)) {
          continue;
        }
        crl.verify(issuer.getPublicKey(), Bc.PROVIDER);
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        return entry == null
            ? new Status(Kind.GOOD, null, "CRL (carried)", "")
            : new Status(Kind.REVOKED, entry.getRevocationDate().toInstant(), "CRL (carried)", "");
      } catch (Exception e) {
        LOG.debug("Skipping a carried CRL that does not verify", e);
      }
    }
    return null;
  }

  private static BasicOCSPResp basicResponse(byte[] value) throws Exception {
    ASN1Primitive primitive = ASN1Primitive.fromByteArray(value);
    org.bouncycastle.asn1.ASN1Sequence sequence =
        org.bouncycastle.asn1.ASN1Sequence.getInstance(primitive);
    if (sequence.size() > 0
        && sequence.getObjectAt(0) instanceof org.bouncycastle.asn1.ASN1Enumerated) {
      OCSPResp response = new OCSPResp(value);
      return response.getStatus() == OCSPResp.SUCCESSFUL
          ? (BasicOCSPResp) response.getResponseObject()
          : null;
    }
    return new BasicOCSPResp(org.bouncycastle.asn1.ocsp.BasicOCSPResponse.getInstance(primitive));
  }

  private static Status statusOf(CertificateStatus certStatus, String source) {
    if (certStatus == CertificateStatus.GOOD) {
      return new Status(Kind.GOOD, null, source, "");
    }
    if (certStatus instanceof RevokedStatus revoked) {
      return new Status(Kind.REVOKED, revoked.getRevocationTime().toInstant(), source, "");
    }
    return null;
  }

  /**
   * Fetches the current OCSP answer for a certificate, as DER, for embedding in a signature.
   *
   * @param certificate the certificate
   * @param issuer its issuer
   * @return the OCSPResponse, or null when no responder answers
   */
  public byte[] fetchOcsp(X509Certificate certificate, X509Certificate issuer) {
    for (String url : ocspUrls(certificate)) {
      try {
        byte[] body = requestOcsp(url, certificateId(certificate, issuer));
        BasicOCSPResp basic = basicResponse(body);
        if (basic != null && signedByIssuerOrDelegate(basic, issuer)) {
          return body;
        }
      } catch (Exception e) {
        LOG.debug("OCSP request to {} failed", url, e);
      }
    }
    return null;
  }

  private static CertificateID certificateId(X509Certificate certificate, X509Certificate issuer)
      throws Exception {
    DigestCalculatorProvider digests =
        new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
    return new CertificateID(
        digests.get(CertificateID.HASH_SHA1),
        new JcaX509CertificateHolder(issuer),
        certificate.getSerialNumber());
  }

  private byte[] requestOcsp(String url, CertificateID id) throws Exception {
    byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
    return fetch(
        new Request.Builder().url(url).post(RequestBody.create(request, OCSP_REQUEST)).build(),
        maxOcspBytes);
  }

  /**
   * Downloads the CRL of a certificate, for embedding in a signature.
   *
   * @param certificate the certificate
   * @param issuer its issuer
   * @return the CRL, or null when none can be fetched and verified
   */
  public X509CRL fetchCrl(X509Certificate certificate, X509Certificate issuer) {
    for (String url : crlUrls(certificate)) {
      try {
        byte[] body = fetch(new Request.Builder().url(url).get().build(), maxCrlBytes);
        X509CRL crl =
            (X509CRL)
                CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
        crl.verify(issuer.getPublicKey(), Bc.PROVIDER);
        return crl;
      } catch (Exception e) {
        LOG.debug("CRL download from {} failed", url, e);
      }
    }
    return null;
  }

  /**
   * Returns the revocation status of a certificate, OCSP first, then the CRL.
   *
   * @param certificate the certificate
   * @param issuer its issuer
   * @return the status; never throws for network or format problems
   */
  public Status status(X509Certificate certificate, X509Certificate issuer) {
    List<String> problems = new ArrayList<>();
    for (String url : ocspUrls(certificate)) {
      Status status = ocsp(certificate, issuer, url, problems);
      if (status != null) {
        return status;
      }
    }
    for (String url : crlUrls(certificate)) {
      Status status = crl(certificate, issuer, url, problems);
      if (status != null) {
        return status;
      }
    }
    if (problems.isEmpty()) {
      problems.add("the certificate names no OCSP responder or CRL");
    }
    return new Status(Kind.UNAVAILABLE, null, null, String.join("; ", problems));
  }

  private Status ocsp(
      X509Certificate certificate, X509Certificate issuer, String url, List<String> problems) {
    try {
      CertificateID id = certificateId(certificate, issuer);
      String key =
          HexFormat.of().formatHex(id.getIssuerKeyHash()) + ":" + certificate.getSerialNumber();
      Instant now = clock.instant();
      Cached cached = ocspCache.get(key);
      if (cached != null && now.isBefore(cached.expires())) {
        return cached.status();
      }
      byte[] body = requestOcsp(url, id);
      OCSPResp response = new OCSPResp(body);
      if (response.getStatus() != OCSPResp.SUCCESSFUL) {
        problems.add("OCSP responder answered status " + response.getStatus());
        return null;
      }
      BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
      if (!signedByIssuerOrDelegate(basic, issuer)) {
        problems.add("OCSP answer is not signed by the issuer or its responder");
        return null;
      }
      for (SingleResp single : basic.getResponses()) {
        if (!single.getCertID().equals(id)) {
          continue;
        }
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Instant nextUpdate =
            single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(SKEW))
            || (nextUpdate != null && nextUpdate.isBefore(now))) {
          problems.add("OCSP answer is not current");
          return null;
        }
        CertificateStatus certStatus = single.getCertStatus();
        Status status = statusOf(certStatus, "OCSP");
        if (status == null) {
          problems.add(
              certStatus instanceof UnknownStatus
                  ? "OCSP responder does not know the certificate"
                  : "OCSP status not understood");
          return null;
        }
        Instant expires = nextUpdate != null ? nextUpdate : now.plus(DEFAULT_TTL);
        ocspCache.put(key, new Cached(status, expires));
        return status;
      }
      problems.add("OCSP answer does not cover the certificate");
      return null;
    } catch (Exception e) {
      LOG.debug("OCSP request to {} failed", url, e);
      problems.add("OCSP " + e.getClass().getSimpleName());
      return null;
    }
  }

  private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer)
      throws Exception {
    if (basic.isSignatureValid(
        new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(issuer))) {
      return true;
    }
    for (X509CertificateHolder holder : basic.getCerts()) {
      X509Certificate responder =
          new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(holder);
      List<String> purposes = responder.getExtendedKeyUsage();
      if (purposes == null || !purposes.contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
        continue;
      }
      try {
        responder.verify(issuer.getPublicKey(), Bc.PROVIDER);
      } catch (Exception e) {
        continue;
      }
      if (basic.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(responder))) {
        return true;
      }
    }
    return false;
  }

  private Status crl(
      X509Certificate certificate, X509Certificate issuer, String url, List<String> problems) {
    try {
      Instant now = clock.instant();
      CachedCrl cached = crlCache.get(url);
      X509CRL crl;
      if (cached != null && now.isBefore(cached.expires())) {
        crl = cached.crl();
      } else {
        byte[] body = fetch(new Request.Builder().url(url).get().build(), maxCrlBytes);
        crl =
            (X509CRL)
                CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
          problems.add("CRL is issued by another authority");
          return null;
        }
        crl.verify(issuer.getPublicKey(), Bc.PROVIDER);
        Instant nextUpdate =
            crl.getNextUpdate() == null ? now.plus(DEFAULT_TTL) : crl.getNextUpdate().toInstant();
        if (crl.getThisUpdate().toInstant().isAfter(now.plus(SKEW)) || nextUpdate.isBefore(now)) {
          problems.add("CRL is not current");
          return null;
        }
        crlCache.put(url, new CachedCrl(crl, nextUpdate));
      }
      X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
      return entry == null
          ? new Status(Kind.GOOD, null, "CRL", "")
          : new Status(Kind.REVOKED, entry.getRevocationDate().toInstant(), "CRL", "");
    } catch (CRLException | RuntimeException e) {
      problems.add("CRL unreadable");
      return null;
    } catch (Exception e) {
      LOG.debug("CRL download from {} failed", url, e);
      problems.add("CRL " + e.getClass().getSimpleName());
      return null;
    }
  }

  private byte[] fetch(Request request, long maxBytes) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IOException("HTTP " + response.code());
      }
      try (InputStream in = response.body().byteStream()) {
        byte[] body = in.readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
          throw new IOException("answer too large");
        }
        return body;
      }
    }
  }

  /**
   * Returns the http(s) OCSP responder URLs of a certificate.
   *
   * @param certificate the certificate
   * @return the URLs, possibly empty
   */
  public static List<String> ocspUrls(X509Certificate certificate) {
    List<String> out = new ArrayList<>();
    try {
      byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
      if (value == null) {
        return out;
      }
      AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(unwrap(value));
      for (AccessDescription description : aia.getAccessDescriptions()) {
        if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
          addUri(description.getAccessLocation(), out);
        }
      }
    } catch (RuntimeException | IOException e) {
      LOG.debug("Unreadable AIA extension", e);
    }
    return out;
  }

  /**
   * Returns the http(s) CRL distribution point URLs of a certificate.
   *
   * @param certificate the certificate
   * @return the URLs, possibly empty
   */
  public static List<String> crlUrls(X509Certificate certificate) {
    List<String> out = new ArrayList<>();
    try {
      byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
      if (value == null) {
        return out;
      }
      for (DistributionPoint point :
          CRLDistPoint.getInstance(unwrap(value)).getDistributionPoints()) {
        DistributionPointName name = point.getDistributionPoint();
        if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
          for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
            addUri(general, out);
          }
        }
      }
    } catch (RuntimeException | IOException e) {
      LOG.debug("Unreadable CRL distribution points", e);
    }
    return out;
  }

  private static ASN1Primitive unwrap(byte[] extensionValue) throws IOException {
    return ASN1Primitive.fromByteArray(
        org.bouncycastle.asn1.ASN1OctetString.getInstance(extensionValue).getOctets());
  }

  private static void addUri(GeneralName name, List<String> out) {
    if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
      String uri = name.getName().toString();
      if (uri.startsWith("http://") || uri.startsWith("https://")) {
        out.add(uri);
      }
    }
  }
}
