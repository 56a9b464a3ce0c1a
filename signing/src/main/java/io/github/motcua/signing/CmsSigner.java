package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.signing.internal.CmsAssembler;
import io.github.motcua.signing.internal.DigestSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.cms.SignerInfo;

/**
 * Makes CMS signatures (chữ ký số CMS/PKCS#7) in the CAdES-BES form (ETSI EN 319 122-1) and, with a
 * {@link TimestampAuthority}, CAdES-T: signed attributes content-type, message-digest, signing-time
 * and signing-certificate-v2; RSA PKCS#1 v1.5, RSA-PSS or ECDSA (P-256, P-384) as the {@link
 * SigningKey} decides; SHA-256, SHA-384 or SHA-512.
 *
 * <pre>{@code
 * CmsSigner signer = CmsSigner.builder().key(key).build();
 * byte[] p7s = signer.sign(Files.readAllBytes(file));            // detached by default
 * try (InputStream in = Files.newInputStream(big); OutputStream out = Files.newOutputStream(sig)) {
 *   signer.sign(in, out);                                          // streams, any size
 * }
 * }</pre>
 *
 * <p>Content is always streamed: a detached signature reads it once through the digest; an
 * encapsulated one written with {@link #sign(InputStream, OutputStream)} copies it to the output in
 * BER chunks as it hashes it. Only {@link #sign(byte[])} and encapsulated {@link
 * #prepare(InputStream)} hold it in memory.
 *
 * <p>Three steps, for keys outside the JVM: {@link #prepare} returns a {@link PreparedSignature}
 * whose {@link PreparedSignature#digestToSign()} the holder signs; {@link #complete} checks the
 * value against the certificate and assembles the same CMS the one-step {@link #sign} makes.
 *
 * <p>Immutable and thread-safe; build once and share.
 */
public final class CmsSigner {

  /** The most content {@link #prepare(InputStream)} keeps for an encapsulated signature. */
  public static final int MAX_PREPARED_CONTENT = 64 * 1024 * 1024;

  private final SigningKey key;
  private final List<X509Certificate> chain;
  private final SignatureScheme scheme;
  private final DigestAlgorithm digestAlgorithm;
  private final boolean encapsulate;
  private final TimestampAuthority timestampAuthority;
  private final Clock clock;
  private final boolean signingTimeAttribute;

  private CmsSigner(Builder builder, List<X509Certificate> chain, SignatureScheme scheme) {
    this.key = builder.key;
    this.chain = chain;
    this.scheme = scheme;
    this.digestAlgorithm = builder.digestAlgorithm;
    this.encapsulate = builder.encapsulate;
    this.timestampAuthority = builder.timestampAuthority;
    this.clock = builder.clock;
    this.signingTimeAttribute = builder.signingTimeAttribute;
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
   * Signs content held in memory.
   *
   * @param content the content
   * @return the DER-encoded CMS {@code ContentInfo}
   * @throws MotcuaException when the key cannot sign
   * @throws MotcuaException when a time-stamp authority is configured and fails
   */
  public byte[] sign(byte[] content) {
    Objects.requireNonNull(content, "content");
    PreparedSignature prepared = prepare(content);
    return assemble(prepared, signWithKey(prepared), prepared.content());
  }

  /**
   * Signs content read from a stream; detached signatures read it once and keep only its digest.
   *
   * @param content the content; read to the end, not closed
   * @return the CMS {@code ContentInfo} (DER when detached, BER when encapsulated)
   */
  public byte[] sign(InputStream content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    sign(content, out);
    return out.toByteArray();
  }

  /**
   * Signs content read from a stream and writes the signature to another, never holding the content
   * in memory: the way to sign a file of any size.
   *
   * @param content the content; read to the end, not closed
   * @param signature where the CMS goes (for an encapsulated signature, content included); not
   *     closed
   */
  public void sign(InputStream content, OutputStream signature) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(signature, "signature");
    requireKey();
    try {
      if (!encapsulate) {
        PreparedSignature prepared = prepareDetached(digest(content));
        signature.write(assemble(prepared, signWithKey(prepared), null));
        return;
      }
      MessageDigest digest = digestAlgorithm.newMessageDigest();
      CmsAssembler.EncapsulatingWriter writer =
          new CmsAssembler.EncapsulatingWriter(signature, digestAlgorithm, content, digest);
      PreparedSignature prepared = prepareDetached(digest.digest());
      byte[] value = signWithKey(prepared);
      writer.finish(embedded(), signerInfo(prepared, value));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the content or writing the signature failed", e);
    }
  }

  /**
   * First of three steps: builds the signed attributes over content held in memory.
   *
   * @param content the content
   * @return the prepared state, whose {@link PreparedSignature#digestToSign()} must be signed
   */
  public PreparedSignature prepare(byte[] content) {
    Objects.requireNonNull(content, "content");
    byte[] digest = digestAlgorithm.digest(content);
    return new PreparedSignature(
        digestAlgorithm,
        scheme,
        CmsAssembler.signedAttributes(digestAlgorithm, digest, now(), chain.get(0)),
        chain,
        encapsulate ? content : null);
  }

  /**
   * First of three steps for streamed content. A detached signature keeps only the digest; an
   * encapsulated one must keep the content and accepts at most {@link #MAX_PREPARED_CONTENT} bytes.
   *
   * @param content the content; read to the end, not closed
   * @return the prepared state
   * @throws ConfigurationException {@code cms-signer.prepare.content-too-large}
   */
  public PreparedSignature prepare(InputStream content) {
    Objects.requireNonNull(content, "content");
    try {
      if (!encapsulate) {
        return prepareDetached(digest(content));
      }
      byte[] bytes = content.readNBytes(MAX_PREPARED_CONTENT + 1);
      if (bytes.length > MAX_PREPARED_CONTENT) {
        throw new InvalidInputException(
            "cms-signer.prepare.content-too-large",
            "Encapsulated three-step signing keeps the content; sign more than "
                + MAX_PREPARED_CONTENT
                + " bytes detached.",
            null);
      }
      return prepare(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the content failed", e);
    }
  }

  /**
   * Last of three steps: checks the signature value over {@link PreparedSignature#digestToSign()}
   * with the certificate's public key, time-stamps it when an authority is configured, and
   * assembles the CMS. Any {@code CmsSigner} can complete a state; the content and encapsulation
   * come from the state, the time-stamp authority from this signer.
   *
   * @param prepared the state from {@link #prepare}
   * @param signatureValue the value the holder produced
   * @return the DER-encoded CMS {@code ContentInfo}
   * @throws ConfigurationException {@code cms-signer.signature-value.mismatch} when the value is
   *     not a signature of the prepared digest by the certificate's key
   */
  public byte[] complete(PreparedSignature prepared, byte[] signatureValue) {
    Objects.requireNonNull(prepared, "prepared");
    Objects.requireNonNull(signatureValue, "signatureValue");
    if (!DigestSigner.verify(
        prepared.certificateChain().get(0).getPublicKey(),
        prepared.signatureScheme(),
        prepared.digestToSign(),
        prepared.digestAlgorithm(),
        signatureValue)) {
      throw new SecurityRefusalException(
          "cms-signer.signature-value.mismatch",
          "The signature value is not a "
              + prepared.signatureScheme()
              + " signature of the prepared digest by the certificate's key.",
          null);
    }
    return assemble(prepared, signatureValue.clone(), prepared.content());
  }

  private PreparedSignature prepareDetached(byte[] digest) {
    return new PreparedSignature(
        digestAlgorithm,
        scheme,
        CmsAssembler.signedAttributes(digestAlgorithm, digest, now(), chain.get(0)),
        chain,
        null);
  }

  private byte[] assemble(PreparedSignature prepared, byte[] value, byte[] content) {
    return CmsAssembler.contentInfo(
        prepared.digestAlgorithm(),
        embedded(prepared.certificateChain()),
        signerInfo(prepared, value),
        content);
  }

  private SignerInfo signerInfo(PreparedSignature prepared, byte[] value) {
    byte[] token = null;
    if (timestampAuthority != null) {
      DigestAlgorithm algorithm = prepared.digestAlgorithm();
      token = timestampAuthority.timestamp(algorithm.digest(value), algorithm);
    }
    return CmsAssembler.signerInfo(
        prepared.certificateChain().get(0),
        prepared.digestAlgorithm(),
        prepared.signatureScheme(),
        prepared.signedAttributes(),
        value,
        token);
  }

  private byte[] signWithKey(PreparedSignature prepared) {
    requireKey();
    return key.signDigest(prepared.digestToSign(), digestAlgorithm);
  }

  private void requireKey() {
    if (key == null) {
      throw new ConfigurationException(
          "cms-signer.key.missing",
          "This signer was built with a certificate chain only: use prepare/complete, or give"
              + " key(...).",
          null);
    }
  }

  private byte[] digest(InputStream content) throws IOException {
    MessageDigest digest = digestAlgorithm.newMessageDigest();
    byte[] buffer = new byte[8192];
    for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return digest.digest();
  }

  private Instant now() {
    if (!signingTimeAttribute) {
      return null;
    }
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private List<X509Certificate> embedded() {
    return embedded(chain);
  }

  /** Embeds the chain without self-signed roots: verifiers hold those as trust anchors. */
  private static List<X509Certificate> embedded(List<X509Certificate> chain) {
    List<X509Certificate> out = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate certificate = chain.get(i);
      boolean selfSigned =
          certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
      if (i == 0 || !selfSigned) {
        out.add(certificate);
      }
    }
    return out;
  }

  /** Builds a {@link CmsSigner}. Not thread-safe. */
  public static final class Builder {
    private SigningKey key;
    private List<X509Certificate> chain;
    private SignatureScheme scheme;
    private DigestAlgorithm digestAlgorithm = DigestAlgorithm.SHA256;
    private boolean encapsulate;
    private TimestampAuthority timestampAuthority;
    private Clock clock = Clock.systemUTC();
    private boolean signingTimeAttribute = true;

    private Builder() {}

    /**
     * Sets whether the signed attributes claim the signing time. PAdES baseline signatures (ETSI EN
     * 319 142-1) must leave it out and claim the time in the PDF signature dictionary instead.
     *
     * @param include default true
     * @return this builder
     */
    public Builder signingTimeAttribute(boolean include) {
      this.signingTimeAttribute = include;
      return this;
    }

    /**
     * Sets the key that signs (required unless only {@link #prepare}/{@link #complete} are used, in
     * which case give {@link #certificateChain}).
     *
     * @param key the signing key
     * @return this builder
     */
    public Builder key(SigningKey key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * For three-step signing without a {@link SigningKey} in this JVM: the holder's certificate
     * chain, signer first, and how the holder signs.
     *
     * @param chain the chain
     * @param scheme the scheme, or null for the key type's default
     * @return this builder
     */
    public Builder certificateChain(List<X509Certificate> chain, SignatureScheme scheme) {
      this.chain = List.copyOf(chain);
      this.scheme = scheme;
      return this;
    }

    /**
     * Sets the digest algorithm.
     *
     * @param algorithm default {@link DigestAlgorithm#SHA256}
     * @return this builder
     */
    public Builder digestAlgorithm(DigestAlgorithm algorithm) {
      this.digestAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Sets whether the content goes inside the signature (encapsulated, "attached") or stays
     * outside (detached, a {@code .p7s} next to the file).
     *
     * @param encapsulate default false: detached
     * @return this builder
     */
    public Builder encapsulate(boolean encapsulate) {
      this.encapsulate = encapsulate;
      return this;
    }

    /**
     * Time-stamps every signature value (CAdES-T).
     *
     * @param authority the authority, or null for CAdES-BES (default)
     * @return this builder
     */
    public Builder timestampAuthority(TimestampAuthority authority) {
      this.timestampAuthority = authority;
      return this;
    }

    /**
     * Sets the clock for the signing-time attribute.
     *
     * @param clock default the system clock (UTC)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the signer.
     *
     * @return the signer
     * @throws ConfigurationException {@code cms-signer.key.missing} when neither a key nor a
     *     certificate chain is given
     */
    public CmsSigner build() {
      List<X509Certificate> effectiveChain = key != null ? key.certificateChain() : chain;
      if (effectiveChain == null || effectiveChain.isEmpty()) {
        throw new ConfigurationException(
            "cms-signer.key.missing", "Give key(...) or certificateChain(...).", null);
      }
      SignatureScheme effectiveScheme =
          key != null
              ? key.signatureScheme()
              : scheme != null
                  ? scheme
                  : SignatureScheme.defaultFor(effectiveChain.get(0).getPublicKey().getAlgorithm());
      if (!effectiveScheme.fits(effectiveChain.get(0).getPublicKey().getAlgorithm())) {
        throw new ConfigurationException(
            "signing-key.unsupported",
            "The certificate's key cannot sign with " + effectiveScheme + ".",
            null);
      }
      return new CmsSigner(this, List.copyOf(effectiveChain), effectiveScheme);
    }
  }
}
