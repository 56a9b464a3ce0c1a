package io.github.motcua.vneid.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable values for {@code state}, {@code nonce}, PKCE verifiers and assertion ids, and the
 * PKCE S256 challenge (RFC 7636 4.2). Thread-safe: {@link SecureRandom} is.
 */
public final class Randoms {

  private final SecureRandom random = new SecureRandom();

  /** Creates a source seeded by the platform's CSPRNG. */
  public Randoms() {}

  /**
   * Returns a random base64url string.
   *
   * @param bytes how many random bytes to encode
   * @return the string, without padding
   */
  public String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * Computes the S256 code challenge of a verifier.
   *
   * @param verifier the code verifier
   * @return base64url(SHA-256(ASCII(verifier)))
   */
  public static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
