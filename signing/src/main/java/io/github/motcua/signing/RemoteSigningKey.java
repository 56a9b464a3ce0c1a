package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.signing.internal.DigestSigner;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link SigningKey} whose private key is held by a remote signing service (ký số từ xa) that the
 * integrator adapts through {@link RemoteSigningService}.
 *
 * <p>{@link #signDigest} waits for the service at most the configured timeout (default two minutes:
 * remote services ask the holder to confirm on a phone), cancels the request when it runs out, and
 * checks the returned value against the certificate's public key, so that a service answering with
 * another key's signature fails here, not at the verifier.
 *
 * <p>Thread-safe when the service is.
 */
public final class RemoteSigningKey implements SigningKey {

  /** The default time to wait for the service. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private final RemoteSigningService service;
  private final List<X509Certificate> chain;
  private final SignatureScheme scheme;
  private final Duration timeout;

  private RemoteSigningKey(Builder builder, SignatureScheme scheme) {
    this.service = builder.service;
    this.chain = builder.chain;
    this.scheme = scheme;
    this.timeout = builder.timeout;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  @Override
  public SignatureScheme signatureScheme() {
    return scheme;
  }

  /**
   * Returns how long {@link #signDigest} waits for the service.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Asks the service to sign and waits for its answer.
   *
   * @throws MotcuaException {@code signing-key.timeout} when the service does not answer in time,
   *     {@code signing-key.failed} when it fails or refuses, {@code signing-key.signature-mismatch}
   *     when the value it returns does not verify with the certificate
   */
  @Override
  public byte[] signDigest(byte[] digest, DigestAlgorithm algorithm) {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(algorithm, "algorithm");
    CompletableFuture<byte[]> future =
        service
            .signDigest(new RemoteSigningRequest(digest, algorithm, scheme, certificate()))
            .toCompletableFuture();
    byte[] value;
    try {
      value = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RetryLaterException(
          "signing-key.timeout",
          "The remote signing service did not answer within " + timeout + ".",
          e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new RetryLaterException(
          "signing-key.failed", "Interrupted while waiting for the signature.", e);
    } catch (ExecutionException | CancellationException e) {
      throw new RetryLaterException(
          "signing-key.failed",
          "The remote signing service failed or refused to sign.",
          e.getCause());
    }
    if (value == null
        || !DigestSigner.verify(certificate().getPublicKey(), scheme, digest, algorithm, value)) {
      throw new SecurityRefusalException(
          "signing-key.signature-mismatch",
          "The remote signing service returned a value that does not verify with the"
              + " certificate.",
          null);
    }
    return value.clone();
  }

  /** Names the certificate serial only. */
  @Override
  public String toString() {
    return "RemoteSigningKey[serial=" + certificate().getSerialNumber().toString(16) + "]";
  }

  /** Builds a {@link RemoteSigningKey}. Not thread-safe. */
  public static final class Builder {
    private RemoteSigningService service;
    private List<X509Certificate> chain;
    private SignatureScheme scheme;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder() {}

    /**
     * Sets the service (required).
     *
     * @param service the integrator's adapter
     * @return this builder
     */
    public Builder service(RemoteSigningService service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /**
     * Sets the holder's certificate chain (required), signer first.
     *
     * @param chain the chain
     * @return this builder
     */
    public Builder certificateChain(List<X509Certificate> chain) {
      this.chain = List.copyOf(chain);
      return this;
    }

    /**
     * Chooses the signature scheme the service uses.
     *
     * @param scheme the scheme; by default PKCS#1 v1.5 for RSA and ECDSA for EC
     * @return this builder
     */
    public Builder signatureScheme(SignatureScheme scheme) {
      this.scheme = scheme;
      return this;
    }

    /**
     * Sets how long to wait for the service.
     *
     * @param timeout a positive duration; default {@link #DEFAULT_TIMEOUT}
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new ConfigurationException(
            "remote-signing-key.timeout.invalid", "The timeout must be positive.", null);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Builds the key.
     *
     * @return the key
     * @throws ConfigurationException {@code remote-signing-key.service.missing} or {@code
     *     remote-signing-key.chain.missing}
     */
    public RemoteSigningKey build() {
      if (service == null) {
        throw new ConfigurationException(
            "remote-signing-key.service.missing", "Give service(...).", null);
      }
      if (chain == null || chain.isEmpty()) {
        throw new ConfigurationException(
            "remote-signing-key.chain.missing", "Give certificateChain(...).", null);
      }
      String algorithm = chain.get(0).getPublicKey().getAlgorithm();
      SignatureScheme chosen = scheme == null ? SignatureScheme.defaultFor(algorithm) : scheme;
      if (!chosen.fits(algorithm)) {
        throw new ConfigurationException(
            "signing-key.unsupported",
            "A " + algorithm + " key cannot sign with " + chosen + ".",
            null);
      }
      return new RemoteSigningKey(this, chosen);
    }
  }
}
