package io.github.motcua.signing;

/**
 * A time-stamp authority did not deliver a usable token. Codes: {@code tsa.http} (transport error
 * or HTTP status other than 200; {@link #httpStatus()} tells which), {@code tsa.timeout}, {@code
 * tsa.malformed} (the reply is not an RFC 3161 response), {@code tsa.status} (the authority
 * refused; {@link #pkiStatus()} and the message carry its status and failure info), {@code
 * tsa.imprint} (the token stamps another hash), {@code tsa.nonce} (the token answers another
 * request), {@code tsa.policy} (the token is under another policy than requested), {@code
 * tsa.certificate} (the certificate was requested but is missing, or does not verify the token).
 */
public class TimestampException extends SigningException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int pkiStatus;

  /**
   * Creates an exception.
   *
   * @param rule the rule after {@code tsa.}
   * @param message a message for people
   * @param httpStatus the HTTP status, or -1 when none
   * @param pkiStatus the RFC 3161 PKIStatus, or -1 when none
   * @param cause the cause, may be null
   */
  public TimestampException(
      String rule, String message, int httpStatus, int pkiStatus, Throwable cause) {
    super("tsa." + rule, message, cause);
    this.httpStatus = httpStatus;
    this.pkiStatus = pkiStatus;
  }

  /**
   * Returns the HTTP status of the reply.
   *
   * @return the status, or -1 when there was no HTTP reply
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Returns the RFC 3161 PKIStatus of the reply (0 granted, 1 granted with modifications, 2
   * rejection, 3 waiting, 4 revocation warning, 5 revocation notification).
   *
   * @return the status, or -1 when the reply carried none
   */
  public int pkiStatus() {
    return pkiStatus;
  }
}
