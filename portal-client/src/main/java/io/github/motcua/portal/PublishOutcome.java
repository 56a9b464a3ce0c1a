package io.github.motcua.portal;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.RetryLaterException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What became of one {@link Publication} of a shared call ({@link
 * NationalPortalClient#publishAll}): either what {@link PortalClient#publish} would have returned
 * for it, or what it would have thrown.
 */
public sealed interface PublishOutcome permits PublishOutcome.Published, PublishOutcome.Failed {

  /**
   * Runs one publication and captures its result or its exception.
   *
   * @param publish the call, such as {@code () -> client.publish(event, snapshot)}
   * @return {@link Published} with its result, or {@link Failed} with the runtime exception it
   *     threw
   */
  static PublishOutcome of(Supplier<PublishResult> publish) {
    try {
      return new Published(publish.get());
    } catch (RuntimeException e) {
      return new Failed(e);
    }
  }

  /**
   * The publication reached the portal.
   *
   * @param result what was sent
   */
  record Published(PublishResult result) implements PublishOutcome {

    /**
     * Checks the result is not null.
     *
     * @param result what was sent
     */
    public Published {
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * The publication failed, as {@link PortalClient#publish} would have failed: a {@link
   * RetryLaterException} to try again later, a {@link InvalidInputException} not to retry
   * unchanged, and so on.
   *
   * @param failure the exception, not null
   */
  record Failed(RuntimeException failure) implements PublishOutcome {

    /**
     * Checks the failure is not null.
     *
     * @param failure the exception
     */
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
