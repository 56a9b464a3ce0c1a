package io.github.motcua.core;

import java.time.Duration;
import java.util.Optional;

/**
 * Retry later: a remote party (portal, identity provider, payment platform, time-stamping
 * authority, OCSP responder) is unavailable or timed out, a publish lost its lease to another
 * worker, or the database failed transiently. The same call may succeed later; when the remote
 * party said when, {@link #retryAfter()} carries it; the HTTP status and the request id, when there
 * is one, are in the message.
 */
public final class RetryLaterException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param code the stable machine-readable code naming the field and the rule; not null
   * @param message a message for people, free of personal data; not null
   */
  public RetryLaterException(String code, String message) {
    this(code, message, (Throwable) null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the stable machine-readable code naming the field and the rule; not null
   * @param message a message for people, free of personal data; not null
   * @param cause the underlying cause, may be null
   */
  public RetryLaterException(String code, String message, Throwable cause) {
    super(code, message, cause);
    this.retryAfter = null;
  }

  /**
   * Creates the exception with the delay the remote party asked for.
   *
   * @param code the stable machine-readable code naming the field and the rule; not null
   * @param message a message for people, free of personal data; not null
   * @param retryAfter the delay the remote party asked for (its {@code Retry-After}), may be null
   * @param cause the underlying cause, may be null
   */
  public RetryLaterException(String code, String message, Duration retryAfter, Throwable cause) {
    super(code, message, cause);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns the delay the remote party asked for before the next attempt.
   *
   * @return the delay, empty unless the remote party said so
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
