package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.signing.internal.DigestSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

/**
 * A {@link SigningKey} on a PKCS#11 token (USB token, smart card or HSM; "token ký số"), reached
 * through the JDK's own SunPKCS11 provider: no extra library beyond the token vendor's PKCS#11
 * module.
 *
 * <pre>{@code
 * try (Pkcs11SigningKey key = Pkcs11SigningKey.builder()
 *     .library(Path.of("/usr/lib/vnpt-ca/libvnpt_pkcs11.so"))
 *     .slotListIndex(0)
 *     .pin(pin)
 *     .build()) {
 *   byte[] cms = CmsSigner.builder().key(key).build().sign(content);
 * }
 * }</pre>
 *
 * <p>The provider instance is private to this key: it is not added to the JVM's provider list, so
 * two keys on two tokens live side by side. The PIN is used to log in once and not kept. The key
 * never leaves the token; {@link #signDigest} sends only the digest (PKCS#1 v1.5 and ECDSA through
 * the token's raw mechanisms, RSA-PSS through {@code CKM_RSA_X_509} after encoding here).
 *
 * <p>Thread-safe (SunPKCS11 manages sessions). {@link #close()} logs out of the token.
 */
public final class Pkcs11SigningKey implements SigningKey, AutoCloseable {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final Provider provider;
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final SignatureScheme scheme;

  private Pkcs11SigningKey(
      Provider provider,
      PrivateKey privateKey,
      List<X509Certificate> chain,
      SignatureScheme scheme) {
    this.provider = provider;
    this.privateKey = privateKey;
    this.chain = chain;
    this.scheme = scheme;
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

  @Override
  public byte[] signDigest(byte[] digest, DigestAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    try {
      return DigestSigner.sign(
          privateKey, provider, certificate().getPublicKey(), scheme, digest, algorithm);
    } catch (ProviderException e) {
      throw new ConfigurationException(
          "signing-key.token-absent", "The PKCS#11 token did not answer.", e);
    }
  }

  /**
   * Returns the provider instance that talks to the token, for integrators who need other
   * operations on it.
   *
   * @return the SunPKCS11 provider configured for this token
   */
  public Provider provider() {
    return provider;
  }

  /** Logs out of the token. The key cannot sign afterwards. */
  @Override
  public void close() {
    if (provider instanceof AuthProvider) {
      try {
        ((AuthProvider) provider).logout();
      } catch (LoginException e) {
        throw new RetryLaterException(
            "signing-key.failed", "Logging out of the PKCS#11 token failed.", e);
      }
    }
  }

  /** Names the certificate serial only. */
  @Override
  public String toString() {
    return "Pkcs11SigningKey[serial=" + certificate().getSerialNumber().toString(16) + "]";
  }

  /** Builds a {@link Pkcs11SigningKey}. Not thread-safe. */
  public static final class Builder {
    private Path library;
    private Long slot;
    private Integer slotListIndex;
    private char[] pin;
    private String alias;
    private SignatureScheme scheme;

    private Builder() {}

    /**
     * Sets the token vendor's PKCS#11 library (required).
     *
     * @param library the path to the {@code .so} or {@code .dll}
     * @return this builder
     */
    public Builder library(Path library) {
      this.library = Objects.requireNonNull(library, "library");
      return this;
    }

    /**
     * Selects the token by PKCS#11 slot ID.
     *
     * @param slotId the slot ID ({@code CK_SLOT_ID})
     * @return this builder
     */
    public Builder slot(long slotId) {
      this.slot = slotId;
      this.slotListIndex = null;
      return this;
    }

    /**
     * Selects the token by its index in the library's slot list (default 0, the first slot).
     *
     * @param index the index
     * @return this builder
     */
    public Builder slotListIndex(int index) {
      this.slotListIndex = index;
      this.slot = null;
      return this;
    }

    /**
     * Sets the user PIN (required).
     *
     * @param pin the PIN; copied, and cleared after {@link #build()}
     * @return this builder
     */
    public Builder pin(char[] pin) {
      this.pin = Objects.requireNonNull(pin, "pin").clone();
      return this;
    }

    /**
     * Names the key (its {@code CKA_LABEL} as SunPKCS11 shows it).
     *
     * @param alias the alias; by default the token's only key with a certificate
     * @return this builder
     */
    public Builder alias(String alias) {
      this.alias = alias;
      return this;
    }

    /**
     * Chooses the signature scheme.
     *
     * @param scheme the scheme; by default PKCS#1 v1.5 for RSA and ECDSA for EC
     * @return this builder
     */
    public Builder signatureScheme(SignatureScheme scheme) {
      this.scheme = scheme;
      return this;
    }

    /**
     * Loads the library, logs in to the token and finds the key and its certificate chain.
     *
     * @return the signing key
     * @throws MotcuaException {@code signing-key.token-absent} when the library cannot be loaded or
     *     the slot holds no token, {@code signing-key.password} for a wrong PIN, {@code
     *     signing-key.not-found} when no key with a certificate is found
     * @throws ConfigurationException {@code pkcs11.library.missing} or {@code pkcs11.pin.missing}
     *     when a required setting is absent
     */
    public Pkcs11SigningKey build() {
      if (library == null) {
        throw new ConfigurationException(
            "pkcs11.library.missing", "Give library(path) of the PKCS#11 module.", null);
      }
      if (pin == null) {
        throw new ConfigurationException(
            "pkcs11.pin.missing", "Give pin(...) to log in to the token.", null);
      }
      if (!Files.isReadable(library)) {
        throw new ConfigurationException(
            "signing-key.token-absent",
            "The PKCS#11 library " + library + " cannot be read.",
            null);
      }
      try {
        Provider provider = configure();
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, pin);
        String chosen = alias == null ? onlyKeyAlias(store) : alias;
        Key key = store.getKey(chosen, null);
        Certificate[] certificates = store.getCertificateChain(chosen);
        if (!(key instanceof PrivateKey) || certificates == null || certificates.length == 0) {
          throw new ConfigurationException(
              "signing-key.not-found",
              "The token has no private key with a certificate under alias '" + chosen + "'.",
              null);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : certificates) {
          chain.add((X509Certificate) certificate);
        }
        String algorithm = chain.get(0).getPublicKey().getAlgorithm();
        SignatureScheme chosenScheme =
            scheme == null ? SignatureScheme.defaultFor(algorithm) : scheme;
        if (!chosenScheme.fits(algorithm)) {
          throw new ConfigurationException(
              "signing-key.unsupported",
              "A " + algorithm + " key cannot sign with " + chosenScheme + ".",
              null);
        }
        return new Pkcs11SigningKey(provider, (PrivateKey) key, List.copyOf(chain), chosenScheme);
      } catch (IOException e) {
        if (hasCause(e, FailedLoginException.class)) {
          throw new ConfigurationException("signing-key.password", "The token PIN is wrong.", e);
        }
        throw new ConfigurationException(
            "signing-key.token-absent", "The token cannot be opened.", e);
      } catch (ProviderException e) {
        throw new ConfigurationException(
            "signing-key.token-absent", "The PKCS#11 library or slot cannot be used.", e);
      } catch (GeneralSecurityException e) {
        throw new ConfigurationException(
            "signing-key.not-found", "The key cannot be read from the token.", e);
      } finally {
        Arrays.fill(pin, '\0');
      }
    }

    private Provider configure() {
      StringBuilder config = new StringBuilder();
      config.append("--name = motcua").append(NAMES.incrementAndGet()).append('\n');
      config.append("library = ").append(library.toAbsolutePath()).append('\n');
      if (slot != null) {
        config.append("slot = ").append(slot).append('\n');
      } else {
        config.append("slotListIndex = ").append(slotListIndex == null ? 0 : slotListIndex);
        config.append('\n');
      }
      Provider base = Security.getProvider("SunPKCS11");
      if (base == null) {
        throw new ConfigurationException(
            "signing-key.token-absent", "This Java runtime has no SunPKCS11 provider.", null);
      }
      return base.configure(config.toString());
    }

    private static String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
      List<String> keys = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias) && store.getCertificate(alias) != null) {
          keys.add(alias);
        }
      }
      if (keys.size() != 1) {
        throw new ConfigurationException(
            "signing-key." + (keys.isEmpty() ? "not-found" : "alias-ambiguous"),
            "The token holds " + keys.size() + " keys with certificates; name one with alias().",
            null);
      }
      return keys.get(0);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (type.isInstance(t)) {
          return true;
        }
      }
      return false;
    }
  }
}
