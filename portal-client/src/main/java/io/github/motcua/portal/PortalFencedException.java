package io.github.motcua.portal;

/**
 * A publish stopped before a portal call because its {@link PublishFence} was no longer held: the
 * sync worker's lease on the delivery ran out (and another worker may have taken it over). Nothing
 * of the stopped call was sent. Not retryable by the client; the worker discards the publish's
 * outcome and the delivery is published again under a new lease. Code {@code portal.fenced}.
 */
public class PortalFencedException extends PortalException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public PortalFencedException() {
    super(
        "portal.fenced",
        "The publish lost its lease; its next portal call was not sent.",
        0,
        null,
        null,
        null);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
