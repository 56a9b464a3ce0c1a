package io.github.motcua.testkit;

/**
 * The named ways a portal or payment platform fake can fail, to test how a client copes with an
 * unstable network and an unreliable remote party.
 *
 * <p>Apply one to a fake for its next N calls ({@code fake.failNext(PortalFault.TIMEOUT, 3)}) or at
 * a seeded random rate ({@code fake.failRandomly(PortalFault.SERVER_ERROR, 0.3, 42)}). Some faults
 * happen before the fake processes the request (nothing changes), others after (the change is
 * stored but the client cannot tell), which is what makes a client's retries dangerous.
 */
public enum PortalFault {
  /** The connection is reset before the request is processed. */
  CONNECTION_RESET,
  /**
   * The request is processed, then the reply is held back longer than the client waits (see the
   * fake's {@code timeoutDelay}): the change is stored, the client sees a read timeout.
   */
  TIMEOUT,
  /** HTTP 500 before the request is processed. */
  SERVER_ERROR,
  /** HTTP 503 before the request is processed. */
  SERVICE_UNAVAILABLE,
  /** HTTP 429 with {@code Retry-After: 1} before the request is processed. */
  TOO_MANY_REQUESTS,
  /**
   * The request is processed, then its reply is truncated into invalid JSON (with the status the
   * fake answered, so a refused request stays refused).
   */
  MALFORMED_JSON,
  /**
   * The caller's session (national portal) or access token (provincial portal) expires just before
   * this request, which is refused as unauthenticated. Has no effect on login and token requests or
   * on the payment platform.
   */
  EXPIRED_CREDENTIALS
}
