package io.github.motcua.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A cached credential (a session, an access token) obtained by at most one thread at a time.
 *
 * <p>{@link #get()} returns the cached value while it is fresh; when it is missing or past its
 * refresh instant, exactly one caller obtains a new one while the others wait for it. {@link
 * #invalidate(Object)} forgets a value the server declared expired, unless another thread already
 * replaced it.
 *
 * @param <T> the credential type
 */
public final class SingleFlight<T> {

  /**
   * A credential and the instant from which it should be renewed.
   *
   * @param value the credential
   * @param refreshAt when to obtain a new one; null for never (only on server rejection)
   * @param <T> the credential type
   */
  public record Expiring<T>(T value, Instant refreshAt) {}

  private final Supplier<Expiring<T>> obtain;
  private final Clock clock;
  private Expiring<T> current;
  private long obtained;

  /**
   * Creates an empty cache.
   *
   * @param obtain obtains a new credential (a login); may throw
   * @param clock the clock for refresh instants
   */
  public SingleFlight(Supplier<Expiring<T>> obtain, Clock clock) {
    this.obtain = obtain;
    this.clock = clock;
  }

  /**
   * Returns a fresh credential, obtaining one when needed.
   *
   * @return the credential
   */
  public synchronized T get() {
    if (current == null
        || (current.refreshAt() != null && !clock.instant().isBefore(current.refreshAt()))) {
      current = null;
      current = obtain.get();
      obtained++;
    }
    return current.value();
  }

  /**
   * Forgets a credential the server rejected as expired, unless another thread already replaced it:
   * twenty threads that see the same expired session cause one login on their next {@link #get()}.
   *
   * @param stale the credential that was rejected
   */
  public synchronized void invalidate(T stale) {
    if (current != null && current.value().equals(stale)) {
      current = null;
    }
  }

  /**
   * Returns how many credentials this cache obtained.
   *
   * @return the number of logins or token requests
   */
  public synchronized long obtainedCount() {
    return obtained;
  }
}
