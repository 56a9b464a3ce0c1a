package io.github.motcua.vneid;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A completed login: the {@link CitizenIdentity} and the tokens the provider issued for it. Keep it
 * in the server-side session to {@link VneidClient#refresh(CitizenLogin) refresh} the tokens or
 * build the {@link VneidClient#logoutUri(CitizenLogin, java.net.URI) logout URI}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows no token.
 */
public final class CitizenLogin {

  private final CitizenIdentity identity;
  private final String accessToken;
  private final String refreshToken;
  private final String idToken;
  private final Instant accessTokenExpiresAt;

  CitizenLogin(
      CitizenIdentity identity,
      String accessToken,
      String refreshToken,
      String idToken,
      Instant accessTokenExpiresAt) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
    this.refreshToken = refreshToken;
    this.idToken = Objects.requireNonNull(idToken, "idToken");
    this.accessTokenExpiresAt = accessTokenExpiresAt;
  }

  /**
   * Returns who logged in.
   *
   * @return the identity
   */
  public CitizenIdentity identity() {
    return identity;
  }

  /**
   * Returns the access token. A secret: never log it.
   *
   * @return the access token
   */
  public String accessToken() {
    return accessToken;
  }

  /**
   * Returns the refresh token, when the provider issued one. A secret: never log it.
   *
   * @return the refresh token, or empty
   */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /**
   * Returns the raw ID token (the latest one, after a refresh), used as {@code id_token_hint} at
   * logout. Personal data: never log it.
   *
   * @return the compact ID token
   */
  public String idToken() {
    return idToken;
  }

  /**
   * Returns when the access token expires, by the client's clock.
   *
   * @return the instant, or empty when the provider did not say
   */
  public Optional<Instant> accessTokenExpiresAt() {
    return Optional.ofNullable(accessTokenExpiresAt);
  }

  @Override
  public String toString() {
    return "CitizenLogin["
        + identity
        + ", accessTokenExpiresAt="
        + accessTokenExpiresAt
        + ", refreshable="
        + (refreshToken != null)
        + "]";
  }
}
