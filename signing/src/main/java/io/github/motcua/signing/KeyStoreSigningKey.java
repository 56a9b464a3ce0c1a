package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.signing.internal.DigestSigner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SigningKey} held in a Java {@link KeyStore}: a PKCS#12 file (tệp chứng thư số .p12 /
 * .pfx) or any loaded key store.
 *
 * <pre>{@code
 * SigningKey key = KeyStoreSigningKey.builder()
 *     .pkcs12(Path.of("signer.p12"), password)
 *     .build();                        // the only key entry; or .alias("signer")
 * }</pre>
 *
 * <p>The key and chain are read once in {@link Builder#build()}; the password is not kept.
 * Thread-safe.
 */
public final class KeyStoreSigningKey implements SigningKey {

  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final SignatureScheme scheme;

  private KeyStoreSigningKey(
      PrivateKey privateKey, List<X509Certificate> chain, SignatureScheme scheme) {
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

  /**
   * Wraps a private key and its chain directly.
   *
   * @param privateKey the private key
   * @param chain the signer's certificate first
   * @return the signing key, with the default scheme for the key type
   */
  public static KeyStoreSigningKey of(PrivateKey privateKey, List<X509Certificate> chain) {
    return of(privateKey, chain, null);
  }

  /**
   * Wraps a private key and its chain with a chosen scheme.
   *
   * @param privateKey the private key
   * @param chain the signer's certificate first
   * @param scheme the scheme, or null for the key type's default
   * @return the signing key
   */
  public static KeyStoreSigningKey of(
      PrivateKey privateKey, List<X509Certificate> chain, SignatureScheme scheme) {
    Objects.requireNonNull(privateKey, "privateKey");
    if (chain == null || chain.isEmpty()) {
      throw new ConfigurationException(
          "signing-key.not-found", "The key has no certificate chain.", null);
    }
    String algorithm = chain.get(0).getPublicKey().getAlgorithm();
    SignatureScheme chosen = scheme == null ? SignatureScheme.defaultFor(algorithm) : scheme;
    if (!chosen.fits(algorithm)) {
      throw new ConfigurationException(
          "signing-key.unsupported",
          "A " + algorithm + " key cannot sign with " + chosen + ".",
          null);
    }
    return new KeyStoreSigningKey(privateKey, List.copyOf(chain), chosen);
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
    return DigestSigner.sign(
        privateKey, null, certificate().getPublicKey(), scheme, digest, algorithm);
  }

  /** Names the certificate serial only. */
  @Override
  public String toString() {
    return "KeyStoreSigningKey[serial=" + certificate().getSerialNumber().toString(16) + "]";
  }

  /**
   * Reads the key entry from a loaded key store.
   *
   * @param store the key store
   * @param alias the alias, or null for the only key entry
   * @param password the key password
   * @param scheme the scheme, or null for the default
   * @return the signing key
   */
  static KeyStoreSigningKey fromStore(
      KeyStore store, String alias, char[] password, SignatureScheme scheme) {
    try {
      String chosen = alias == null ? onlyKeyAlias(store) : alias;
      if (!store.containsAlias(chosen) || !store.isKeyEntry(chosen)) {
        throw new ConfigurationException(
            "signing-key.not-found",
            "The key store has no key entry with alias '" + chosen + "'.",
            null);
      }
      Key key = store.getKey(chosen, password);
      if (!(key instanceof PrivateKey)) {
        throw new ConfigurationException(
            "signing-key.not-found", "The entry '" + chosen + "' holds no private key.", null);
      }
      Certificate[] certificates = store.getCertificateChain(chosen);
      if (certificates == null || certificates.length == 0) {
        throw new ConfigurationException(
            "signing-key.not-found", "The entry '" + chosen + "' has no certificate chain.", null);
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : certificates) {
        chain.add((X509Certificate) certificate);
      }
      return of((PrivateKey) key, chain, scheme);
    } catch (UnrecoverableKeyException e) {
      throw new ConfigurationException("signing-key.password", "The key password is wrong.", e);
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException(
          "signing-key.not-found", "The key cannot be read from the store.", e);
    }
  }

  private static String onlyKeyAlias(KeyStore store) throws KeyStoreException {
    List<String> keys = new ArrayList<>();
    Enumeration<String> aliases = store.aliases();
    for (String alias : Collections.list(aliases)) {
      if (store.isKeyEntry(alias)) {
        keys.add(alias);
      }
    }
    if (keys.size() != 1) {
      throw new ConfigurationException(
          "signing-key." + (keys.isEmpty() ? "not-found" : "alias-ambiguous"),
          "The key store holds "
              + keys.size()
              + " key entries; name the one to use with alias(...).",
          null);
    }
    return keys.get(0);
  }

  /** Builds a {@link KeyStoreSigningKey}. Not thread-safe. */
  public static final class Builder {
    private KeyStore store;
    private Path pkcs12File;
    private char[] storePassword;
    private char[] keyPassword;
    private String alias;
    private SignatureScheme scheme;

    private Builder() {}

    /**
     * Uses a PKCS#12 file whose store and key share a password.
     *
     * @param file the .p12 or .pfx file
     * @param password the password; copied, and cleared after {@link #build()}
     * @return this builder
     */
    public Builder pkcs12(Path file, char[] password) {
      this.pkcs12File = Objects.requireNonNull(file, "file");
      this.storePassword = password == null ? null : password.clone();
      this.keyPassword = this.storePassword;
      return this;
    }

    /**
     * Uses an already loaded key store.
     *
     * @param keyStore the key store
     * @param keyPassword the key entry's password; copied
     * @return this builder
     */
    public Builder keyStore(KeyStore keyStore, char[] keyPassword) {
      this.store = Objects.requireNonNull(keyStore, "keyStore");
      this.keyPassword = keyPassword == null ? null : keyPassword.clone();
      return this;
    }

    /**
     * Names the key entry.
     *
     * @param alias the alias; by default the store's only key entry
     * @return this builder
     */
    public Builder alias(String alias) {
      this.alias = alias;
      return this;
    }

    /**
     * Chooses the signature scheme, such as {@link SignatureScheme#RSA_PSS} for an RSA key.
     *
     * @param scheme the scheme; by default PKCS#1 v1.5 for RSA and ECDSA for EC
     * @return this builder
     */
    public Builder signatureScheme(SignatureScheme scheme) {
      this.scheme = scheme;
      return this;
    }

    /**
     * Reads the key and chain.
     *
     * @return the signing key
     * @throws MotcuaException {@code signing-key.password}, {@code signing-key.not-found}, {@code
     *     signing-key.alias-ambiguous}, {@code signing-key.unsupported}
     * @throws ConfigurationException {@code signing-key.store.missing} when no store was given,
     *     {@code signing-key.store.unreadable} when the file cannot be read
     */
    public KeyStoreSigningKey build() {
      try {
        KeyStore loaded = store;
        if (loaded == null) {
          if (pkcs12File == null) {
            throw new ConfigurationException(
                "signing-key.store.missing", "Give pkcs12(file, password) or keyStore(...).", null);
          }
          loaded = loadPkcs12(pkcs12File, storePassword);
        }
        return fromStore(loaded, alias, keyPassword, scheme);
      } finally {
        if (storePassword != null) {
          Arrays.fill(storePassword, '\0');
        }
        if (keyPassword != null) {
          Arrays.fill(keyPassword, '\0');
        }
      }
    }

    private static KeyStore loadPkcs12(Path file, char[] password) {
      try (InputStream in = Files.newInputStream(file)) {
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        loaded.load(in, password);
        return loaded;
      } catch (IOException e) {
        if (e.getCause() instanceof UnrecoverableKeyException
            || String.valueOf(e.getMessage()).contains("password")) {
          throw new ConfigurationException(
              "signing-key.password", "The key store password is wrong.", e);
        }
        throw new ConfigurationException(
            "signing-key.store.unreadable", "The PKCS#12 file cannot be read.", e);
      } catch (GeneralSecurityException e) {
        throw new ConfigurationException(
            "signing-key.store.unreadable", "The PKCS#12 file cannot be read.", e);
      }
    }
  }
}
