package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/** Runs allocations from many threads and checks the numbers handed out. */
final class AllocatorContract {

  private AllocatorContract() {}

  /** Allocates {@code perThread} numbers on each of {@code threads} threads; returns them all. */
  static List<Long> allocateConcurrently(
      ReceiptNumberAllocator allocator, ReceiptSeries series, int threads, int perThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<Long>>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(
            () -> {
              List<Long> mine = new ArrayList<>(perThread);
              for (int i = 0; i < perThread; i++) {
                mine.add(allocator.allocate(series));
              }
              return mine;
            });
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : pool.invokeAll(tasks)) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Checks that the numbers are exactly 1..n, each once. */
  static void assertExactlyOneTo(List<Long> numbers, int n) {
    assertThat(numbers).hasSize(n);
    assertThat(numbers.stream().sorted().toList())
        .isEqualTo(LongStream.rangeClosed(1, n).boxed().toList());
  }
}
