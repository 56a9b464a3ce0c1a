package io.github.motcua.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand; its {@link #sleeper()} advances it instead of waiting. */
final class ManualClock extends Clock {

  private final AtomicReference<Instant> now;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  static ManualClock at(String instant) {
    return new ManualClock(Instant.parse(instant));
  }

  void advance(Duration d) {
    now.updateAndGet(i -> i.plus(d));
  }

  Sleeper sleeper() {
    return d -> {
      sleeps.add(d);
      advance(d);
    };
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
