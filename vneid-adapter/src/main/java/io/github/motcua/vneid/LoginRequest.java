package io.github.motcua.vneid;

import io.github.motcua.core.InvalidInputException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One started login: the URI to send the citizen's browser to, and the secrets that bind the
 * callback to this login ({@code state}, {@code nonce} and the PKCE code verifier).
 *
 * <p>Keep it server-side between {@link VneidClient#startLogin()} and {@link
 * VneidClient#completeLogin(URI, LoginRequest)}: store {@link #serialize()} in the web session and
 * read it back with {@link #parse(String)}. The serialised form holds the PKCE verifier, so it must
 * not be sent to the browser (not in a plain cookie, not in a page).
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows no secret.
 */
public final class LoginRequest {

  private static final String VERSION = "v1";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,128}");
  private static final int MAX_SERIALISED_LENGTH = 16 * 1024;

  private final String state;
  private final String nonce;
  private final String codeVerifier;
  private final URI redirectUri;
  private final URI authorizationUri;
  private final Instant createdAt;

  LoginRequest(
      String state,
      String nonce,
      String codeVerifier,
      URI redirectUri,
      URI authorizationUri,
      Instant createdAt) {
    this.state = Objects.requireNonNull(state, "state");
    this.nonce = Objects.requireNonNull(nonce, "nonce");
    this.codeVerifier = Objects.requireNonNull(codeVerifier, "codeVerifier");
    this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    this.authorizationUri = Objects.requireNonNull(authorizationUri, "authorizationUri");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Reads a login request written by {@link #serialize()}.
   *
   * @param text the serialised form; not null
   * @return the login request
   * @throws InvalidInputException when the text is not a serialised login request ({@code
   *     login-request.malformed}) or of an unknown version ({@code login-request.version})
   */
  public static LoginRequest parse(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_SERIALISED_LENGTH) {
      throw malformed();
    }
    String[] parts = text.split("\\.", -1);
    if (!parts[0].equals(VERSION)) {
      throw new InvalidInputException(
          "login-request.version",
          "The login request was written by an unknown version; start a new login.");
    }
    if (parts.length != 7) {
      throw malformed();
    }
    for (int i = 1; i <= 3; i++) {
      if (!TOKEN.matcher(parts[i]).matches()) {
        throw malformed();
      }
    }
    try {
      Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[4]));
      URI redirect = URI.create(decode(parts[5]));
      URI authorization = URI.create(decode(parts[6]));
      if (!redirect.isAbsolute() || !authorization.isAbsolute()) {
        throw malformed();
      }
      return new LoginRequest(parts[1], parts[2], parts[3], redirect, authorization, createdAt);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw malformed();
    }
  }

  private static InvalidInputException malformed() {
    return new InvalidInputException(
        "login-request.malformed",
        "The text is not a serialised login request; start a new login.");
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String encode(String value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes this login request as a compact ASCII string without dots in its fields, for a web
   * session. It contains the PKCE verifier: keep it server-side.
   *
   * @return the serialised form
   */
  public String serialize() {
    return String.join(
        ".",
        VERSION,
        state,
        nonce,
        codeVerifier,
        Long.toString(createdAt.getEpochSecond()),
        encode(redirectUri.toString()),
        encode(authorizationUri.toString()));
  }

  /**
   * Returns the URI to redirect the citizen's browser to.
   *
   * @return the authorization URI
   */
  public URI authorizationUri() {
    return authorizationUri;
  }

  /**
   * Returns the {@code state} the callback must carry back.
   *
   * @return the state
   */
  public String state() {
    return state;
  }

  /**
   * Returns the {@code nonce} the ID token must carry.
   *
   * @return the nonce
   */
  public String nonce() {
    return nonce;
  }

  /** The PKCE code verifier (RFC 7636); a secret. */
  String codeVerifier() {
    return codeVerifier;
  }

  /**
   * Returns the redirect URI the login was started with.
   *
   * @return the redirect URI
   */
  public URI redirectUri() {
    return redirectUri;
  }

  /**
   * Returns when the login was started, by the client's clock (to the second).
   *
   * @return the instant
   */
  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoginRequest r
        && state.equals(r.state)
        && nonce.equals(r.nonce)
        && codeVerifier.equals(r.codeVerifier)
        && redirectUri.equals(r.redirectUri)
        && authorizationUri.equals(r.authorizationUri)
        && createdAt.getEpochSecond() == r.createdAt.getEpochSecond();
  }

  @Override
  public int hashCode() {
    return state.hashCode();
  }

  @Override
  public String toString() {
    return "LoginRequest[createdAt=" + createdAt + ", redirectUri=" + redirectUri + "]";
  }
}
