package io.github.motcua.signing.internal;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.signing.DigestAlgorithm;
import io.github.motcua.signing.SignatureScheme;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;

/**
 * Signs a precomputed digest with a JCA private key from any provider (software key store, the
 * JDK's SunPKCS11), using only the raw primitives every provider offers: {@code NONEwithRSA} over a
 * DigestInfo, {@code NONEwithECDSA}, and for PSS the EMSA-PSS encoding done here and the raw RSA
 * operation ({@code RSA/ECB/NoPadding}) done by the key's provider.
 */
public final class DigestSigner {

  private DigestSigner() {}

  /**
   * Signs a digest.
   *
   * @param key the private key
   * @param provider the provider that holds the key (a PKCS#11 provider is not registered
   *     globally), or null to let the JCA choose
   * @param publicKey the matching public key (for the RSA modulus size)
   * @param scheme the signature scheme
   * @param digest the digest
   * @param algorithm the digest algorithm
   * @return the signature value
   * @throws MotcuaException {@code signing-key.failed} when the provider refuses
   */
  public static byte[] sign(
      PrivateKey key,
      Provider provider,
      PublicKey publicKey,
      SignatureScheme scheme,
      byte[] digest,
      DigestAlgorithm algorithm) {
    if (digest == null || digest.length != algorithm.length()) {
      throw new InvalidInputException(
          "signing-key.digest-length",
          "A " + algorithm.jcaName() + " digest has " + algorithm.length() + " bytes.",
          null);
    }
    try {
      switch (scheme) {
        case RSA_PKCS1_V1_5:
          Signature rsa = signature("NONEwithRSA", provider);
          rsa.initSign(key);
          rsa.update(digestInfo(digest, algorithm));
          return rsa.sign();
        case ECDSA:
          Signature ecdsa = signature("NONEwithECDSA", provider);
          ecdsa.initSign(key);
          ecdsa.update(digest);
          return ecdsa.sign();
        case RSA_PSS:
          return pss(key, provider, publicKey, digest, algorithm);
        default:
          throw new IllegalStateException("unknown scheme " + scheme);
      }
    } catch (GeneralSecurityException | CryptoException | RuntimeException e) {
      if (e instanceof MotcuaException) {
        throw (MotcuaException) e;
      }
      throw new RetryLaterException(
          "signing-key.failed",
          "The key could not sign with " + scheme + ": " + e.getClass().getSimpleName(),
          e);
    }
  }

  /**
   * Encodes a DigestInfo (RFC 8017 §9.2) with NULL parameters.
   *
   * @param digest the digest
   * @param algorithm its algorithm
   * @return the DER encoding
   */
  public static byte[] digestInfo(byte[] digest, DigestAlgorithm algorithm) {
    try {
      return new DigestInfo(
              new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.oid()), DERNull.INSTANCE),
              digest)
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DigestInfo encoding failed", e);
    }
  }

  /**
   * Returns a BouncyCastle digest engine for an algorithm.
   *
   * @param algorithm the algorithm
   * @return a fresh engine
   */
  public static Digest bcDigest(DigestAlgorithm algorithm) {
    switch (algorithm) {
      case SHA384:
        return new SHA384Digest();
      case SHA512:
        return new SHA512Digest();
      default:
        return new SHA256Digest();
    }
  }

  private static Signature signature(String name, Provider provider)
      throws GeneralSecurityException {
    return provider == null ? Signature.getInstance(name) : Signature.getInstance(name, provider);
  }

  /**
   * Checks a signature value over a digest with a public key, so that a value returned by a token
   * or remote service is known to match before it is put into a signature.
   *
   * @param publicKey the signer's public key
   * @param scheme the scheme
   * @param digest the digest that was signed
   * @param algorithm its algorithm
   * @param signature the signature value
   * @return true when the value is a valid signature of the digest
   */
  public static boolean verify(
      PublicKey publicKey,
      SignatureScheme scheme,
      byte[] digest,
      DigestAlgorithm algorithm,
      byte[] signature) {
    try {
      switch (scheme) {
        case RSA_PKCS1_V1_5:
          Signature rsa = Signature.getInstance("NONEwithRSA");
          rsa.initVerify(publicKey);
          rsa.update(digestInfo(digest, algorithm));
          return rsa.verify(signature);
        case ECDSA:
          Signature ecdsa = Signature.getInstance("NONEwithECDSA");
          ecdsa.initVerify(publicKey);
          ecdsa.update(digest);
          return ecdsa.verify(signature);
        case RSA_PSS:
          RSAPublicKey rsaKey = (RSAPublicKey) publicKey;
          PSSSigner verifier =
              PSSSigner.createRawSigner(
                  new org.bouncycastle.crypto.engines.RSABlindedEngine(),
                  bcDigest(algorithm),
                  bcDigest(algorithm),
                  algorithm.length(),
                  PSSSigner.TRAILER_IMPLICIT);
          verifier.init(
              false, new RSAKeyParameters(false, rsaKey.getModulus(), rsaKey.getPublicExponent()));
          verifier.update(digest, 0, digest.length);
          return verifier.verifySignature(signature);
        default:
          return false;
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] pss(
      PrivateKey key,
      Provider provider,
      PublicKey publicKey,
      byte[] digest,
      DigestAlgorithm algorithm)
      throws GeneralSecurityException, CryptoException {
    if (!(publicKey instanceof RSAPublicKey)) {
      throw new ConfigurationException(
          "signing-key.unsupported", "RSA-PSS needs an RSA key.", null);
    }
    BigInteger modulus = ((RSAPublicKey) publicKey).getModulus();
    Cipher raw =
        provider == null
            ? Cipher.getInstance("RSA/ECB/NoPadding")
            : Cipher.getInstance("RSA/ECB/NoPadding", provider);
    raw.init(Cipher.ENCRYPT_MODE, key);
    PSSSigner signer =
        PSSSigner.createRawSigner(
            new JcaRawRsa(raw, modulus),
            bcDigest(algorithm),
            bcDigest(algorithm),
            algorithm.length(),
            PSSSigner.TRAILER_IMPLICIT);
    signer.init(true, new RSAKeyParameters(true, modulus, BigInteger.ONE));
    signer.update(digest, 0, digest.length);
    return signer.generateSignature();
  }

  /** Adapts a JCA raw RSA private-key operation to BouncyCastle's block cipher interface. */
  private static final class JcaRawRsa implements AsymmetricBlockCipher {
    private final Cipher cipher;
    private final int size;

    JcaRawRsa(Cipher cipher, BigInteger modulus) {
      this.cipher = cipher;
      this.size = (modulus.bitLength() + 7) / 8;
    }

    @Override
    public void init(boolean forEncryption, CipherParameters param) {
      // The JCA cipher is already initialised with the private key.
    }

    @Override
    public int getInputBlockSize() {
      return size;
    }

    @Override
    public int getOutputBlockSize() {
      return size;
    }

    @Override
    public byte[] processBlock(byte[] in, int inOff, int len) {
      try {
        byte[] out = cipher.doFinal(in, inOff, len);
        if (out.length == size) {
          return out;
        }
        byte[] padded = new byte[size];
        System.arraycopy(out, 0, padded, size - out.length, out.length);
        return padded;
      } catch (GeneralSecurityException e) {
        throw new RetryLaterException("signing-key.failed", "The raw RSA operation failed.", e);
      }
    }
  }
}
