package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.testkit.Interop;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The allocator on PostgreSQL. Runs when {@code MOTCUA_TEST_POSTGRES_URL} holds a JDBC URL with
 * user and password (.ci/run sets it); skipped with a message otherwise, failed under {@code
 * -Dmotcua.requireInterop=true}. Each run uses its own tables.
 */
class PostgresReceiptNumberAllocatorTest {

  private final List<FixedConnectionPool> pools = new ArrayList<>();
  private String url;
  private String prefix;

  @BeforeEach
  void requirePostgres() {
    url = Interop.fromSystemProperty().requirePostgres("the PostgreSQL receipt numbering tests");
    prefix = "t" + ProcessHandle.current().pid() + "_" + Long.toHexString(System.nanoTime()) + "_";
  }

  @AfterEach
  void dropTables() throws Exception {
    if (url == null || url.isBlank()) {
      return;
    }
    for (FixedConnectionPool pool : pools) {
      pool.close();
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + prefix + "receipt_number");
      s.execute("DROP TABLE IF EXISTS " + prefix + "receipt_series");
    }
  }

  private JdbcReceiptNumberAllocator allocator() throws Exception {
    // A gap-free counter serialises its transactions on the counter row, so each allocation waits
    // for the previous commit's disk flush (about 6 ms here, 50 s for 8,000). The test does not
    // exercise durability, only ordering, so it lets this session's commits return before the
    // flush. The allocator never does this: a production database must flush every allocation.
    FixedConnectionPool pool = new FixedConnectionPool(url, 8, "SET synchronous_commit = off");
    pools.add(pool);
    return JdbcReceiptNumberAllocator.builder().dataSource(pool).tablePrefix(prefix).build();
  }

  @Test
  void worksThroughAPlainJdbcUrl() {
    JdbcReceiptNumberAllocator a =
        JdbcReceiptNumberAllocator.builder().jdbcUrl(url).tablePrefix(prefix).build();
    assertThat(a.allocate(SampleReceipts.SERIES)).isEqualTo(1);
    assertThat(a.allocate(SampleReceipts.SERIES)).isEqualTo(2);
  }

  @Test
  void eightThreadsOfAThousandGetExactlyOneToEightThousand() throws Exception {
    List<Long> numbers =
        AllocatorContract.allocateConcurrently(allocator(), SampleReceipts.SERIES, 8, 1_000);
    AllocatorContract.assertExactlyOneTo(numbers, 8_000);
  }

  @Test
  void aNewAllocatorContinuesWhereTheLastOneStopped() throws Exception {
    List<Long> numbers =
        new ArrayList<>(
            AllocatorContract.allocateConcurrently(allocator(), SampleReceipts.SERIES, 4, 50));
    numbers.addAll(
        AllocatorContract.allocateConcurrently(allocator(), SampleReceipts.SERIES, 4, 50));
    AllocatorContract.assertExactlyOneTo(numbers, 400);
  }

  @Test
  void aCancelledNumberStaysOnRecord() throws Exception {
    JdbcReceiptNumberAllocator a = allocator();
    a.allocate(SampleReceipts.SERIES);
    a.cancel(SampleReceipts.SERIES, 1, "issued in error");
    assertThat(a.find(SampleReceipts.SERIES, 1).orElseThrow().status())
        .isEqualTo(AllocatedNumber.Status.CANCELLED);
    assertThat(a.allocate(SampleReceipts.SERIES)).isEqualTo(2);
  }

  // Decree 254/2026 Art. 23(2): numbers start at 1 on 1 January; the year-led symbol makes each
  // year a series of its own, so the counter restarts without touching the old year's.
  @Test
  void acrossNewYearEachYearRunsFromOneWithoutGapAcrossRestarts() throws Exception {
    ReceiptRules rules = ReceiptRules.inForce();
    ReceiptSeries eve =
        rules.seriesOn(NewRegimeIssuingTest.SERIES, NewRegimeIssuingTest.NEW_YEARS_EVE);
    ReceiptSeries newYear =
        rules.seriesOn(NewRegimeIssuingTest.SERIES, NewRegimeIssuingTest.NEW_YEAR);
    assertThat(newYear.seriesSymbol()).isEqualTo("27TAB");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      JdbcReceiptNumberAllocator first = allocator();
      var a = pool.submit(() -> AllocatorContract.allocateConcurrently(first, eve, 4, 50));
      var b = pool.submit(() -> AllocatorContract.allocateConcurrently(first, newYear, 4, 50));
      List<Long> eveNumbers = new ArrayList<>(a.get());
      List<Long> newYearNumbers = new ArrayList<>(b.get());
      JdbcReceiptNumberAllocator restarted = allocator();
      newYearNumbers.addAll(AllocatorContract.allocateConcurrently(restarted, newYear, 4, 25));
      AllocatorContract.assertExactlyOneTo(eveNumbers, 200);
      AllocatorContract.assertExactlyOneTo(newYearNumbers, 300);
      restarted.recordCorrection(newYear, 7, AllocatedNumber.Status.REPLACED, "wrong payer");
      assertThat(first.find(newYear, 7).orElseThrow().status())
          .isEqualTo(AllocatedNumber.Status.REPLACED);
    } finally {
      pool.shutdownNow();
    }
  }
}
