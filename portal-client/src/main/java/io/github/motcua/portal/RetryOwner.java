package io.github.motcua.portal;

/**
 * Who retries a {@link Publication} that fails for a while: the client under its {@link
 * RetryPolicy}, or its caller.
 */
public enum RetryOwner {
  /**
   * The client retries under its {@link RetryPolicy}: backoff, {@code Retry-After} up to {@link
   * RetryPolicy#maxRetryAfter()}, circuit breaker. What an integrator calling a client gets.
   */
  CLIENT,

  /**
   * The caller owns backoff, outage detection and giving up, as a {@code SyncWorker} does. The
   * client repeats a request only when it must be repeated at once: after renewing an expired
   * session or token (once), and after a {@code Retry-After} of at most {@link
   * RetryPolicy#maxImmediateRetryAfter()} (once); any other failure ends the publish at its first
   * attempt, and the client's circuit breaker neither holds nor counts it.
   */
  CALLER
}
