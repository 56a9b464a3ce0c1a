package io.github.motcua.signing.internal;

import io.github.motcua.signing.CertificateValidator;
import io.github.motcua.signing.Check;
import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.DigestAlgorithm;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.ValidationData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The archive time-stamp of CAdES-LTA (ETSI EN 319 122-1 V1.1.1, clauses 5.5.2 and 5.5.3): the
 * {@code ats-hash-index-v3} index of the values a signature holds, and the data an {@code
 * archive-time-stamp-v3} stamps. Shared by {@code CmsExtender} (which makes them) and {@code
 * CmsVerifier} (which checks them), so both compute the same bytes.
 *
 * <p>The index holds one hash per element of {@code SignedData.certificates} and {@code
 * SignedData.crls} (the element's whole encoding) and one per value of each unsigned attribute of
 * the SignerInfo (the attribute's {@code attrType} encoding followed by the value's encoding), with
 * the hash algorithm of the time-stamp's imprint. The stamped data is the concatenation of {@code
 * eContentType}, the hash of the signed content, the SignerInfo's {@code version}, {@code sid},
 * {@code digestAlgorithm}, {@code signedAttrs}, {@code signatureAlgorithm} and {@code signature},
 * and the index, each with tag and length. Values added after an archive time-stamp are not in its
 * index; a later archive time-stamp covers them.
 */
public final class ArchiveTimestamps {

  /** {@code id-aa-ets-archiveTimestampV3} (0.4.0.1733.2.4). */
  public static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V3 =
      new ASN1ObjectIdentifier("0.4.0.1733.2.4");

  /** {@code id-aa-ATSHashIndex-v3} (0.4.0.19122.1.5). */
  public static final ASN1ObjectIdentifier ATS_HASH_INDEX_V3 =
      new ASN1ObjectIdentifier("0.4.0.19122.1.5");

  private ArchiveTimestamps() {}

  /**
   * The {@code ATSHashIndexV3} of a signer as the signature is now.
   *
   * @param signedData the SignedData
   * @param signerInfo the signer to be archive-time-stamped
   * @param algorithm the hash algorithm of the archive time-stamp's imprint
   * @return the index
   */
  public static ASN1Sequence hashIndex(
      SignedData signedData, SignerInfo signerInfo, DigestAlgorithm algorithm) {
    ASN1EncodableVector certificates = new ASN1EncodableVector();
    for (byte[] element : elements(signedData.getCertificates())) {
      certificates.add(new DEROctetString(algorithm.digest(element)));
    }
    ASN1EncodableVector crls = new ASN1EncodableVector();
    for (byte[] element : elements(signedData.getCRLs())) {
      crls.add(new DEROctetString(algorithm.digest(element)));
    }
    ASN1EncodableVector attributes = new ASN1EncodableVector();
    for (byte[] value : attributeValues(signerInfo)) {
      attributes.add(new DEROctetString(algorithm.digest(value)));
    }
    return new DERSequence(
        new ASN1Encodable[] {
          new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.oid())),
          new DERSequence(certificates),
          new DERSequence(crls),
          new DERSequence(attributes)
        });
  }

  /**
   * The data an archive time-stamp stamps.
   *
   * @param signedData the SignedData
   * @param signerInfo the signer
   * @param contentHash the hash of the signed content with the time-stamp's algorithm
   * @param hashIndex the index carried in the time-stamp token
   * @return the octets to hash
   */
  public static byte[] stampedData(
      SignedData signedData, SignerInfo signerInfo, byte[] contentHash, ASN1Encodable hashIndex) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(signedData.getEncapContentInfo().getContentType().getEncoded(ASN1Encoding.DER));
      out.write(contentHash);
      out.write(signerInfo.getVersion().getEncoded(ASN1Encoding.DER));
      out.write(signerInfo.getSID().toASN1Primitive().getEncoded(ASN1Encoding.DER));
      out.write(signerInfo.getDigestAlgorithm().getEncoded(ASN1Encoding.DER));
      if (signerInfo.getAuthenticatedAttributes() != null) {
        out.write(
            new DERTaggedObject(false, 0, signerInfo.getAuthenticatedAttributes())
                .getEncoded(ASN1Encoding.DER));
      }
      out.write(signerInfo.getDigestEncryptionAlgorithm().getEncoded(ASN1Encoding.DER));
      out.write(signerInfo.getEncryptedDigest().getEncoded(ASN1Encoding.DER));
      out.write(hashIndex.toASN1Primitive().getEncoded(ASN1Encoding.DER));
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("DER encoding in memory failed", e);
    }
  }

  /**
   * Returns a time-stamp token with the index added as its {@code ats-hash-index-v3} unsigned
   * attribute (the token's signature does not cover unsigned attributes).
   *
   * @param token the token as the authority returned it
   * @param hashIndex the index
   * @return the token to put in the {@code archive-time-stamp-v3} attribute
   */
  public static ContentInfo withHashIndex(ContentInfo token, ASN1Sequence hashIndex) {
    SignedData signedData = SignedData.getInstance(token.getContent());
    SignerInfo indexed =
        withUnsignedAttribute(
            SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0)),
            new Attribute(ATS_HASH_INDEX_V3, new DERSet(hashIndex)));
    return new ContentInfo(
        token.getContentType(),
        new SignedData(
            signedData.getDigestAlgorithms(),
            signedData.getEncapContentInfo(),
            signedData.getCertificates(),
            signedData.getCRLs(),
            new DERSet(indexed)));
  }

  /**
   * Returns a SignerInfo with one more unsigned attribute; what its signature covers is unchanged.
   *
   * @param signer the SignerInfo
   * @param attribute the attribute to add
   * @return the new SignerInfo
   */
  public static SignerInfo withUnsignedAttribute(SignerInfo signer, Attribute attribute) {
    ASN1EncodableVector unsigned = new ASN1EncodableVector();
    if (signer.getUnauthenticatedAttributes() != null) {
      for (ASN1Encodable existing : signer.getUnauthenticatedAttributes()) {
        unsigned.add(existing);
      }
    }
    unsigned.add(attribute);
    return new SignerInfo(
        signer.getSID(),
        signer.getDigestAlgorithm(),
        signer.getAuthenticatedAttributes(),
        signer.getDigestEncryptionAlgorithm(),
        signer.getEncryptedDigest(),
        new DERSet(unsigned));
  }

  /**
   * Validates one archive time-stamp of a signer: its index against what the signature holds now,
   * then its imprint over the recomputed data, its signature and its authority at the time the next
   * covering time-stamp proves.
   *
   * @param token the token from the {@code archive-time-stamp-v3} attribute
   * @param signedData the SignedData
   * @param signerInfo the signer
   * @param contentHashes the signed content's hash by algorithm (absent when not given)
   * @param validator validates the time-stamping certificate
   * @param candidates certificates that may complete its chain
   * @param evidence carried revocation values
   * @param chainTime the time its authority is judged at: the next covering time-stamp's, or now
   * @return the {@link CheckType#ARCHIVE_TIMESTAMP} check and, when valid, the proven time
   */
  public static TimestampTokenValidator.Result validate(
      ContentInfo token,
      SignedData signedData,
      SignerInfo signerInfo,
      Map<DigestAlgorithm, byte[]> contentHashes,
      CertificateValidator validator,
      Collection<X509Certificate> candidates,
      ValidationData evidence,
      TimestampTokenValidator.ChainTime chainTime) {
    ASN1Sequence index;
    DigestAlgorithm algorithm;
    try {
      SignerInfo tokenSigner =
          SignerInfo.getInstance(
              SignedData.getInstance(token.getContent()).getSignerInfos().getObjectAt(0));
      Optional<DigestAlgorithm> imprint = imprintAlgorithm(token);
      if (imprint.isEmpty()) {
        return result(
            Check.indeterminate(
                CheckType.ARCHIVE_TIMESTAMP,
                ReasonCode.ARCHIVE_TIMESTAMP_MALFORMED,
                "imprint algorithm not supported"));
      }
      algorithm = imprint.get();
      ASN1Set unsigned = tokenSigner.getUnauthenticatedAttributes();
      List<ASN1Encodable> indexes =
          unsigned == null
              ? List.of()
              : values(new AttributeTable(unsigned), ATS_HASH_INDEX_V3, Integer.MAX_VALUE);
      if (indexes.size() != 1) {
        return failed(
            ReasonCode.ARCHIVE_TIMESTAMP_HASH_INDEX_MISSING,
            indexes.size() + " ats-hash-index-v3 values, exactly one is required");
      }
      index = ASN1Sequence.getInstance(indexes.get(0));
    } catch (RuntimeException e) {
      return failed(ReasonCode.ARCHIVE_TIMESTAMP_MALFORMED, "the token does not parse");
    }
    Optional<String> mismatch = indexMismatch(index, algorithm, signedData, signerInfo);
    if (mismatch.isPresent()) {
      return failed(ReasonCode.ARCHIVE_TIMESTAMP_HASH_INDEX_MISMATCH, mismatch.get());
    }
    byte[] contentHash = contentHashes.get(algorithm);
    if (contentHash == null) {
      return result(
          Check.indeterminate(
              CheckType.ARCHIVE_TIMESTAMP,
              ReasonCode.ARCHIVE_TIMESTAMP_CONTENT_MISSING,
              "detached signature verified without its content"));
    }
    TimestampTokenValidator.Result stamp =
        TimestampTokenValidator.validate(
            token,
            () -> stampedData(signedData, signerInfo, contentHash, index),
            validator,
            candidates,
            evidence,
            chainTime);
    Check check = stamp.check();
    ReasonCode reason =
        switch (check.reason()) {
          case TIMESTAMP_VALID -> ReasonCode.ARCHIVE_TIMESTAMP_VALID;
          case TIMESTAMP_IMPRINT_MISMATCH -> ReasonCode.ARCHIVE_TIMESTAMP_IMPRINT_MISMATCH;
          case TIMESTAMP_SIGNATURE_INVALID -> ReasonCode.ARCHIVE_TIMESTAMP_SIGNATURE_INVALID;
          case TIMESTAMP_UNTRUSTED -> ReasonCode.ARCHIVE_TIMESTAMP_UNTRUSTED;
          case TIMESTAMP_NO_PROOF_OF_EXISTENCE ->
              ReasonCode.ARCHIVE_TIMESTAMP_NO_PROOF_OF_EXISTENCE;
          default -> ReasonCode.ARCHIVE_TIMESTAMP_MALFORMED;
        };
    return new TimestampTokenValidator.Result(
        new Check(CheckType.ARCHIVE_TIMESTAMP, check.outcome(), reason, check.detail()),
        stamp.time(),
        stamp.tsa());
  }

  /**
   * The imprint algorithm of a time-stamp token, read without verifying it.
   *
   * @param token the token
   * @return the algorithm when motcua supports it
   */
  public static Optional<DigestAlgorithm> imprintAlgorithm(ContentInfo token) {
    try {
      return DigestAlgorithm.fromOid(
          tstInfo(token).getMessageImprint().getHashAlgorithm().getAlgorithm().getId());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Orders time-stamp tokens by the time each states, read without verifying them, oldest first (an
   * unreadable one first): the order in which they cover one another, which the DER set of unsigned
   * attributes does not keep.
   *
   * @param tokens the attribute values
   * @return a sorted copy
   */
  public static List<ASN1Encodable> byStatedTime(List<ASN1Encodable> tokens) {
    List<ASN1Encodable> out = new ArrayList<>(tokens);
    java.util.Map<ASN1Encodable, java.time.Instant> times = new java.util.IdentityHashMap<>();
    for (ASN1Encodable token : out) {
      java.time.Instant time = java.time.Instant.MIN;
      try {
        time = tstInfo(ContentInfo.getInstance(token)).getGenTime().getDate().toInstant();
      } catch (RuntimeException | java.text.ParseException e) {
        // Unreadable: validated first, at the time of the others, and fails there.
      }
      times.put(token, time);
    }
    out.sort(java.util.Comparator.comparing(times::get));
    return out;
  }

  private static org.bouncycastle.asn1.tsp.TSTInfo tstInfo(ContentInfo token) {
    return org.bouncycastle.asn1.tsp.TSTInfo.getInstance(
        ASN1OctetString.getInstance(
                SignedData.getInstance(token.getContent()).getEncapContentInfo().getContent())
            .getOctets());
  }

  /**
   * The values of every attribute of a type in a table, at most {@code max + 1} of them.
   *
   * @param table the attributes
   * @param type the attribute type
   * @param max the most values the caller accepts
   * @return the values
   */
  public static List<ASN1Encodable> values(
      AttributeTable table, ASN1ObjectIdentifier type, int max) {
    List<ASN1Encodable> out = new ArrayList<>();
    ASN1EncodableVector found = table.getAll(type);
    for (int i = 0; i < found.size() && out.size() <= max; i++) {
      for (ASN1Encodable value : Attribute.getInstance(found.get(i)).getAttrValues()) {
        out.add(value);
        if (out.size() > max) {
          break;
        }
      }
    }
    return out;
  }

  /** Every hash the index names must be one of a value the signature holds now. */
  private static Optional<String> indexMismatch(
      ASN1Sequence index, DigestAlgorithm algorithm, SignedData signedData, SignerInfo signerInfo) {
    int offset;
    if (index.size() == 4) {
      AlgorithmIdentifier declared = AlgorithmIdentifier.getInstance(index.getObjectAt(0));
      if (!declared.getAlgorithm().getId().equals(algorithm.oid())) {
        return Optional.of("the index uses another hash algorithm than the imprint");
      }
      offset = 1;
    } else if (index.size() == 3 && algorithm == DigestAlgorithm.SHA256) {
      offset = 0; // hashIndAlgorithm DEFAULT id-sha256
    } else {
      return Optional.of("the index is not an ATSHashIndexV3");
    }
    try {
      if (!allPresent(
          ASN1Sequence.getInstance(index.getObjectAt(offset)),
          elements(signedData.getCertificates()),
          algorithm)) {
        return Optional.of("a certificate the index names is missing or changed");
      }
      if (!allPresent(
          ASN1Sequence.getInstance(index.getObjectAt(offset + 1)),
          elements(signedData.getCRLs()),
          algorithm)) {
        return Optional.of("a revocation value the index names is missing or changed");
      }
      if (!allPresent(
          ASN1Sequence.getInstance(index.getObjectAt(offset + 2)),
          attributeValues(signerInfo),
          algorithm)) {
        return Optional.of("an unsigned attribute the index names is missing or changed");
      }
    } catch (RuntimeException e) {
      return Optional.of("the index is not an ATSHashIndexV3");
    }
    return Optional.empty();
  }

  private static boolean allPresent(
      ASN1Sequence hashes, List<byte[]> present, DigestAlgorithm algorithm) {
    if (hashes.size() > present.size()) {
      return false;
    }
    Map<ByteBuffer, Integer> available = new HashMap<>();
    for (byte[] value : present) {
      available.merge(ByteBuffer.wrap(algorithm.digest(value)), 1, Integer::sum);
    }
    for (ASN1Encodable hash : hashes) {
      ByteBuffer key = ByteBuffer.wrap(ASN1OctetString.getInstance(hash).getOctets());
      Integer left = available.get(key);
      if (left == null || left == 0) {
        return false;
      }
      available.put(key, left - 1);
    }
    return true;
  }

  private static List<byte[]> elements(ASN1Set set) {
    List<byte[]> out = new ArrayList<>();
    if (set != null) {
      for (ASN1Encodable element : set) {
        out.add(der(element));
      }
    }
    return out;
  }

  private static List<byte[]> attributeValues(SignerInfo signerInfo) {
    List<byte[]> out = new ArrayList<>();
    ASN1Set unsigned = signerInfo.getUnauthenticatedAttributes();
    if (unsigned == null) {
      return out;
    }
    for (ASN1Encodable element : unsigned) {
      Attribute attribute = Attribute.getInstance(element);
      byte[] type = der(attribute.getAttrType());
      for (ASN1Encodable value : attribute.getAttrValues()) {
        byte[] encoded = der(value);
        byte[] both = new byte[type.length + encoded.length];
        System.arraycopy(type, 0, both, 0, type.length);
        System.arraycopy(encoded, 0, both, type.length, encoded.length);
        out.add(both);
      }
    }
    return out;
  }

  private static byte[] der(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException("DER encoding in memory failed", e);
    }
  }

  private static TimestampTokenValidator.Result failed(ReasonCode reason, String detail) {
    return result(Check.failed(CheckType.ARCHIVE_TIMESTAMP, reason, detail));
  }

  private static TimestampTokenValidator.Result result(Check check) {
    return new TimestampTokenValidator.Result(check, Optional.empty());
  }
}
