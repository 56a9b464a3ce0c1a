package io.github.motcua.testkit;

/**
 * Named ways a {@link VneidFake} can break the protocol, for negative tests of a relying party.
 * Each stays in force until {@link VneidFake#behave()} (or the next test, when the fake is a
 * registered JUnit extension).
 */
public enum VneidMisbehaviour {
  /** ID tokens name another issuer. */
  WRONG_ISSUER,
  /** ID tokens are addressed to another client id. */
  WRONG_AUDIENCE,
  /** ID tokens expired ten minutes ago. */
  EXPIRED,
  /** ID tokens are issued ten minutes in the future. */
  ISSUED_IN_FUTURE,
  /** ID tokens carry another nonce than the authorization request's. */
  WRONG_NONCE,
  /** ID tokens are unsigned ({@code alg: none}). */
  ALG_NONE,
  /**
   * ID tokens are signed with HS256 keyed with the provider's public key (the classic algorithm
   * confusion attack), with the current key id.
   */
  HS256_WITH_PUBLIC_KEY,
  /** ID tokens are signed with a key that the key set does not publish. */
  UNKNOWN_KEY_ID,
  /** ID tokens have their payload changed after signing. */
  TAMPERED_PAYLOAD,
  /** The key-set endpoint answers 503 (each attempt still counts as a fetch). */
  JWKS_DOWN,
  /** The token endpoint answers after {@link VneidFake.Builder#slowTokenDelay} (WireMock delay). */
  SLOW_TOKEN_ENDPOINT,
  /** Userinfo answers with another subject than the ID token's. */
  USERINFO_SUBJECT_MISMATCH,
  /**
   * Authorization responses (code and error) arrive without their {@code iss} parameter while
   * discovery still advertises it, as when something on the way strips it (RFC 9207 mix-up).
   */
  ISS_STRIPPED
}
