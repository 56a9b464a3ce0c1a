package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.id.TaxCode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcReceiptNumberAllocatorTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-08-15T02:30:00Z"), ZoneOffset.UTC);
  private static final ReceiptSeries SERIES = SampleReceipts.SERIES;

  private final List<JdbcConnectionPool> pools = new ArrayList<>();

  @AfterEach
  void closePools() {
    pools.forEach(JdbcConnectionPool::dispose);
  }

  private JdbcConnectionPool memoryPool() {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:mem:alloc" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    pools.add(pool);
    return pool;
  }

  private JdbcReceiptNumberAllocator allocator(JdbcConnectionPool pool) {
    return JdbcReceiptNumberAllocator.builder().dataSource(pool).clock(CLOCK).build();
  }

  @Test
  void startsEachSeriesAtOneAndCountsUp() {
    JdbcReceiptNumberAllocator a = allocator(memoryPool());
    ReceiptSeries other = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "01BLP0-001", "AC/25E");
    assertThat(a.allocate(SERIES)).isEqualTo(1);
    assertThat(a.allocate(SERIES)).isEqualTo(2);
    assertThat(a.allocate(other)).isEqualTo(1);
    assertThat(a.allocate(SERIES)).isEqualTo(3);
  }

  @Test
  void keepsSeriesOfDifferentUnitsApart() {
    JdbcReceiptNumberAllocator a = allocator(memoryPool());
    ReceiptSeries sameSymbolsOtherUnit =
        ReceiptSeries.of(TaxCode.parse("0314409058"), "01BLP0-001", "AB/25E");
    a.allocate(SERIES);
    assertThat(a.allocate(sameSymbolsOtherUnit)).isEqualTo(1);
  }

  @Test
  void eightThreadsOfAThousandGetExactlyOneToEightThousand() throws Exception {
    JdbcReceiptNumberAllocator a = allocator(memoryPool());
    List<Long> numbers = AllocatorContract.allocateConcurrently(a, SERIES, 8, 1_000);
    AllocatorContract.assertExactlyOneTo(numbers, 8_000);
    assertThat(a.allocate(SERIES)).isEqualTo(8_001);
  }

  @Test
  void continuesWithoutGapOrReuseAfterARestart(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("receipts").toAbsolutePath();
    JdbcConnectionPool before = JdbcConnectionPool.create(url, "sa", "");
    List<Long> numbers =
        new ArrayList<>(AllocatorContract.allocateConcurrently(allocator(before), SERIES, 8, 500));
    try (Connection c = before.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
    before.dispose();

    JdbcConnectionPool after = JdbcConnectionPool.create(url, "sa", "");
    pools.add(after);
    numbers.addAll(AllocatorContract.allocateConcurrently(allocator(after), SERIES, 8, 500));

    AllocatorContract.assertExactlyOneTo(numbers, 8_000);
    assertThat(countRecords(after)).isEqualTo(8_000);
  }

  @Test
  void createsItsTablesInAnEmptyH2FileThroughAJdbcUrl(@TempDir Path dir) {
    JdbcReceiptNumberAllocator a =
        JdbcReceiptNumberAllocator.builder().h2File(dir.resolve("r")).clock(CLOCK).build();
    assertThat(a.allocate(SERIES)).isEqualTo(1);
    assertThat(a.find(SERIES, 1)).isPresent();
    assertThat(dir.resolve("r.mv.db")).exists();
  }

  @Test
  void recordsEachAllocatedNumber() {
    JdbcReceiptNumberAllocator a = allocator(memoryPool());
    a.allocate(SERIES);
    AllocatedNumber record = a.find(SERIES, 1).orElseThrow();
    assertThat(record.status()).isEqualTo(AllocatedNumber.Status.ALLOCATED);
    assertThat(record.allocatedAt()).isEqualTo(CLOCK.instant());
    assertThat(record.cancelled()).isEmpty();
    assertThat(a.find(SERIES, 2)).isEmpty();
  }

  @Test
  void aCancelledNumberStaysOnRecordAndIsNeverReused() {
    JdbcReceiptNumberAllocator a = allocator(memoryPool());
    a.allocate(SERIES);
    a.allocate(SERIES);
    a.cancel(SERIES, 2, "Signing failed: token removed");

    AllocatedNumber record = a.find(SERIES, 2).orElseThrow();
    assertThat(record.status()).isEqualTo(AllocatedNumber.Status.CANCELLED);
    assertThat(record.cancelReason()).isEqualTo("Signing failed: token removed");
    assertThat(record.cancelled()).contains(CLOCK.instant());
    assertThat(a.allocate(SERIES)).isEqualTo(3);
  }

  @Test
  void refusesToCancelANumberNeverAllocated() {
    JdbcReceiptNumberAllocator a = allocator(memoryPool());
    a.allocate(SERIES);
    assertThatThrownBy(() -> a.cancel(SERIES, 2, "typo"))
        .hasFieldOrPropertyWithValue("code", "receipt-number.unknown");
  }

  @Test
  void refusesToCancelTwice() {
    JdbcReceiptNumberAllocator a = allocator(memoryPool());
    a.allocate(SERIES);
    a.cancel(SERIES, 1, "issued in error");
    assertThatThrownBy(() -> a.cancel(SERIES, 1, "again"))
        .hasFieldOrPropertyWithValue("code", "receipt-number.already-cancelled");
  }

  @Test
  void refusesACancellationWithoutAReason() {
    JdbcReceiptNumberAllocator a = allocator(memoryPool());
    a.allocate(SERIES);
    assertThatThrownBy(() -> a.cancel(SERIES, 1, "  "))
        .hasFieldOrPropertyWithValue("code", "receipt-number.reason");
  }

  @Test
  void reportsAnUnreachableDatabaseAsAStorageFailure() {
    JdbcReceiptNumberAllocator a =
        JdbcReceiptNumberAllocator.builder().jdbcUrl("jdbc:nosuchdriver:x").build();
    assertThatThrownBy(() -> a.allocate(SERIES))
        .isInstanceOf(MotcuaException.class)
        .hasFieldOrPropertyWithValue("code", "receipt-number.storage");
  }

  @Test
  void refusesATablePrefixThatCouldInjectSql() {
    assertThatThrownBy(() -> JdbcReceiptNumberAllocator.builder().tablePrefix("x; DROP TABLE y"))
        .hasFieldOrPropertyWithValue("code", "receipt-number.settings");
  }

  private static long countRecords(JdbcConnectionPool pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM motcua_receipt_number")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
