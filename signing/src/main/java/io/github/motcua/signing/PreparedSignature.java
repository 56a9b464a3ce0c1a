package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;

/**
 * The state between the first and the last step of three-step signing (ký ba bước): the signed
 * attributes have been built over the content's digest, and {@link #digestToSign()} is what the key
 * holder must sign — in a browser with a USB-token plug-in, or through a remote signing service
 * that asks the holder to confirm on a phone. {@link CmsSigner#complete} then assembles the
 * signature.
 *
 * <p>It serialises so that the steps may run in different requests: {@link #toBytes()} and {@link
 * #fromBytes(byte[])} give a compact, versioned DER form to store (server side: whoever can alter
 * it can choose what the holder is asked to sign); Java serialisation goes through the same form.
 * For a detached signature it holds only digests and certificates; for an encapsulated one it also
 * holds the content.
 *
 * <p>Immutable and thread-safe.
 */
public final class PreparedSignature implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int VERSION = 1;

  private final DigestAlgorithm digestAlgorithm;
  private final SignatureScheme signatureScheme;
  private final byte[] signedAttributes;
  private final List<X509Certificate> certificateChain;
  private final byte[] content;
  private final transient byte[] digestToSign;
  private final transient Instant signingTime;

  PreparedSignature(
      DigestAlgorithm digestAlgorithm,
      SignatureScheme signatureScheme,
      byte[] signedAttributes,
      List<X509Certificate> certificateChain,
      byte[] content) {
    this.digestAlgorithm = Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
    this.signatureScheme = Objects.requireNonNull(signatureScheme, "signatureScheme");
    this.signedAttributes = signedAttributes.clone();
    this.certificateChain = List.copyOf(certificateChain);
    this.content = content == null ? null : content.clone();
    if (this.certificateChain.isEmpty()) {
      throw malformed("it holds no certificate", null);
    }
    this.digestToSign = digestAlgorithm.digest(this.signedAttributes);
    this.signingTime = readSigningTime(this.signedAttributes);
  }

  private static Instant readSigningTime(byte[] signedAttributes) {
    try {
      ASN1Set set = ASN1Set.getInstance(ASN1Primitive.fromByteArray(signedAttributes));
      for (int i = 0; i < set.size(); i++) {
        Attribute attribute = Attribute.getInstance(set.getObjectAt(i));
        if (attribute.getAttrType().equals(CMSAttributes.signingTime)) {
          return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw malformed("its signed attributes do not parse", e);
    }
    // PAdES signatures claim their time in the PDF, not in the signed attributes.
    return null;
  }

  /**
   * Returns the digest the key holder must sign: the hash of {@link #dataToSign()}.
   *
   * @return a copy of the digest
   */
  public byte[] digestToSign() {
    return digestToSign.clone();
  }

  /**
   * Returns the bytes the signature covers: the DER-encoded signed attributes (RFC 5652 §5.4). For
   * signers that hash themselves (a plug-in that takes data rather than a digest).
   *
   * @return a copy of the DER bytes
   */
  public byte[] dataToSign() {
    return signedAttributes.clone();
  }

  /**
   * Returns the algorithm of {@link #digestToSign()}.
   *
   * @return the digest algorithm
   */
  public DigestAlgorithm digestAlgorithm() {
    return digestAlgorithm;
  }

  /**
   * Returns how the holder must sign.
   *
   * @return the signature scheme
   */
  public SignatureScheme signatureScheme() {
    return signatureScheme;
  }

  /**
   * Returns the signing time claimed in the signed attributes.
   *
   * @return the signing time, to the second, or null when the attributes carry none (a signer built
   *     with {@code signingTimeAttribute(false)}, as for PAdES)
   */
  public Instant signingTime() {
    return signingTime;
  }

  /**
   * Returns the certificate chain, signer first.
   *
   * @return an immutable list
   */
  public List<X509Certificate> certificateChain() {
    return certificateChain;
  }

  /**
   * Tells whether the signature will be detached.
   *
   * @return true when the content is not encapsulated
   */
  public boolean detached() {
    return content == null;
  }

  byte[] content() {
    return content;
  }

  byte[] signedAttributes() {
    return signedAttributes;
  }

  /**
   * Encodes this state in its stable, versioned DER form.
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    try {
      ASN1EncodableVector certs = new ASN1EncodableVector();
      for (X509Certificate certificate : certificateChain) {
        certs.add(new DEROctetString(certificate.getEncoded()));
      }
      ASN1EncodableVector v = new ASN1EncodableVector();
      v.add(new ASN1Integer(VERSION));
      v.add(new ASN1ObjectIdentifier(digestAlgorithm.oid()));
      v.add(new DERUTF8String(signatureScheme.name()));
      v.add(new DEROctetString(signedAttributes));
      v.add(new DERSequence(certs));
      if (content != null) {
        v.add(new DERTaggedObject(false, 0, new DEROctetString(content)));
      }
      return new DERSequence(v).getEncoded(ASN1Encoding.DER);
    } catch (IOException | java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("Cannot encode the prepared signature", e);
    }
  }

  /**
   * Decodes a state written by {@link #toBytes()}.
   *
   * @param bytes the encoded state
   * @return the prepared signature
   * @throws ConfigurationException {@code prepared-signature.malformed} when the bytes are not such
   *     a state
   */
  public static PreparedSignature fromBytes(byte[] bytes) {
    if (bytes == null) {
      throw malformed("no bytes were given", null);
    }
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(bytes));
      if (seq.size() < 5 || seq.size() > 6) {
        throw malformed("it has the wrong number of fields", null);
      }
      int version = ASN1Integer.getInstance(seq.getObjectAt(0)).intValueExact();
      if (version != VERSION) {
        throw malformed("its version " + version + " is not supported", null);
      }
      DigestAlgorithm algorithm =
          DigestAlgorithm.fromOid(ASN1ObjectIdentifier.getInstance(seq.getObjectAt(1)).getId())
              .orElseThrow(() -> malformed("its digest algorithm is not supported", null));
      SignatureScheme scheme =
          SignatureScheme.valueOf(ASN1UTF8String.getInstance(seq.getObjectAt(2)).getString());
      byte[] attributes = ASN1OctetString.getInstance(seq.getObjectAt(3)).getOctets();
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> chain = new ArrayList<>();
      for (Object element : ASN1Sequence.getInstance(seq.getObjectAt(4))) {
        chain.add(
            (X509Certificate)
                factory.generateCertificate(
                    new ByteArrayInputStream(ASN1OctetString.getInstance(element).getOctets())));
      }
      byte[] content = null;
      if (seq.size() == 6) {
        content =
            ASN1OctetString.getInstance(ASN1TaggedObject.getInstance(seq.getObjectAt(5)), false)
                .getOctets();
      }
      return new PreparedSignature(algorithm, scheme, attributes, chain, content);
    } catch (InvalidInputException e) {
      if (e.code().startsWith("prepared-signature.")) {
        throw e;
      }
      throw malformed("it does not parse", e);
    } catch (ConfigurationException e) {
      if (e.code().startsWith("signing-key.")) {
        throw malformed("it does not parse", e);
      }
      throw e;
    } catch (IOException | CertificateException | RuntimeException e) {
      throw malformed("it does not parse", e);
    }
  }

  private static InvalidInputException malformed(String why, Throwable cause) {
    return new InvalidInputException(
        "prepared-signature.malformed", "The prepared signature is unusable: " + why + ".", cause);
  }

  private Object writeReplace() {
    return new Proxy(toBytes());
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("A PreparedSignature is read through its proxy.");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PreparedSignature other && Arrays.equals(toBytes(), other.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(signedAttributes);
  }

  @Override
  public String toString() {
    return "PreparedSignature["
        + digestAlgorithm
        + ", "
        + signatureScheme
        + (detached() ? ", detached" : ", encapsulated")
        + ", signingTime="
        + signingTime
        + "]";
  }

  /** The serialised form: the DER bytes, validated again when read. */
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
