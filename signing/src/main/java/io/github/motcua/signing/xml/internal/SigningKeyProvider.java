package io.github.motcua.signing.xml.internal;

import io.github.motcua.signing.DigestAlgorithm;
import io.github.motcua.signing.SigningKey;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * A JCA provider, never registered globally, that the JDK's XML signature code uses through the
 * {@code org.jcp.xml.dsig.internal.dom.SignatureProvider} context property: its signature engines
 * hash the canonical SignedInfo with SHA-256 and hand the digest to a {@link SigningKey}, so the
 * private key may live in a token or a remote service. For ECDSA it offers the P1363 format the XML
 * signature standard uses (r and s concatenated), converting the DER value the key returns. Not
 * part of the public API.
 */
public final class SigningKeyProvider extends Provider {

  private static final long serialVersionUID = 1L;

  /** The JCA name the JDK asks for an RSA-SHA256 XML signature. */
  public static final String RSA_SHA256 = "SHA256withRSA";

  /** The JCA name the JDK asks first for an ECDSA-SHA256 XML signature. */
  public static final String ECDSA_SHA256_P1363 = "SHA256withECDSAinP1363Format";

  /**
   * Creates a provider bound to one key.
   *
   * @param key the key that signs
   */
  public SigningKeyProvider(SigningKey key) {
    super("motcua-signing-key", "1.0", "Signs XML signatures through a motcua SigningKey");
    PublicKey publicKey = key.certificate().getPublicKey();
    boolean ec = publicKey instanceof ECPublicKey;
    int fieldBytes =
        ec
            ? (((ECPublicKey) publicKey).getParams().getCurve().getField().getFieldSize() + 7) / 8
            : 0;
    String algorithm = ec ? ECDSA_SHA256_P1363 : RSA_SHA256;
    putService(
        new Service(this, "Signature", algorithm, Engine.class.getName(), null, null) {
          @Override
          public Object newInstance(Object constructorParameter) {
            return new Engine(key, fieldBytes);
          }
        });
  }

  /** A stand-in private key: the real one stays with the {@link SigningKey}. */
  public static final class Handle implements PrivateKey {
    private static final long serialVersionUID = 1L;
    private final String algorithm;

    /**
     * Creates a handle.
     *
     * @param algorithm the key algorithm, {@code RSA} or {@code EC}
     */
    public Handle(String algorithm) {
      this.algorithm = algorithm;
    }

    @Override
    public String getAlgorithm() {
      return algorithm;
    }

    @Override
    public String getFormat() {
      return null;
    }

    @Override
    public byte[] getEncoded() {
      return null;
    }
  }

  /** The signature engine: collects the data, hashes it, asks the key to sign the digest. */
  static final class Engine extends SignatureSpi {
    private final SigningKey key;
    private final int ecFieldBytes;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    Engine(SigningKey key, int ecFieldBytes) {
      this.key = key;
      this.ecFieldBytes = ecFieldBytes;
    }

    @Override
    protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
      throw new InvalidKeyException("This engine only signs.");
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
      if (!(privateKey instanceof Handle)) {
        throw new InvalidKeyException("This engine signs only through its SigningKey.");
      }
      data.reset();
    }

    @Override
    protected void engineUpdate(byte b) {
      data.write(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) {
      data.write(b, off, len);
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
      byte[] digest = DigestAlgorithm.SHA256.digest(data.toByteArray());
      data.reset();
      byte[] value = key.signDigest(digest, DigestAlgorithm.SHA256);
      return ecFieldBytes == 0 ? value : derToP1363(value, ecFieldBytes);
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
      throw new SignatureException("This engine only signs.");
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
      throw new InvalidParameterException("No parameters.");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      throw new InvalidParameterException("No parameters.");
    }
  }

  /**
   * Converts a DER {@code ECDSA-Sig-Value} to the concatenation of r and s, each left-padded to the
   * field size, as XML signatures carry it (RFC 4050 §3.3, RFC 6931 §2.3.6).
   *
   * @param der the DER value
   * @param fieldBytes the field size in bytes (32 for P-256)
   * @return r || s
   * @throws SignatureException when the value is not an ECDSA-Sig-Value
   */
  static byte[] derToP1363(byte[] der, int fieldBytes) throws SignatureException {
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(der);
      BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
      BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
      byte[] out = new byte[2 * fieldBytes];
      copy(r, out, 0, fieldBytes);
      copy(s, out, fieldBytes, fieldBytes);
      return out;
    } catch (RuntimeException e) {
      throw new SignatureException("The key returned no ECDSA-Sig-Value.", e);
    }
  }

  private static void copy(BigInteger value, byte[] out, int offset, int length)
      throws SignatureException {
    byte[] bytes = value.toByteArray();
    int start = 0;
    while (start < bytes.length - 1 && bytes[start] == 0) {
      start++;
    }
    int len = bytes.length - start;
    if (len > length || value.signum() < 0) {
      throw new SignatureException("An ECDSA signature component does not fit the field size.");
    }
    Arrays.fill(out, offset, offset + length - len, (byte) 0);
    System.arraycopy(bytes, start, out, offset + length - len, len);
  }
}
