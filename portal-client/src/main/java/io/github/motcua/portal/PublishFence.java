package io.github.motcua.portal;

import io.github.motcua.core.RetryLaterException;
import io.github.motcua.portal.internal.Failures;

/**
 * Tells a publish whether it may still call the portal (một hàng rào cho một lần gửi): a sync
 * worker gives each publication one that answers "is my lease still held?", so that a publish whose
 * lease ran out and was taken over stops before its next call instead of sending the same change at
 * the same time as the worker that took it over.
 *
 * <p>A {@link PortalClient} asks {@link #check()} before every HTTP operation of a publish
 * (motcua's clients do it for each request of {@link PortalClient#publish(Publication)} and of the
 * national client's shared calls, after the connection is open and right before the request is
 * written). A client of your own should do the same with {@link Publication#fence()}.
 *
 * <p>Implementations must be thread-safe and answer quickly; {@link #held()} may renew the lease
 * (one database update) when little of it is left.
 */
@FunctionalInterface
public interface PublishFence {

  /** A fence that is always held: a publish outside of a sync worker. */
  PublishFence NONE = () -> true;

  /**
   * Tells whether the publish may make its next portal call: its lease is held, long enough for one
   * more call.
   *
   * @return true when it may; false once the lease is lost (then never true again)
   */
  boolean held();

  /**
   * Throws when the publish may not make its next call.
   *
   * @throws RetryLaterException with code {@code portal.fenced} when {@link #held()} is false
   */
  default void check() {
    if (!held()) {
      throw Failures.fenced();
    }
  }
}
