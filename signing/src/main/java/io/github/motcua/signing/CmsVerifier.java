package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.signing.internal.ArchiveTimestamps;
import io.github.motcua.signing.internal.Asn1Scan;
import io.github.motcua.signing.internal.Bc;
import io.github.motcua.signing.internal.TimestampTokenValidator;
import io.github.motcua.signing.internal.ValidationTimes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies CMS signatures (xác thực chữ ký số CMS/PKCS#7, CAdES-BES, -T, -LT and -LTA) and reports,
 * per signer, every check with its outcome and a stable reason code: content digest, signature
 * value, signer certificate and its signed reference, time-stamp, archive time-stamps, signing
 * time, chain to a trust anchor, key usage, validity at the signing time, and revocation (ETSI EN
 * 319 102-1 in spirit).
 *
 * <p>An archive time-stamp ({@code archive-time-stamp-v3}, CAdES-LTA) is checked against the
 * signature as it is now: every certificate, revocation value and unsigned attribute its {@code
 * ats-hash-index-v3} names must still be there unchanged, and its imprint is recomputed over the
 * signed content's hash, the signer's signed fields and the index. A valid one proves the signature
 * and those values existed at its time; the earliest proof sets the validation time.
 *
 * <pre>{@code
 * CmsVerifier verifier = CmsVerifier.builder()
 *     .trustAnchors(TrustAnchors.fromPem(Path.of("roots.pem")))
 *     .build();
 * SignatureReport report = verifier.verify(p7s, Files.newInputStream(document));
 * if (report.isValid()) { ... }
 * }</pre>
 *
 * <p>A bad signature never throws: truncated or random input, tampering, unknown algorithms and bad
 * certificates all come back as a report with verdict {@link Verdict#INVALID} or {@link
 * Verdict#INDETERMINATE}. Detached content is streamed once through every digest the signers use.
 *
 * <p>Immutable and thread-safe; its revocation cache is shared by all calls, so build one and reuse
 * it.
 */
public final class CmsVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(CmsVerifier.class);

  private final CertificateValidator certificates;
  private final ValidationTimePolicy timePolicy;
  private final SignaturePolicy policy;
  private final VerificationLimits limits;
  private final Clock clock;
  private final List<X509Certificate> intermediates;

  private CmsVerifier(Builder builder) {
    this.limits = builder.limits;
    this.policy = builder.policy;
    RevocationPolicy revocationPolicy =
        builder.revocationPolicy != null
            ? builder.revocationPolicy
            : policy == SignaturePolicy.LENIENT
                ? RevocationPolicy.PREFER_OCSP
                : RevocationPolicy.REQUIRE;
    this.certificates =
        CertificateValidator.builder()
            .trustAnchors(builder.trustAnchors)
            .revocationPolicy(revocationPolicy)
            .okHttpClient(builder.client)
            .clock(builder.clock)
            .limits(limits)
            .build();
    this.timePolicy = builder.timePolicy;
    this.clock = builder.clock;
    this.intermediates = List.copyOf(builder.intermediates);
  }

  /**
   * Returns the certificate validator this verifier judges certificates with (its trust anchors,
   * revocation policy and cache), to share with other verifiers.
   *
   * @return the validator
   */
  public CertificateValidator certificateValidator() {
    return certificates;
  }

  /**
   * Returns the limits.
   *
   * @return the limits
   */
  public VerificationLimits limits() {
    return limits;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a signature that encapsulates its content.
   *
   * @param cms the DER or BER CMS ContentInfo
   * @return the report
   */
  public SignatureReport verify(byte[] cms) {
    return verify(cms, (InputStream) null);
  }

  /**
   * Verifies a detached signature over content held in memory.
   *
   * @param cms the CMS ContentInfo
   * @param content the signed content
   * @return the report
   */
  public SignatureReport verify(byte[] cms, byte[] content) {
    Objects.requireNonNull(content, "content");
    return verify(cms, new ByteArrayInputStream(content));
  }

  /**
   * Verifies a signature; the content stream, when given, is read once to the end (not closed) and
   * takes precedence over encapsulated content.
   *
   * @param cms the CMS ContentInfo
   * @param detachedContent the signed content of a detached signature, or null
   * @return the report
   * @throws UncheckedIOException when reading the content stream fails
   */
  public SignatureReport verify(byte[] cms, InputStream detachedContent) {
    return verify(cms, detachedContent, ValidationData.NONE);
  }

  /**
   * Verifies a signature with evidence its container holds beside it (a PDF's document security
   * store and document time-stamps): the certificates and revocation values are used as if the
   * signature carried them, and the earliest proof sets the validation time when the signature
   * carries no valid time-stamp of its own.
   *
   * @param cms the CMS ContentInfo
   * @param detachedContent the signed content of a detached signature, or null
   * @param data the container's evidence; not null
   * @return the report
   * @throws UncheckedIOException when reading the content stream fails
   */
  public SignatureReport verify(byte[] cms, InputStream detachedContent, ValidationData data) {
    Objects.requireNonNull(data, "data");
    Instant now = clock.instant();
    List<Check> format = new ArrayList<>();
    SignedData signedData;
    try {
      if (cms == null) {
        throw new IOException("no signature");
      }
      int depth = Asn1Scan.depth(cms, limits.maxNesting());
      if (depth > limits.maxNesting()) {
        format.add(VerificationLimits.exceeded("nesting", depth, limits.maxNesting()));
        return SignatureReport.of(format, List.of(), now);
      }
      if (depth < 0) {
        throw new IOException("not BER");
      }
      ContentInfo contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
      if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
        format.add(
            Check.failed(CheckType.FORMAT, ReasonCode.FORMAT_NOT_SIGNED_DATA, "not a SignedData"));
        return SignatureReport.of(format, List.of(), now);
      }
      signedData = SignedData.getInstance(contentInfo.getContent());
      Optional<Check> overLimit = overLimit(signedData);
      if (overLimit.isPresent()) {
        format.add(overLimit.get());
        return SignatureReport.of(format, List.of(), now);
      }
    } catch (IOException | RuntimeException e) {
      format.add(
          Check.failed(
              CheckType.FORMAT,
              ReasonCode.FORMAT_MALFORMED,
              "not a CMS structure: " + e.getClass().getSimpleName()));
      return SignatureReport.of(format, List.of(), now);
    }
    List<Signer> signers = new ArrayList<>();
    try {
      for (ASN1Encodable element : signedData.getSignerInfos()) {
        signers.add(Signer.of(SignerInfo.getInstance(element)));
      }
    } catch (RuntimeException e) {
      format.add(Check.failed(CheckType.FORMAT, ReasonCode.FORMAT_MALFORMED, "bad SignerInfo"));
      return SignatureReport.of(format, List.of(), now);
    }
    if (signers.isEmpty()) {
      format.add(Check.failed(CheckType.FORMAT, ReasonCode.FORMAT_NO_SIGNERS, "no SignerInfo"));
      return SignatureReport.of(format, List.of(), now);
    }
    List<X509Certificate> embedded = embeddedCertificates(signedData);
    embedded.addAll(intermediates);
    ValidationData evidence = withEmbeddedRevocation(signedData, data);
    Map<DigestAlgorithm, byte[]> digests =
        contentDigests(signedData, signers, archiveAlgorithms(signers), detachedContent);
    format.add(Check.passed(CheckType.FORMAT, ReasonCode.FORMAT_OK, signers.size() + " signer(s)"));
    List<SignerReport> reports = new ArrayList<>();
    for (int i = 0; i < signers.size(); i++) {
      try {
        reports.add(verifySigner(i, signers.get(i), signedData, embedded, digests, now, evidence));
      } catch (RuntimeException e) {
        // A defect here must not turn one odd signer into an exception for the caller.
        LOG.warn("Unexpected error while verifying signer {}", i, e);
        List<Check> checks =
            List.of(
                Check.indeterminate(
                    CheckType.FORMAT, ReasonCode.INTERNAL_ERROR, e.getClass().getSimpleName()));
        reports.add(
            new SignerReport(
                i, Optional.empty(), Optional.empty(), false, checks, Verdict.INDETERMINATE));
      }
    }
    return SignatureReport.of(format, reports, now);
  }

  /** Counts signers, certificates and revocation values before anything is parsed further. */
  private Optional<Check> overLimit(SignedData signedData) {
    int signerCount = signedData.getSignerInfos().size();
    if (signerCount > limits.maxSigners()) {
      return Optional.of(VerificationLimits.exceeded("signers", signerCount, limits.maxSigners()));
    }
    ASN1Set certs = signedData.getCertificates();
    if (certs != null && certs.size() > limits.maxCertificates()) {
      return Optional.of(
          VerificationLimits.exceeded("certificates", certs.size(), limits.maxCertificates()));
    }
    ASN1Set crls = signedData.getCRLs();
    if (crls != null && crls.size() > limits.maxRevocationValues()) {
      return Optional.of(
          VerificationLimits.exceeded(
              "revocation-values", crls.size(), limits.maxRevocationValues()));
    }
    return Optional.empty();
  }

  /**
   * Adds the CRLs and OCSP answers the SignedData carries (CAdES-LT keeps them in {@code crls},
   * OCSP answers as {@code id-ri-ocsp-response} other revocation information) to the container's.
   */
  private static ValidationData withEmbeddedRevocation(SignedData signedData, ValidationData data) {
    ASN1Set set = signedData.getCRLs();
    if (set == null || set.size() == 0) {
      return data;
    }
    List<java.security.cert.X509CRL> crls = new ArrayList<>(data.crls());
    List<byte[]> ocsps = new ArrayList<>(data.ocspResponses());
    for (ASN1Encodable element : set) {
      try {
        ASN1Primitive primitive = element.toASN1Primitive();
        if (primitive instanceof org.bouncycastle.asn1.ASN1TaggedObject tagged) {
          if (tagged.getTagNo() == 1) {
            org.bouncycastle.asn1.cms.OtherRevocationInfoFormat other =
                org.bouncycastle.asn1.cms.OtherRevocationInfoFormat.getInstance(tagged, false);
            if (CMSObjectIdentifiers.id_ri_ocsp_response.equals(other.getInfoFormat())) {
              ocsps.add(other.getInfo().toASN1Primitive().getEncoded(ASN1Encoding.DER));
            }
          }
          continue;
        }
        crls.add(
            (java.security.cert.X509CRL)
                CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(primitive.getEncoded(ASN1Encoding.DER))));
      } catch (Exception e) {
        LOG.debug("Skipping an unreadable revocation value", e);
      }
    }
    return new ValidationData(data.certificates(), crls, ocsps, data.proofs());
  }

  private static List<X509Certificate> embeddedCertificates(SignedData signedData) {
    List<X509Certificate> out = new ArrayList<>();
    ASN1Set set = signedData.getCertificates();
    if (set == null) {
      return out;
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (ASN1Encodable element : set) {
        if (element.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1Sequence) {
          try {
            out.add(
                (X509Certificate)
                    factory.generateCertificate(
                        new ByteArrayInputStream(
                            Certificate.getInstance(element).getEncoded(ASN1Encoding.DER))));
          } catch (Exception e) {
            LOG.debug("Skipping an unreadable embedded certificate", e);
          }
        }
      }
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalStateException("X.509 is required by the Java platform", e);
    }
    return out;
  }

  /** The imprint algorithms of the archive time-stamps, read from at most the limit of tokens. */
  private Set<DigestAlgorithm> archiveAlgorithms(List<Signer> signers) {
    Set<DigestAlgorithm> out = EnumSet.noneOf(DigestAlgorithm.class);
    for (Signer signer : signers) {
      if (signer.unsigned() == null) {
        continue;
      }
      try {
        List<ASN1Encodable> tokens =
            ArchiveTimestamps.values(
                signer.unsigned(), ArchiveTimestamps.ARCHIVE_TIMESTAMP_V3, limits.maxTimestamps());
        for (int i = 0; i < tokens.size() && i < limits.maxTimestamps(); i++) {
          ArchiveTimestamps.imprintAlgorithm(ContentInfo.getInstance(tokens.get(i)))
              .ifPresent(out::add);
        }
      } catch (RuntimeException e) {
        LOG.debug("Unreadable archive time-stamp", e);
      }
    }
    return out;
  }

  /**
   * Digests the content once with every algorithm a signer or archive time-stamp uses; null values
   * when absent.
   */
  private static Map<DigestAlgorithm, byte[]> contentDigests(
      SignedData signedData,
      List<Signer> signers,
      Set<DigestAlgorithm> archive,
      InputStream detached) {
    Map<DigestAlgorithm, MessageDigest> engines = new EnumMap<>(DigestAlgorithm.class);
    for (DigestAlgorithm algorithm : archive) {
      engines.put(algorithm, algorithm.newMessageDigest());
    }
    for (Signer signer : signers) {
      DigestAlgorithm.fromOid(signer.info().getDigestAlgorithm().getAlgorithm().getId())
          .ifPresent(a -> engines.computeIfAbsent(a, DigestAlgorithm::newMessageDigest));
    }
    Map<DigestAlgorithm, byte[]> out = new EnumMap<>(DigestAlgorithm.class);
    InputStream content = detached;
    if (content == null) {
      ASN1Encodable encapsulated = signedData.getEncapContentInfo().getContent();
      if (encapsulated == null) {
        return out;
      }
      content = new ByteArrayInputStream(ASN1OctetString.getInstance(encapsulated).getOctets());
    }
    try {
      byte[] buffer = new byte[16384];
      for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
        for (MessageDigest engine : engines.values()) {
          engine.update(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the signed content failed", e);
    }
    engines.forEach((algorithm, engine) -> out.put(algorithm, engine.digest()));
    return out;
  }

  /**
   * A SignerInfo with its attribute sets read, each element checked to be an Attribute: a broken
   * one makes the signature malformed instead of failing a check later on.
   *
   * @param info the SignerInfo
   * @param signed its signed attributes, or null when it has none
   * @param unsigned its unsigned attributes, or null when it has none
   */
  private record Signer(SignerInfo info, AttributeTable signed, AttributeTable unsigned) {
    static Signer of(SignerInfo info) {
      return new Signer(
          info,
          table(info.getAuthenticatedAttributes()),
          table(info.getUnauthenticatedAttributes()));
    }

    private static AttributeTable table(ASN1Set set) {
      return set == null ? null : new AttributeTable(set);
    }
  }

  private SignerReport verifySigner(
      int index,
      Signer parsed,
      SignedData signedData,
      List<X509Certificate> embedded,
      Map<DigestAlgorithm, byte[]> digests,
      Instant now,
      ValidationData evidence) {
    SignerInfo signerInfo = parsed.info();
    AttributeTable attributes = parsed.signed();
    List<Check> checks = new ArrayList<>();
    List<X509Certificate> candidates = new ArrayList<>(embedded);
    candidates.addAll(evidence.certificates());
    X509Certificate signer = findSigner(signerInfo.getSID(), candidates);
    Optional<SignerIdentity> identity = Optional.empty();
    if (signer == null) {
      checks.add(
          Check.indeterminate(
              CheckType.SIGNER_CERTIFICATE,
              ReasonCode.SIGNER_CERTIFICATE_NOT_FOUND,
              "the signature does not include the signer's certificate"));
    } else {
      identity = Optional.of(SignerIdentity.of(signer));
      checks.add(
          Check.passed(CheckType.SIGNER_CERTIFICATE, ReasonCode.SIGNER_CERTIFICATE_FOUND, ""));
    }
    Optional<DigestAlgorithm> digestAlgorithm =
        DigestAlgorithm.fromOid(signerInfo.getDigestAlgorithm().getAlgorithm().getId());

    if (signer != null && attributes != null) {
      checks.add(signingCertificateReference(attributes, signer, policy));
    }
    checks.add(contentDigest(attributes, digestAlgorithm, digests));
    checks.add(
        signatureValue(signedData, signerInfo, signer, digestAlgorithm, attributes, digests));

    // Newest first (ETSI EN 319 102-1 past signature validation): the newest time-stamp's
    // authority is judged at the earliest proof covering the whole signature (a PDF document
    // time-stamp) or now; each older one at the time the next valid one proves.
    TimestampTokenValidator.ChainTime cover =
        TimestampTokenValidator.ChainTime.earliest(evidence.proofs(), now);
    List<TimestampTokenValidator.Result> archive =
        archiveTimestamps(
            signedData, signerInfo, parsed.unsigned(), digests, candidates, evidence, cover);
    List<ValidationData.Proof> proofs = new ArrayList<>(evidence.proofs());
    for (int i = 0; i < archive.size(); i++) {
      TimestampTokenValidator.Result result = archive.get(i);
      int number = i + 1;
      result
          .time()
          .ifPresent(
              t ->
                  proofs.add(
                      new ValidationData.Proof(
                          TimeProof.ARCHIVE_TIMESTAMP, t, "archive time-stamp " + number)));
    }
    List<TimestampTokenValidator.Result> timestamps =
        timestamps(
            signerInfo,
            parsed.unsigned(),
            candidates,
            evidence,
            TimestampTokenValidator.ChainTime.earliest(proofs, now));
    Optional<Instant> stamped = Optional.empty();
    for (TimestampTokenValidator.Result timestamp : timestamps) {
      checks.add(timestamp.check());
      if (timestamp.time().isPresent()
          && (stamped.isEmpty() || timestamp.time().get().isBefore(stamped.get()))) {
        stamped = timestamp.time();
      }
    }
    for (TimestampTokenValidator.Result result : archive) {
      checks.add(result.check());
    }
    Optional<ValidationData.Proof> proof =
        stamped.map(t -> new ValidationData.Proof(TimeProof.SIGNATURE_TIMESTAMP, t, ""));
    for (ValidationData.Proof other : proofs) {
      if (proof.isEmpty() || other.time().isBefore(proof.get().time())) {
        proof = Optional.of(other);
      }
    }
    Optional<Instant> claimed = claimedSigningTime(attributes);
    ValidationTimes.Time time = ValidationTimes.decide(timePolicy, proof, claimed, now);
    checks.add(time.check());
    if (signer != null) {
      checks.addAll(
          certificates
              .validate(
                  signer,
                  candidates,
                  time.at(),
                  time.proven(),
                  CertificateValidator.Purpose.SIGNING,
                  evidence)
              .checks());
    }
    return new SignerReport(
        index,
        identity,
        Optional.of(time.at()),
        time.proven(),
        checks,
        SignerReport.verdictOf(checks),
        claimed);
  }

  private static X509Certificate findSigner(
      SignerIdentifier sid, List<X509Certificate> candidates) {
    try {
      ASN1Encodable id = sid.getId();
      if (id instanceof ASN1OctetString || sid.isTagged()) {
        byte[] keyId = ASN1OctetString.getInstance(id).getOctets();
        for (X509Certificate candidate : candidates) {
          if (MessageDigest.isEqual(subjectKeyIdentifier(candidate), keyId)) {
            return candidate;
          }
        }
        return null;
      }
      IssuerAndSerialNumber issuerSerial = IssuerAndSerialNumber.getInstance(id);
      for (X509Certificate candidate : candidates) {
        X500Name issuer = X500Name.getInstance(candidate.getIssuerX500Principal().getEncoded());
        if (candidate.getSerialNumber().equals(issuerSerial.getSerialNumber().getValue())
            && issuer.equals(issuerSerial.getName())) {
          return candidate;
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("Unreadable signer identifier", e);
    }
    return null;
  }

  /**
   * The certificate's own subject key identifier extension (RFC 5280 §4.2.1.2; any method, such as
   * RFC 7093's); for a certificate without one, the SHA-1 of its key as RFC 5280 method 1 derives
   * it.
   */
  private static byte[] subjectKeyIdentifier(X509Certificate certificate) {
    try {
      byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
      if (extension != null) {
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
            .getKeyIdentifier();
      }
      return new JcaX509ExtensionUtils()
          .createSubjectKeyIdentifier(certificate.getPublicKey())
          .getKeyIdentifier();
    } catch (RuntimeException | java.security.NoSuchAlgorithmException e) {
      return new byte[0];
    }
  }

  private static Check signingCertificateReference(
      AttributeTable attributes, X509Certificate signer, SignaturePolicy policy) {
    try {
      Attribute v2 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
      Attribute v1 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
      byte[] encoded = signer.getEncoded();
      if (v2 != null) {
        ESSCertIDv2 id =
            SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
        Optional<DigestAlgorithm> algorithm =
            DigestAlgorithm.fromOid(id.getHashAlgorithm().getAlgorithm().getId());
        if (algorithm.isPresent()
            && MessageDigest.isEqual(algorithm.get().digest(encoded), id.getCertHash())
            && issuerSerialMatches(id.getIssuerSerial(), signer)) {
          return Check.passed(
              CheckType.SIGNING_CERTIFICATE_REFERENCE,
              ReasonCode.SIGNING_CERTIFICATE_MATCHES,
              "v2");
        }
        return Check.failed(
            CheckType.SIGNING_CERTIFICATE_REFERENCE,
            ReasonCode.SIGNING_CERTIFICATE_MISMATCH,
            "signing-certificate-v2 names another certificate");
      }
      if (v1 != null) {
        ESSCertID id =
            SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(encoded);
        if (MessageDigest.isEqual(sha1, id.getCertHash())
            && issuerSerialMatches(id.getIssuerSerial(), signer)) {
          return Check.passed(
              CheckType.SIGNING_CERTIFICATE_REFERENCE,
              ReasonCode.SIGNING_CERTIFICATE_MATCHES,
              "v1");
        }
        return Check.failed(
            CheckType.SIGNING_CERTIFICATE_REFERENCE,
            ReasonCode.SIGNING_CERTIFICATE_MISMATCH,
            "signing-certificate names another certificate");
      }
      return policy == SignaturePolicy.LENIENT
          ? Check.skipped(
              CheckType.SIGNING_CERTIFICATE_REFERENCE,
              ReasonCode.SIGNING_CERTIFICATE_ABSENT,
              "not a CAdES signature (lenient policy)")
          : Check.indeterminate(
              CheckType.SIGNING_CERTIFICATE_REFERENCE,
              ReasonCode.SIGNING_CERTIFICATE_ABSENT,
              "no signing-certificate-v2 or signing-certificate attribute: the certificate could"
                  + " be swapped");
    } catch (Exception e) {
      return Check.failed(
          CheckType.SIGNING_CERTIFICATE_REFERENCE,
          ReasonCode.SIGNING_CERTIFICATE_MISMATCH,
          "unreadable signing-certificate attribute");
    }
  }

  private static boolean issuerSerialMatches(
      org.bouncycastle.asn1.x509.IssuerSerial issuerSerial, X509Certificate signer) {
    return issuerSerial == null
        || issuerSerial.getSerial().getValue().equals(signer.getSerialNumber());
  }

  private static Check contentDigest(
      AttributeTable attributes,
      Optional<DigestAlgorithm> algorithm,
      Map<DigestAlgorithm, byte[]> digests) {
    if (algorithm.isEmpty()) {
      return Check.indeterminate(
          CheckType.CONTENT_DIGEST,
          ReasonCode.CONTENT_DIGEST_ALGORITHM_UNSUPPORTED,
          "only SHA-256, SHA-384 and SHA-512 are accepted");
    }
    if (attributes == null) {
      return Check.indeterminate(
          CheckType.CONTENT_DIGEST,
          ReasonCode.CONTENT_DIGEST_ATTRIBUTE_MISSING,
          "no signed attributes");
    }
    byte[] actual = digests.get(algorithm.get());
    if (actual == null) {
      return Check.indeterminate(
          CheckType.CONTENT_DIGEST,
          ReasonCode.CONTENT_DIGEST_CONTENT_MISSING,
          "detached signature verified without its content");
    }
    try {
      ASN1EncodableVectorHolder values =
          new ASN1EncodableVectorHolder(attributes.getAll(CMSAttributes.messageDigest));
      if (values.size != 1) {
        return Check.failed(
            CheckType.CONTENT_DIGEST,
            ReasonCode.CONTENT_DIGEST_ATTRIBUTE_MISSING,
            "exactly one message-digest attribute is required");
      }
      byte[] signed = ASN1OctetString.getInstance(values.first).getOctets();
      return MessageDigest.isEqual(signed, actual)
          ? Check.passed(CheckType.CONTENT_DIGEST, ReasonCode.CONTENT_DIGEST_MATCHES, "")
          : Check.failed(
              CheckType.CONTENT_DIGEST,
              ReasonCode.CONTENT_DIGEST_MISMATCH,
              "the content was changed after signing");
    } catch (RuntimeException e) {
      return Check.failed(
          CheckType.CONTENT_DIGEST,
          ReasonCode.CONTENT_DIGEST_ATTRIBUTE_MISSING,
          "unreadable message-digest attribute");
    }
  }

  /** The first value of a multi-valued attribute lookup and how many there were. */
  private static final class ASN1EncodableVectorHolder {
    final int size;
    final ASN1Encodable first;

    ASN1EncodableVectorHolder(org.bouncycastle.asn1.ASN1EncodableVector attributes) {
      int count = 0;
      ASN1Encodable value = null;
      for (int i = 0; i < attributes.size(); i++) {
        ASN1Set values = Attribute.getInstance(attributes.get(i)).getAttrValues();
        count += values.size();
        if (value == null && values.size() > 0) {
          value = values.getObjectAt(0);
        }
      }
      this.size = count;
      this.first = value;
    }
  }

  /**
   * The signature value, verified by BouncyCastle's {@link SignerInformation#verify} (RFC 5652
   * §5.6: the signed attributes' DER under the signer's key, the content-type attribute against the
   * encapsulated type, the message-digest attribute against the content's digest, CMS algorithm
   * protection); motcua's own checks (content digest, signed certificate reference, policy, limits)
   * are reported beside it. When the content is absent or changed, the signature is verified
   * against the digest it signed, so that this check tells a broken signature from a changed
   * content, which {@link CheckType#CONTENT_DIGEST} reports.
   */
  private static Check signatureValue(
      SignedData signedData,
      SignerInfo signerInfo,
      X509Certificate signer,
      Optional<DigestAlgorithm> digestAlgorithm,
      AttributeTable attributes,
      Map<DigestAlgorithm, byte[]> digests) {
    if (signer == null) {
      return Check.indeterminate(
          CheckType.SIGNATURE_VALUE, ReasonCode.SIGNATURE_VALUE_NO_CERTIFICATE, "");
    }
    if (signerInfo.getAuthenticatedAttributes() == null) {
      return Check.indeterminate(
          CheckType.SIGNATURE_VALUE,
          ReasonCode.SIGNATURE_VALUE_NO_SIGNED_ATTRIBUTES,
          "signatures without signed attributes are not verified");
    }
    if (digestAlgorithm.isEmpty()) {
      return Check.indeterminate(
          CheckType.SIGNATURE_VALUE,
          ReasonCode.SIGNATURE_VALUE_ALGORITHM_UNSUPPORTED,
          "digest " + signerInfo.getDigestAlgorithm().getAlgorithm().getId());
    }
    SignerInformationVerifier verifier;
    try {
      // By key, not certificate: BouncyCastle would otherwise judge the certificate at the
      // claimed signing time, which motcua never trusts (the validation time comes from proof).
      verifier =
          new JcaSimpleSignerInfoVerifierBuilder()
              .setProvider(Bc.PROVIDER)
              .build(signer.getPublicKey());
    } catch (OperatorCreationException | RuntimeException e) {
      return Check.indeterminate(
          CheckType.SIGNATURE_VALUE,
          ReasonCode.SIGNATURE_VALUE_ALGORITHM_UNSUPPORTED,
          "algorithm " + signerInfo.getDigestEncryptionAlgorithm().getAlgorithm().getId());
    }
    byte[] actual = digests.get(digestAlgorithm.get());
    byte[] signed = signedDigest(attributes);
    byte[] bound =
        actual != null && (signed == null || MessageDigest.isEqual(actual, signed))
            ? actual
            : signed;
    try {
      SignedData single =
          new SignedData(
              signedData.getDigestAlgorithms(),
              signedData.getEncapContentInfo(),
              null,
              null,
              new DERSet(signerInfo));
      SignerInformation information =
          new CMSSignedData(
                  Map.of(
                      signerInfo.getDigestAlgorithm().getAlgorithm().getId(),
                      bound == null ? new byte[0] : bound),
                  new ContentInfo(CMSObjectIdentifiers.signedData, single))
              .getSignerInfos()
              .getSigners()
              .iterator()
              .next();
      return information.verify(verifier)
          ? Check.passed(CheckType.SIGNATURE_VALUE, ReasonCode.SIGNATURE_VALUE_VALID, "")
          : Check.failed(
              CheckType.SIGNATURE_VALUE,
              ReasonCode.SIGNATURE_VALUE_INVALID,
              "the signature or the signed attributes were changed");
    } catch (CMSException e) {
      if (e.getCause() instanceof OperatorCreationException) {
        return Check.indeterminate(
            CheckType.SIGNATURE_VALUE,
            ReasonCode.SIGNATURE_VALUE_ALGORITHM_UNSUPPORTED,
            "algorithm " + signerInfo.getDigestEncryptionAlgorithm().getAlgorithm().getId());
      }
      return Check.failed(
          CheckType.SIGNATURE_VALUE, ReasonCode.SIGNATURE_VALUE_INVALID, e.getMessage());
    } catch (IllegalArgumentException e) {
      // BouncyCastle names no signature algorithm for the pair of identifiers.
      return Check.indeterminate(
          CheckType.SIGNATURE_VALUE,
          ReasonCode.SIGNATURE_VALUE_ALGORITHM_UNSUPPORTED,
          "algorithm " + signerInfo.getDigestEncryptionAlgorithm().getAlgorithm().getId());
    } catch (RuntimeException e) {
      return Check.failed(
          CheckType.SIGNATURE_VALUE,
          ReasonCode.SIGNATURE_VALUE_INVALID,
          "the signature value cannot be checked: " + e.getClass().getSimpleName());
    }
  }

  /** The one message-digest value the signer signed, or null. */
  private static byte[] signedDigest(AttributeTable attributes) {
    try {
      ASN1EncodableVectorHolder values =
          new ASN1EncodableVectorHolder(attributes.getAll(CMSAttributes.messageDigest));
      return values.size == 1 ? ASN1OctetString.getInstance(values.first).getOctets() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Optional<Instant> claimedSigningTime(AttributeTable attributes) {
    if (attributes == null) {
      return Optional.empty();
    }
    try {
      Attribute attribute = attributes.get(CMSAttributes.signingTime);
      if (attribute == null) {
        return Optional.empty();
      }
      return Optional.of(
          Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private List<TimestampTokenValidator.Result> timestamps(
      SignerInfo signerInfo,
      AttributeTable unsigned,
      List<X509Certificate> candidates,
      ValidationData evidence,
      TimestampTokenValidator.ChainTime cover) {
    List<ASN1Encodable> tokens =
        unsigned == null
            ? List.of()
            : ArchiveTimestamps.values(
                unsigned,
                PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                limits.maxTimestamps());
    if (tokens.isEmpty()) {
      return List.of(
          new TimestampTokenValidator.Result(
              Check.skipped(CheckType.TIMESTAMP, ReasonCode.TIMESTAMP_ABSENT, "CAdES-BES"),
              Optional.empty()));
    }
    byte[] signatureValue = signerInfo.getEncryptedDigest().getOctets();
    return eachToken(
        tokens,
        CheckType.TIMESTAMP,
        ReasonCode.TIMESTAMP_MALFORMED,
        cover,
        null,
        (token, at) ->
            TimestampTokenValidator.validate(
                token, () -> signatureValue, certificates, candidates, evidence, at));
  }

  /**
   * Validates the signer's archive time-stamps (CAdES-LTA), each over the signature as its hash
   * index records it; none is nothing to report.
   */
  private List<TimestampTokenValidator.Result> archiveTimestamps(
      SignedData signedData,
      SignerInfo signerInfo,
      AttributeTable unsigned,
      Map<DigestAlgorithm, byte[]> digests,
      List<X509Certificate> candidates,
      ValidationData evidence,
      TimestampTokenValidator.ChainTime cover) {
    if (unsigned == null) {
      return List.of();
    }
    return eachToken(
        ArchiveTimestamps.byStatedTime(
            ArchiveTimestamps.values(
                unsigned, ArchiveTimestamps.ARCHIVE_TIMESTAMP_V3, limits.maxTimestamps())),
        CheckType.ARCHIVE_TIMESTAMP,
        ReasonCode.ARCHIVE_TIMESTAMP_MALFORMED,
        cover,
        "archive time-stamp ",
        (token, at) ->
            ArchiveTimestamps.validate(
                token, signedData, signerInfo, digests, certificates, candidates, evidence, at));
  }

  /**
   * Validates each token, no more than the limit allows; an unreadable one fails. With a {@code
   * chainName}, the tokens cover one another in order (each archive time-stamp covers the ones
   * stated before it): they are validated newest first, the newest's authority at {@code cover} and
   * each older one's at the time the next valid one proves. Without, each is judged at {@code
   * cover}. The results are in the tokens' order.
   */
  private List<TimestampTokenValidator.Result> eachToken(
      List<ASN1Encodable> tokens,
      CheckType type,
      ReasonCode malformed,
      TimestampTokenValidator.ChainTime cover,
      String chainName,
      java.util.function.BiFunction<
              ContentInfo, TimestampTokenValidator.ChainTime, TimestampTokenValidator.Result>
          validate) {
    if (tokens.size() > limits.maxTimestamps()) {
      return List.of(
          new TimestampTokenValidator.Result(
              VerificationLimits.exceeded("timestamps", tokens.size(), limits.maxTimestamps()),
              Optional.empty()));
    }
    TimestampTokenValidator.Result[] out = new TimestampTokenValidator.Result[tokens.size()];
    TimestampTokenValidator.ChainTime at = cover;
    for (int i = tokens.size() - 1; i >= 0; i--) {
      ContentInfo token;
      try {
        token = ContentInfo.getInstance(tokens.get(i));
      } catch (RuntimeException e) {
        out[i] =
            new TimestampTokenValidator.Result(
                Check.failed(type, malformed, "unreadable token"), Optional.empty());
        continue;
      }
      out[i] = validate.apply(token, at);
      if (chainName != null && out[i].time().isPresent()) {
        at = TimestampTokenValidator.ChainTime.provenBy(out[i].time().get(), chainName + (i + 1));
      }
    }
    return List.of(out);
  }

  /** Builds a {@link CmsVerifier}. Not thread-safe. */
  public static final class Builder {
    private TrustAnchors trustAnchors;
    private RevocationPolicy revocationPolicy;
    private SignaturePolicy policy = SignaturePolicy.STRICT;
    private VerificationLimits limits = VerificationLimits.defaults();
    private ValidationTimePolicy timePolicy = ValidationTimePolicy.SIGNING_TIME;
    private OkHttpClient client;
    private Clock clock = Clock.systemUTC();
    private List<X509Certificate> intermediates = List.of();

    private Builder() {}

    /**
     * Adds intermediate CA certificates that may complete chains, for signatures that carry only
     * the signer's certificate (OpenSSL's default, some USB-token plug-ins).
     *
     * @param certificates the intermediates; they are not trusted by themselves
     * @return this builder
     */
    public Builder intermediates(java.util.Collection<X509Certificate> certificates) {
      this.intermediates = List.copyOf(certificates);
      return this;
    }

    /**
     * Sets the trust anchors (required).
     *
     * @param anchors the anchors
     * @return this builder
     */
    public Builder trustAnchors(TrustAnchors anchors) {
      this.trustAnchors = Objects.requireNonNull(anchors, "anchors");
      return this;
    }

    /**
     * Sets what a signature must carry.
     *
     * @param policy default {@link SignaturePolicy#STRICT}; {@link SignaturePolicy#LENIENT} by name
     * @return this builder
     */
    public Builder policy(SignaturePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets how much work one verification may do.
     *
     * @param limits default {@link VerificationLimits#defaults()}
     * @return this builder
     */
    public Builder limits(VerificationLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets the revocation policy.
     *
     * @param policy default {@link RevocationPolicy#REQUIRE} ({@link RevocationPolicy#PREFER_OCSP}
     *     under {@link SignaturePolicy#LENIENT})
     * @return this builder
     */
    public Builder revocationPolicy(RevocationPolicy policy) {
      this.revocationPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets at which time certificates are judged.
     *
     * @param policy default {@link ValidationTimePolicy#SIGNING_TIME}
     * @return this builder
     */
    public Builder validationTimePolicy(ValidationTimePolicy policy) {
      this.timePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Uses the integrator's HTTP client for OCSP and CRL requests.
     *
     * @param client the client; default a new one
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the clock: the current time for {@link ValidationTimePolicy#CURRENT_TIME}, unsigned
     * signatures and the freshness of revocation answers.
     *
     * @param clock default the system clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws ConfigurationException {@code cms-verifier.trust-anchors.missing}
     */
    public CmsVerifier build() {
      if (trustAnchors == null) {
        throw new ConfigurationException(
            "cms-verifier.trust-anchors.missing", "Give trustAnchors(...).", null);
      }
      if (client == null) {
        client = new OkHttpClient();
      }
      return new CmsVerifier(this);
    }
  }
}
