package io.github.motcua.portal;

import java.time.Duration;
import java.util.Optional;

/**
 * The portal could not be reached or said it is overloaded: a connection failure, a timeout, HTTP
 * 429 or 5xx after the {@link RetryPolicy} gave up, or an open circuit (code {@code
 * portal.circuit-open}). Nothing is wrong with the data: deliver the same request again later. A
 * sync outbox keeps the event and retries it.
 *
 * <p>Codes: {@code portal.connection}, {@code portal.timeout}, {@code portal.throttled}, {@code
 * portal.server-error}, {@code portal.circuit-open}.
 */
public class PortalUnavailableException extends PortalException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code portal.timeout}
   * @param message a message free of personal data
   * @param httpStatus the HTTP status, or 0 when no reply arrived
   * @param requestId the request id, may be null
   * @param retryAfter how long the portal asked to wait, may be null
   * @param cause the cause, may be null
   */
  public PortalUnavailableException(
      String code,
      String message,
      int httpStatus,
      String requestId,
      Duration retryAfter,
      Throwable cause) {
    super(code, message, httpStatus, null, requestId, cause);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns how long the portal asked callers to wait ({@code Retry-After}), or how long an open
   * circuit stays open.
   *
   * @return the wait, empty when the portal gave no hint
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
