package io.github.motcua.signing.pdf;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.signing.DigestAlgorithm;
import io.github.motcua.signing.PreparedSignature;
import io.github.motcua.signing.SignatureScheme;
import io.github.motcua.signing.pdf.internal.ByteRange;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;

/**
 * The state between the first and the last step of three-step PDF signing: the PDF with its new
 * signature dictionary and an empty, zero-filled {@code /Contents} placeholder, and the CMS signed
 * attributes over its byte ranges. The key holder signs {@link #digestToSign()}; {@link
 * PdfSigner#complete} then writes the signature into the placeholder.
 *
 * <p>It serialises ({@link #toBytes()}, {@link #fromBytes(byte[])}, or Java serialisation through
 * the same form) so that the two steps may run in different requests. It holds the whole prepared
 * PDF: keep it server side, where the document is anyway. Reading it back checks that the signed
 * attributes still digest the stored PDF's byte ranges, so a state altered in storage is refused
 * rather than signed.
 *
 * <p>Immutable and thread-safe.
 */
public final class PreparedPdfSignature implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int VERSION = 1;

  private final transient byte[] pdf;
  private final transient ByteRange byteRange;
  private final transient PreparedSignature cms;
  private final transient Instant signingTime;

  PreparedPdfSignature(
      byte[] pdf, ByteRange byteRange, PreparedSignature cms, Instant signingTime) {
    this.pdf = pdf;
    this.byteRange = Objects.requireNonNull(byteRange, "byteRange");
    this.cms = Objects.requireNonNull(cms, "cms");
    this.signingTime = Objects.requireNonNull(signingTime, "signingTime");
    String problem = byteRange.checkPlaceholder(pdf);
    if (problem != null) {
      throw malformed(problem, null);
    }
    byte[] expected = messageDigest(cms.dataToSign());
    MessageDigest digest = cms.digestAlgorithm().newMessageDigest();
    byteRange.update(digest, pdf);
    if (!MessageDigest.isEqual(expected, digest.digest())) {
      throw malformed("its signed attributes do not digest its PDF", null);
    }
  }

  private static byte[] messageDigest(byte[] signedAttributes) {
    try {
      ASN1Set set = ASN1Set.getInstance(ASN1Primitive.fromByteArray(signedAttributes));
      for (int i = 0; i < set.size(); i++) {
        Attribute attribute = Attribute.getInstance(set.getObjectAt(i));
        if (attribute.getAttrType().equals(CMSAttributes.messageDigest)) {
          return ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw malformed("its signed attributes do not parse", e);
    }
    throw malformed("its signed attributes have no message digest", null);
  }

  /**
   * Returns the digest the key holder must sign.
   *
   * @return a copy of the digest
   */
  public byte[] digestToSign() {
    return cms.digestToSign();
  }

  /**
   * Returns the DER-encoded signed attributes, for signers that hash themselves.
   *
   * @return a copy of the bytes
   */
  public byte[] dataToSign() {
    return cms.dataToSign();
  }

  /**
   * Returns the algorithm of {@link #digestToSign()}.
   *
   * @return the digest algorithm
   */
  public DigestAlgorithm digestAlgorithm() {
    return cms.digestAlgorithm();
  }

  /**
   * Returns how the holder must sign.
   *
   * @return the signature scheme
   */
  public SignatureScheme signatureScheme() {
    return cms.signatureScheme();
  }

  /**
   * Returns the signing time claimed in the signature dictionary ({@code /M}).
   *
   * @return the time, to the second
   */
  public Instant signingTime() {
    return signingTime;
  }

  /**
   * Returns the signer's certificate chain, signer first.
   *
   * @return an immutable list
   */
  public List<X509Certificate> certificateChain() {
    return cms.certificateChain();
  }

  /**
   * Returns how many bytes the signature may take once DER-encoded.
   *
   * @return the capacity of the {@code /Contents} placeholder in bytes
   */
  public int signatureCapacity() {
    return byteRange.placeholderBytes();
  }

  byte[] pdf() {
    return pdf;
  }

  ByteRange byteRange() {
    return byteRange;
  }

  PreparedSignature cms() {
    return cms;
  }

  /**
   * Encodes this state in its stable, versioned DER form.
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    try {
      ASN1EncodableVector v = new ASN1EncodableVector();
      v.add(new ASN1Integer(VERSION));
      v.add(new DEROctetString(pdf));
      v.add(
          new DERSequence(
              new ASN1Integer[] {
                new ASN1Integer(byteRange.start1()),
                new ASN1Integer(byteRange.length1()),
                new ASN1Integer(byteRange.start2()),
                new ASN1Integer(byteRange.length2())
              }));
      v.add(new DEROctetString(cms.toBytes()));
      v.add(new DERGeneralizedTime(java.util.Date.from(signingTime)));
      return new DERSequence(v).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot encode the prepared PDF signature", e);
    }
  }

  /**
   * Decodes a state written by {@link #toBytes()} and checks it.
   *
   * @param bytes the encoded state
   * @return the prepared signature
   * @throws ConfigurationException {@code prepared-pdf-signature.malformed} when the bytes are not
   *     such a state or the state is inconsistent
   */
  public static PreparedPdfSignature fromBytes(byte[] bytes) {
    if (bytes == null) {
      throw malformed("no bytes were given", null);
    }
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(bytes));
      if (seq.size() != 5) {
        throw malformed("it has the wrong number of fields", null);
      }
      int version = ASN1Integer.getInstance(seq.getObjectAt(0)).intValueExact();
      if (version != VERSION) {
        throw malformed("its version " + version + " is not supported", null);
      }
      byte[] pdf = ASN1OctetString.getInstance(seq.getObjectAt(1)).getOctets();
      ASN1Sequence range = ASN1Sequence.getInstance(seq.getObjectAt(2));
      if (range.size() != 4) {
        throw malformed("its byte range does not have four numbers", null);
      }
      long[] numbers = new long[4];
      for (int i = 0; i < 4; i++) {
        numbers[i] = ASN1Integer.getInstance(range.getObjectAt(i)).longValueExact();
      }
      ByteRange byteRange = ByteRange.of(numbers, pdf.length);
      if (byteRange == null) {
        throw malformed("its byte range does not fit its PDF", null);
      }
      PreparedSignature cms =
          PreparedSignature.fromBytes(ASN1OctetString.getInstance(seq.getObjectAt(3)).getOctets());
      Instant time = ASN1GeneralizedTime.getInstance(seq.getObjectAt(4)).getDate().toInstant();
      return new PreparedPdfSignature(pdf, byteRange, cms, time);
    } catch (InvalidInputException | ConfigurationException e) {
      if (e.code().startsWith("prepared-pdf-signature")) {
        throw e;
      }
      throw malformed("its CMS part is unusable", e);
    } catch (IOException | java.text.ParseException | RuntimeException e) {
      throw malformed("it does not parse", e);
    }
  }

  private static InvalidInputException malformed(String why, Throwable cause) {
    return new InvalidInputException(
        "prepared-pdf-signature.malformed",
        "The prepared PDF signature is unusable: " + why + ".",
        cause);
  }

  private Object writeReplace() {
    return new Proxy(toBytes());
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("A PreparedPdfSignature is read through its proxy.");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PreparedPdfSignature other && Arrays.equals(toBytes(), other.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cms.digestToSign());
  }

  @Override
  public String toString() {
    return "PreparedPdfSignature["
        + pdf.length
        + " bytes, "
        + cms.digestAlgorithm()
        + ", "
        + cms.signatureScheme()
        + ", signingTime="
        + signingTime
        + "]";
  }

  /** The serialised form: the DER bytes, checked again when read. */
  private static final class Proxy implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;

    Proxy(byte[] bytes) {
      this.bytes = bytes;
    }

    private Object readResolve() {
      return fromBytes(bytes);
    }
  }
}
