package io.github.motcua.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LruCacheTest {

  @Test
  void forgetsTheLeastRecentlyUsedEntryFirst() {
    LruCache<String, Integer> cache = new LruCache<>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    assertThat(cache.get("a")).isEqualTo(1); // a is now more recent than b
    cache.put("c", 3);
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isEqualTo(1);
    assertThat(cache.get("c")).isEqualTo(3);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void aCacheOfNoEntriesKeepsNothing() {
    LruCache<String, Integer> cache = new LruCache<>(0);
    cache.put("a", 1);
    assertThat(cache.get("a")).isNull();
    assertThat(cache.compute("a", (k, v) -> v == null ? 1 : v + 1)).isEqualTo(1);
    assertThat(cache.size()).isZero();
  }

  @Test
  void refusesANegativeCapacity() {
    assertThatThrownBy(() -> new LruCache<>(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void computeAndRemoveChangeOneEntry() {
    LruCache<String, Integer> cache = new LruCache<>(4);
    cache.compute("a", (k, v) -> v == null ? 1 : v + 1);
    cache.compute("a", (k, v) -> v == null ? 1 : v + 1);
    assertThat(cache.get("a")).isEqualTo(2);
    cache.remove("a");
    assertThat(cache.get("a")).isNull();
  }

  @Test
  void countsEveryUpdateOfEightThreadsAtOnce() throws Exception {
    LruCache<Integer, Integer> cache = new LruCache<>(16);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 10_000; i++) {
                    cache.compute(i % 4, (k, v) -> v == null ? 1 : v + 1);
                    cache.put(100 + i % 8, i);
                    cache.get(i % 4);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int total = 0;
    for (int k = 0; k < 4; k++) {
      total += cache.get(k);
    }
    assertThat(total).isEqualTo(80_000);
    assertThat(cache.size()).isLessThanOrEqualTo(16);
  }
}
