package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.signing.internal.ArchiveTimestamps;
import io.github.motcua.signing.internal.CmsEvidence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.OtherRevocationInfoFormat;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;

/**
 * Extends a CAdES signature to the long-term levels (ETSI EN 319 122-1): CAdES-LT (baseline B-LT)
 * adds to the SignedData every certificate of the signer's and its time-stamping authorities'
 * chains, and an OCSP answer (or, failing that, a CRL) for each of them, fetched now. The values go
 * where CMS keeps them ({@code certificates}, and {@code crls} with OCSP answers as {@code
 * id-ri-ocsp-response}, RFC 5940); nothing signed changes, so the signature value still verifies,
 * and {@link CmsVerifier} uses the values years later with the responders gone. CAdES-LTA (baseline
 * B-LTA, {@link #toLta}) then adds an archive time-stamp ({@code archive-time-stamp-v3} with its
 * {@code ats-hash-index-v3}) over the signature, its content and those values, and the values for
 * the archive time-stamp's own authority; call {@link #toLta} again before that authority's
 * certificate expires or its algorithms weaken, to renew.
 *
 * <pre>{@code
 * CmsExtender extender = CmsExtender.builder()
 *     .certificateValidator(CertificateValidator.builder().trustAnchors(anchors).build())
 *     .build();
 * byte[] lt = extender.toLt(cadesT);
 * byte[] lta = CmsExtender.builder()
 *     .certificateValidator(validator)
 *     .timestampAuthority(HttpTimestampAuthority.builder().url(tsaUrl).build())
 *     .build()
 *     .toLta(cadesT, Files.newInputStream(document));   // detached: give the content
 * }</pre>
 *
 * <p>Extend a signature that carries a signature time-stamp (CAdES-T): the time-stamp proves when
 * the signature existed, and the revocation values fetched after it show the certificates were not
 * revoked by then.
 *
 * <p>Immutable and thread-safe.
 */
public final class CmsExtender {

  private final CertificateValidator validator;
  private final TimestampAuthority tsa;
  private final DigestAlgorithm digestAlgorithm;

  private CmsExtender(Builder builder) {
    this.validator = builder.validator;
    this.tsa = builder.tsa;
    this.digestAlgorithm = builder.digestAlgorithm;
  }

  /**
   * Starts an extender.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds the validation data.
   *
   * @param cms the DER CMS ContentInfo (CAdES-B or -T)
   * @return the extended signature
   * @throws MotcuaException {@code cms-extender.malformed} for input that is not a signature with
   *     its signer's certificate; {@code validation-data.chain} or {@code
   *     validation-data.revocation} when a chain or a revocation value cannot be had
   */
  public byte[] toLt(byte[] cms) {
    Objects.requireNonNull(cms, "cms");
    CmsEvidence.Certificates certificates = evidence(cms);
    return withValues(
        signedData(cms), validator.gather(certificates.toValidate(), certificates.carried()));
  }

  /**
   * Extends a signature that encapsulates its content to CAdES-LTA: {@link #toLt}, then an archive
   * time-stamp for each signer, then the validation values of the archive time-stamping authority.
   * On a CAdES-LTA signature this renews it with a further archive time-stamp over everything,
   * earlier archive time-stamps included.
   *
   * @param cms the DER CMS ContentInfo (CAdES-T, -LT or -LTA)
   * @return the extended signature
   * @throws ConfigurationException {@code cms-extender.timestamp-authority.missing}
   * @throws MotcuaException as {@link #toLt}; {@code cms-extender.content-missing} for a detached
   *     signature (use {@link #toLta(byte[], InputStream)})
   * @throws MotcuaException when no token can be had
   */
  public byte[] toLta(byte[] cms) {
    return toLta(cms, null);
  }

  /**
   * Extends a signature to CAdES-LTA as {@link #toLta(byte[])}; the archive time-stamp covers the
   * signed content's hash, so a detached signature needs its content.
   *
   * @param cms the DER CMS ContentInfo (CAdES-T, -LT or -LTA)
   * @param detachedContent the signed content of a detached signature, read once to the end (not
   *     closed); null for a signature that encapsulates it
   * @return the extended signature
   * @throws ConfigurationException {@code cms-extender.timestamp-authority.missing}
   * @throws MotcuaException as {@link #toLt}; {@code cms-extender.content-missing} without the
   *     content; {@code cms-extender.content-mismatch} when it is not the signed content
   * @throws MotcuaException when no token can be had
   * @throws UncheckedIOException when reading the content fails
   */
  public byte[] toLta(byte[] cms, InputStream detachedContent) {
    Objects.requireNonNull(cms, "cms");
    if (tsa == null) {
      throw new ConfigurationException(
          "cms-extender.timestamp-authority.missing",
          "Give timestampAuthority(...) for archive time-stamps.",
          null);
    }
    SignedData signedData = signedData(toLt(cms));
    Map<DigestAlgorithm, byte[]> hashes = contentHashes(signedData, detachedContent);
    ASN1EncodableVector signers = new ASN1EncodableVector();
    List<X509Certificate> toValidate = new ArrayList<>();
    List<X509Certificate> carried = new ArrayList<>();
    try {
      for (ASN1Encodable element : signedData.getSignerInfos()) {
        SignerInfo signer = SignerInfo.getInstance(element);
        ASN1Sequence index = ArchiveTimestamps.hashIndex(signedData, signer, digestAlgorithm);
        byte[] stamped =
            ArchiveTimestamps.stampedData(signedData, signer, hashes.get(digestAlgorithm), index);
        byte[] token = tsa.timestamp(digestAlgorithm.digest(stamped), digestAlgorithm);
        CmsEvidence.Certificates tokenCertificates = CmsEvidence.of(token);
        toValidate.addAll(tokenCertificates.toValidate());
        carried.addAll(tokenCertificates.carried());
        ContentInfo indexed =
            ArchiveTimestamps.withHashIndex(
                ContentInfo.getInstance(ASN1Primitive.fromByteArray(token)), index);
        signers.add(
            ArchiveTimestamps.withUnsignedAttribute(
                signer,
                new Attribute(ArchiveTimestamps.ARCHIVE_TIMESTAMP_V3, new DERSet(indexed))));
      }
    } catch (MotcuaException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SecurityRefusalException(
          "cms-extender.timestamp", "The archive time-stamp token is unusable.", e);
    }
    SignedData stamped =
        new SignedData(
            signedData.getDigestAlgorithms(),
            signedData.getEncapContentInfo(),
            signedData.getCertificates(),
            signedData.getCRLs(),
            new DERSet(signers));
    carried.addAll(evidence(encode(stamped)).carried());
    return withValues(stamped, validator.gather(toValidate, carried));
  }

  /** The signed content's hash with the archive algorithm, checked against each signer's. */
  private Map<DigestAlgorithm, byte[]> contentHashes(
      SignedData signedData, InputStream detachedContent) {
    InputStream content = detachedContent;
    if (content == null) {
      ASN1Encodable encapsulated = signedData.getEncapContentInfo().getContent();
      if (encapsulated == null) {
        throw new InvalidInputException(
            "cms-extender.content-missing",
            "A detached signature needs its content for an archive time-stamp: use toLta(cms,"
                + " content).");
      }
      content = new ByteArrayInputStream(ASN1OctetString.getInstance(encapsulated).getOctets());
    }
    Map<DigestAlgorithm, MessageDigest> engines = new EnumMap<>(DigestAlgorithm.class);
    engines.put(digestAlgorithm, digestAlgorithm.newMessageDigest());
    for (ASN1Encodable element : signedData.getSignerInfos()) {
      SignerInfo signer = SignerInfo.getInstance(element);
      DigestAlgorithm.fromOid(signer.getDigestAlgorithm().getAlgorithm().getId())
          .ifPresent(a -> engines.computeIfAbsent(a, DigestAlgorithm::newMessageDigest));
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
    Map<DigestAlgorithm, byte[]> hashes = new EnumMap<>(DigestAlgorithm.class);
    engines.forEach((algorithm, engine) -> hashes.put(algorithm, engine.digest()));
    for (ASN1Encodable element : signedData.getSignerInfos()) {
      SignerInfo signer = SignerInfo.getInstance(element);
      Optional<DigestAlgorithm> algorithm =
          DigestAlgorithm.fromOid(signer.getDigestAlgorithm().getAlgorithm().getId());
      Attribute digest =
          signer.getAuthenticatedAttributes() == null
              ? null
              : new AttributeTable(signer.getAuthenticatedAttributes())
                  .get(CMSAttributes.messageDigest);
      if (algorithm.isEmpty()
          || digest == null
          || !MessageDigest.isEqual(
              ASN1OctetString.getInstance(digest.getAttrValues().getObjectAt(0)).getOctets(),
              hashes.get(algorithm.get()))) {
        throw new InvalidInputException(
            "cms-extender.content-mismatch",
            "The content is not what the signature signed; nothing was time-stamped.");
      }
    }
    return hashes;
  }

  private static CmsEvidence.Certificates evidence(byte[] cms) {
    try {
      return CmsEvidence.of(cms);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          "cms-extender.malformed",
          "Not a CMS signature that carries its signer's certificate.",
          e);
    }
  }

  private static SignedData signedData(byte[] cms) {
    try {
      return SignedData.getInstance(
          ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent());
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          "cms-extender.malformed",
          "Not a CMS signature that carries its signer's certificate.",
          e);
    }
  }

  private static byte[] encode(SignedData signedData) {
    try {
      return new ContentInfo(CMSObjectIdentifiers.signedData, signedData)
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new InvalidInputException("cms-extender.encoding", "The values cannot be encoded.", e);
    }
  }

  /** The SignedData with the values' certificates, CRLs and OCSP answers added once each. */
  private static byte[] withValues(SignedData signedData, ValidationData data) {
    try {
      ASN1EncodableVector certs = new ASN1EncodableVector();
      List<ASN1Primitive> seen = new ArrayList<>();
      add(signedData.getCertificates(), certs, seen);
      for (X509Certificate certificate : data.certificates()) {
        add(ASN1Primitive.fromByteArray(certificate.getEncoded()), certs, seen);
      }
      ASN1EncodableVector crls = new ASN1EncodableVector();
      add(signedData.getCRLs(), crls, seen);
      for (X509CRL crl : data.crls()) {
        add(ASN1Primitive.fromByteArray(crl.getEncoded()), crls, seen);
      }
      for (byte[] ocsp : data.ocspResponses()) {
        add(
            new DERTaggedObject(
                    false,
                    1,
                    new OtherRevocationInfoFormat(
                        CMSObjectIdentifiers.id_ri_ocsp_response,
                        ASN1Primitive.fromByteArray(ocsp)))
                .toASN1Primitive(),
            crls,
            seen);
      }
      return encode(
          new SignedData(
              signedData.getDigestAlgorithms(),
              signedData.getEncapContentInfo(),
              new DERSet(certs),
              new DERSet(crls),
              signedData.getSignerInfos()));
    } catch (IOException | CertificateEncodingException | CRLException e) {
      throw new InvalidInputException("cms-extender.encoding", "The values cannot be encoded.", e);
    }
  }

  private static void add(ASN1Set set, ASN1EncodableVector out, List<ASN1Primitive> seen) {
    if (set != null) {
      for (ASN1Encodable element : set) {
        add(element.toASN1Primitive(), out, seen);
      }
    }
  }

  private static void add(ASN1Primitive value, ASN1EncodableVector out, List<ASN1Primitive> seen) {
    if (!seen.contains(value)) {
      seen.add(value);
      out.add(value);
    }
  }

  /** Builds a {@link CmsExtender}. Not thread-safe. */
  public static final class Builder {
    private CertificateValidator validator;
    private TimestampAuthority tsa;
    private DigestAlgorithm digestAlgorithm = DigestAlgorithm.SHA256;

    private Builder() {}

    /**
     * Sets the validator whose trust anchors end the chains and whose HTTP client and size limits
     * fetch the OCSP answers and CRLs (required).
     *
     * @param validator the validator; not null
     * @return this builder
     */
    public Builder certificateValidator(CertificateValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * Sets the time-stamp authority for archive time-stamps (required by {@link #toLta}).
     *
     * @param authority the authority; not null
     * @return this builder
     */
    public Builder timestampAuthority(TimestampAuthority authority) {
      this.tsa = Objects.requireNonNull(authority, "authority");
      return this;
    }

    /**
     * Sets the hash algorithm of the archive time-stamp's imprint and hash index.
     *
     * @param algorithm default SHA-256; not null
     * @return this builder
     */
    public Builder digestAlgorithm(DigestAlgorithm algorithm) {
      this.digestAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Builds the extender.
     *
     * @return the extender
     * @throws ConfigurationException {@code cms-extender.certificate-validator.missing}
     */
    public CmsExtender build() {
      if (validator == null) {
        throw new ConfigurationException(
            "cms-extender.certificate-validator.missing", "Give certificateValidator(...).", null);
      }
      return new CmsExtender(this);
    }
  }
}
