package io.github.motcua.portal.internal;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;

/**
 * Builds and classifies the portal clients' failures by their reaction type and stable code. Not
 * API.
 *
 * <p>The clients, {@link PortalHttp}'s retries and the sync worker decide on these predicates
 * (retry at once, count against the destination's health, park), so that one rule holds everywhere:
 *
 * <ul>
 *   <li>a <em>rejection</em> ({@code portal.rejected}, {@code payment.rejected}, {@code
 *       payment.query.rejected}, {@code payment.bill.rejected}) is an {@link
 *       InvalidInputException}: the remote party answered and refused the data;
 *   <li>an <em>outage</em> (a {@link RetryLaterException} with a {@code portal.} code other than
 *       {@code portal.auth.expired} and {@code portal.fenced}: unavailable, throttled, timed out,
 *       circuit open, or an answer that does not follow the protocol) is retried;
 *   <li>{@code portal.auth.expired} (a {@link RetryLaterException}) is retried once the session or
 *       token is renewed; the other {@code portal.auth.*} codes are {@link ConfigurationException}s
 *       (credentials refused);
 *   <li>{@code portal.fenced} (a {@link RetryLaterException}) was not sent at all;
 *   <li>{@code portal.config.*} are {@link ConfigurationException}s.
 * </ul>
 */
public final class Failures {

  /** What a rejection said of the record, for the client's own decisions. */
  public enum Reason {
    /** Refused as invalid. */
    REFUSED,
    /** The record already exists (a create is sent again as an update). */
    ALREADY_EXISTS,
    /** The record does not exist (an update is sent again as a create). */
    NOT_FOUND
  }

  private Failures() {}

  /**
   * A rejection of our data by the remote party.
   *
   * @param code the stable code, such as {@code portal.rejected}
   * @param message what was refused, free of personal data
   * @param httpStatus the HTTP status, 0 when none
   * @param remoteErrorCode the remote party's code, may be null (masked)
   * @param remoteMessage the remote party's message, may be null (masked and appended)
   * @param reason what the refusal says of the record, null for {@link Reason#REFUSED}
   * @param requestId the request id, may be null
   * @return the exception
   */
  public static InvalidInputException rejected(
      String code,
      String message,
      int httpStatus,
      String remoteErrorCode,
      String remoteMessage,
      Reason reason,
      String requestId) {
    String text = remoteMessage == null ? message : message + ": " + Redact.message(remoteMessage);
    return new InvalidInputException(
        code,
        detail(text, httpStatus, remoteErrorCode, requestId),
        reason == null || reason == Reason.REFUSED ? null : new Kind(reason));
  }

  /**
   * A rejection of our data by the remote party.
   *
   * @param code the stable code
   * @param message what was refused
   * @param httpStatus the HTTP status, 0 when none
   * @param remoteErrorCode the remote party's code, may be null
   * @param requestId the request id, may be null
   * @return the exception
   */
  public static InvalidInputException rejected(
      String code, String message, int httpStatus, String remoteErrorCode, String requestId) {
    return rejected(code, message, httpStatus, remoteErrorCode, null, null, requestId);
  }

  /**
   * Appends the HTTP status, the remote party's code (masked) and the request id to a message.
   *
   * @param message the message
   * @param httpStatus the HTTP status, 0 when none
   * @param remoteErrorCode the remote code, may be null
   * @param requestId the request id, may be null
   * @return the message with its details
   */
  public static String detail(
      String message, int httpStatus, String remoteErrorCode, String requestId) {
    StringBuilder out = new StringBuilder(message);
    if (httpStatus != 0) {
      out.append(" (HTTP ").append(httpStatus).append(')');
    }
    if (remoteErrorCode != null) {
      out.append(" [remote ").append(Redact.code(remoteErrorCode)).append(']');
    }
    if (requestId != null) {
      out.append(" [request ").append(requestId).append(']');
    }
    return out.toString();
  }

  /**
   * The failure of a publish whose lease was lost before its next portal call.
   *
   * @return the exception, code {@code portal.fenced}
   */
  public static RetryLaterException fenced() {
    return new RetryLaterException(
        "portal.fenced", "The publish lost its lease; its next portal call was not sent.");
  }

  /**
   * What a rejection said of the record.
   *
   * @param e a failure
   * @return the reason, {@link Reason#REFUSED} unless the rejection said otherwise
   */
  public static Reason reason(Throwable e) {
    return e != null && e.getCause() instanceof Kind k ? k.reason : Reason.REFUSED;
  }

  /**
   * Whether the remote party answered and refused the data.
   *
   * @param e a failure
   * @return true for a rejection
   */
  public static boolean isRejection(Throwable e) {
    if (!(e instanceof InvalidInputException m)) {
      return false;
    }
    String code = m.code();
    return code.equals("portal.rejected")
        || (code.startsWith("payment.") && code.endsWith(".rejected"));
  }

  /**
   * Whether the failure is {@code portal.fenced}.
   *
   * @param e a failure
   * @return true when the publish was fenced
   */
  public static boolean isFenced(Throwable e) {
    return e instanceof MotcuaException m && m.code().equals("portal.fenced");
  }

  /**
   * Whether the failure is a refusal of our credentials or session ({@code portal.auth.*}).
   *
   * @param e a failure
   * @return true for an authentication failure
   */
  public static boolean isAuthentication(Throwable e) {
    return e instanceof MotcuaException m && m.code().startsWith("portal.auth.");
  }

  /**
   * Whether the session or token expired and may be renewed at once.
   *
   * @param e a failure
   * @return true for {@code portal.auth.expired}
   */
  public static boolean isRenewable(Throwable e) {
    return e instanceof MotcuaException m && m.code().equals("portal.auth.expired");
  }

  /**
   * Whether the portal looks down or misbehaving: unavailable, throttled, timed out, circuit open,
   * or a reply against the protocol.
   *
   * @param e a failure
   * @return true for an outage
   */
  public static boolean isOutage(Throwable e) {
    return e instanceof RetryLaterException m
        && m.code().startsWith("portal.")
        && !isRenewable(e)
        && !isFenced(e);
  }

  /**
   * Whether the same call may be repeated: an outage or a renewable session.
   *
   * @param e a failure
   * @return true when a retry may succeed
   */
  public static boolean isRetryable(Throwable e) {
    return isOutage(e) || isRenewable(e);
  }

  /**
   * Whether the failure comes from the portal, payment or outbox code ({@code portal.*}, {@code
   * payment.*}, {@code sync.*}), as opposed to a failure of the input or of another module.
   *
   * @param e a failure
   * @return true for a failure of this module
   */
  public static boolean isPortal(Throwable e) {
    return e instanceof MotcuaException m
        && (m.code().startsWith("portal.")
            || m.code().startsWith("payment.")
            || m.code().startsWith("sync."));
  }

  /**
   * Whether the failure comes from the sync outbox ({@code sync.*}).
   *
   * @param e a failure
   * @return true for an outbox failure
   */
  public static boolean isOutbox(Throwable e) {
    return e instanceof MotcuaException m && m.code().startsWith("sync.");
  }

  /** Carries a rejection's {@link Reason} as its cause; never thrown. */
  private static final class Kind extends Exception {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    Kind(Reason reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }
  }
}
