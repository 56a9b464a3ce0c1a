package io.github.motcua.signing;

import io.github.motcua.signing.internal.CmsEvidence;
import java.io.IOException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.OtherRevocationInfoFormat;
import org.bouncycastle.asn1.cms.SignedData;

/**
 * Extends a CAdES signature to the long-term level CAdES-LT (ETSI EN 319 122-1, baseline B-LT):
 * adds to the SignedData every certificate of the signer's and its time-stamping authorities'
 * chains, and an OCSP answer (or, failing that, a CRL) for each of them, fetched now. The values go
 * where CMS keeps them ({@code certificates}, and {@code crls} with OCSP answers as {@code
 * id-ri-ocsp-response}, RFC 5940); nothing signed changes, so the signature value still verifies,
 * and {@link CmsVerifier} uses the values years later with the responders gone.
 *
 * <pre>{@code
 * CmsExtender extender = CmsExtender.builder()
 *     .certificateValidator(CertificateValidator.builder().trustAnchors(anchors).build())
 *     .build();
 * byte[] lt = extender.toLt(cadesT);
 * }</pre>
 *
 * <p>Extend a signature that carries a signature time-stamp (CAdES-T): the time-stamp proves when
 * the signature existed, and the revocation values fetched after it show the certificates were not
 * revoked by then. Archive time-stamps (CAdES-LTA) are not made yet; see the module README.
 *
 * <p>Immutable and thread-safe.
 */
public final class CmsExtender {

  private final CertificateValidator validator;

  private CmsExtender(Builder builder) {
    this.validator = builder.validator;
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
   * @throws SigningException {@code cms-extender.malformed} for input that is not a signature with
   *     its signer's certificate; {@code validation-data.chain} or {@code
   *     validation-data.revocation} when a chain or a revocation value cannot be had
   */
  public byte[] toLt(byte[] cms) {
    Objects.requireNonNull(cms, "cms");
    CmsEvidence.Certificates certificates;
    SignedData signedData;
    try {
      certificates = CmsEvidence.of(cms);
      signedData =
          SignedData.getInstance(
              ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent());
    } catch (IOException | RuntimeException e) {
      throw new SigningException(
          "cms-extender.malformed",
          "Not a CMS signature that carries its signer's certificate.",
          e);
    }
    ValidationData data = validator.gather(certificates.toValidate(), certificates.carried());
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
      SignedData extended =
          new SignedData(
              signedData.getDigestAlgorithms(),
              signedData.getEncapContentInfo(),
              new DERSet(certs),
              new DERSet(crls),
              signedData.getSignerInfos());
      return new ContentInfo(CMSObjectIdentifiers.signedData, extended)
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException | CertificateEncodingException | CRLException e) {
      throw new SigningException("cms-extender.encoding", "The values cannot be encoded.", e);
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
     * Builds the extender.
     *
     * @return the extender
     * @throws SigningConfigurationException {@code cms-extender.certificate-validator.missing}
     */
    public CmsExtender build() {
      if (validator == null) {
        throw new SigningConfigurationException(
            "cms-extender.certificate-validator.missing", "Give certificateValidator(...).", null);
      }
      return new CmsExtender(this);
    }
  }
}
