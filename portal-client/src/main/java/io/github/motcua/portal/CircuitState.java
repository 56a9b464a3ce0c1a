package io.github.motcua.portal;

import io.github.motcua.core.RetryLaterException;

/**
 * The state of a client's circuit breaker, which stops a client from hammering a portal that is
 * down.
 *
 * <p>After {@link RetryPolicy#circuitFailureThreshold()} consecutive failed attempts the circuit
 * opens: calls fail at once with a {@link RetryLaterException} of code {@code portal.circuit-open}
 * (or wait, within their time budget, for it to half-open). After {@link
 * RetryPolicy#circuitOpenDuration()} one trial call is let through; its success closes the circuit,
 * its failure opens it again.
 */
public enum CircuitState {
  /** Calls flow normally. */
  CLOSED,
  /** The portal is considered down; calls are not sent. */
  OPEN,
  /** One trial call is allowed to find out whether the portal is back. */
  HALF_OPEN
}
