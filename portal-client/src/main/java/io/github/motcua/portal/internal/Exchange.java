package io.github.motcua.portal.internal;

/**
 * One publish's (or one look-up's) exchange with a portal: what the calls of it learnt along the
 * way that the result reports, the id of the last request the portal answered. Made per call,
 * confined to its thread.
 */
public final class Exchange {

  private String lastRequestId;

  /** Creates an exchange with no request answered yet. */
  public Exchange() {}

  /**
   * Records that the portal answered a request.
   *
   * @param requestId the request's id (the portal's, or the one sent)
   */
  public void answered(String requestId) {
    this.lastRequestId = requestId;
  }

  /**
   * Returns the id of the last request the portal answered.
   *
   * @return the id, or null when none was answered
   */
  public String lastRequestId() {
    return lastRequestId;
  }
}
