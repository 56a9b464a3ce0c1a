package io.github.motcua.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.testkit.PaymentPlatformFake;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The durable order store on H2, and on PostgreSQL when {@code MOTCUA_TEST_POSTGRES_URL} is set.
 */
class JdbcPaymentOrderStoreTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-08-15T02:30:12Z"), ZoneOffset.UTC);
  private static final DossierCode DOSSIER = DossierCode.parse("000.00.31.H56-250815-0001");
  private final List<Runnable> cleanUp = new ArrayList<>();

  static List<PaymentDatabases> databases() {
    return PaymentDatabases.available();
  }

  @AfterEach
  void dropTables() {
    cleanUp.forEach(Runnable::run);
  }

  private JdbcPaymentOrderStore store(PaymentDatabases db, DataSource ds, String prefix) {
    if (db == PaymentDatabases.POSTGRESQL) {
      cleanUp.add(() -> PaymentDatabases.drop(ds, prefix));
    }
    return JdbcPaymentOrderStore.builder()
        .dataSource(ds)
        .tablePrefix(prefix)
        .build()
        .createSchemaIfMissing();
  }

  private static PaymentRequest order(String reference) {
    return new PaymentRequest(
            reference,
            DOSSIER,
            List.of(Fee.charge("LP01", "Lệ phí hộ tịch", Vnd.of(50_000))),
            Payer.of("Nguyễn Văn An", PersonalId.parse("038090001234"), null, "Thanh Hóa"),
            "Nop le phi",
            "203.0.113.7",
            "NCB")
        .withReceipt(ReceiptDetails.procedure("1.001193", "Khai sinh", "", ""));
  }

  private static PaymentPlatformClient client(PaymentPlatformFake fake, PaymentOrderStore store) {
    return PaymentPlatformClient.builder()
        .baseUrl(fake.baseUrl())
        .partnerCode(fake.partnerCode())
        .secretKey(fake.secretKey())
        .orderStore(store)
        .clock(CLOCK)
        .retryPolicy(RetryPolicy.builder().sleeper(d -> {}).build())
        .build();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anOrderReadBackIsTheOrderSaved(PaymentDatabases db) {
    JdbcPaymentOrderStore store = store(db, db.dataSource(), PaymentDatabases.uniquePrefix());
    PaymentOrder saved =
        store.save(PaymentOrder.open(order("20250815093012000001"), CLOCK.instant()));
    PaymentOrder read = store.find("20250815093012000001").orElseThrow();
    assertThat(read).isEqualTo(saved);
    assertThat(read.request().receipt().procedureCode()).isEqualTo("1.001193");
    assertThat(store.find("20250815093012000999")).isEmpty();
    // A second save keeps the first order and its time.
    PaymentOrder again =
        store.save(
            PaymentOrder.open(order("20250815093012000001"), CLOCK.instant().plusSeconds(60)));
    assertThat(again.requestedAt()).isEqualTo(CLOCK.instant());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void restartBetweenInitiatingAndConfirmingStillVerifiesTheCallback(PaymentDatabases db) {
    DataSource ds = db.dataSource();
    String prefix = PaymentDatabases.uniquePrefix();
    try (PaymentPlatformFake fake = PaymentPlatformFake.builder().clock(CLOCK).start()) {
      client(fake, store(db, ds, prefix)).initiate(order("20250815093012000002"));
      // The process restarts: a new client on the same database.
      PaymentPlatformClient restarted = client(fake, store(db, ds, prefix));
      Map<String, String> callback = fake.pay("20250815093012000002");
      CallbackOutcome outcome = restarted.handleCallback(callback);
      assertThat(outcome.accepted()).isTrue();
      assertThat(outcome.settledNow()).isTrue();
      assertThat(outcome.confirmation().amount()).isEqualTo(Vnd.of(50_000));
      // And again after another restart: the repeat is recognised, not settled twice.
      CallbackOutcome repeat = client(fake, store(db, ds, prefix)).handleCallback(callback);
      assertThat(repeat.settledNow()).isFalse();
      assertThat(repeat.confirmation()).isEqualTo(outcome.confirmation());
      PaymentOrder stored = restarted.order("20250815093012000002").orElseThrow();
      assertThat(stored.state()).isEqualTo(PaymentOrder.State.PAID);
      assertThat(stored.settledBy()).isEqualTo(PaymentOrder.Settlement.CALLBACK);
      // A forged callback is refused after the restart as before.
      assertThat(
              PaymentPlatformClientTestSupport.refusal(
                  restarted, fake.forgedCallback("20250815093012000002")))
          .isEqualTo("payment.callback.checksum");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void concurrentSettlementsOfOneOrderSettleItOnce(PaymentDatabases db) throws Exception {
    DataSource ds = db.dataSource();
    String prefix = PaymentDatabases.uniquePrefix();
    JdbcPaymentOrderStore first = store(db, ds, prefix);
    first.save(PaymentOrder.open(order("20250815093012000003"), CLOCK.instant()));
    PaymentConfirmation c =
        new PaymentConfirmation(
            "20250815093012000003", "GD1", Vnd.of(50_000), "NCB", CLOCK.instant(), "00", true);
    AtomicInteger wins = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        // Several instances: each with its own store object on the shared table.
        JdbcPaymentOrderStore instance = store(db, ds, prefix);
        tasks.add(
            () -> {
              if (instance.settle(c, PaymentOrder.Settlement.CALLBACK, CLOCK.instant())) {
                wins.incrementAndGet();
              }
              return null;
            });
      }
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(wins.get()).isEqualTo(1);
    assertThat(first.expire("20250815093012000003", CLOCK.instant())).isFalse();
    assertThat(first.counts()).containsEntry(PaymentOrder.State.PAID, 1L);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void openOrdersComeLeastCheckedFirstAndExpiredOnesLeave(PaymentDatabases db) {
    JdbcPaymentOrderStore store = store(db, db.dataSource(), PaymentDatabases.uniquePrefix());
    Instant t = CLOCK.instant();
    store.save(PaymentOrder.open(order("20250815093012000004"), t));
    store.save(PaymentOrder.open(order("20250815093012000005"), t.plusSeconds(10)));
    store.save(PaymentOrder.open(order("20250815093012000006"), t.plusSeconds(3600)));
    store.checked("20250815093012000004", t);
    assertThat(store.open(t.plusSeconds(60), 10))
        .extracting(PaymentOrder::reference)
        .containsExactly("20250815093012000005", "20250815093012000004");
    assertThat(store.expire("20250815093012000005", t)).isTrue();
    assertThat(store.open(t.plusSeconds(60), 10))
        .extracting(PaymentOrder::reference)
        .containsExactly("20250815093012000004");
    assertThat(store.find("20250815093012000005").orElseThrow().state())
        .isEqualTo(PaymentOrder.State.EXPIRED);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void schemaCreationIsRepeatableAndTheShippedFileIsIdempotent(PaymentDatabases db)
      throws Exception {
    DataSource ds = db.dataSource();
    String prefix = PaymentDatabases.uniquePrefix();
    store(db, ds, prefix);
    store(db, ds, prefix).save(PaymentOrder.open(order("20250815093012000007"), CLOCK.instant()));
    assertThat(store(db, ds, prefix).find("20250815093012000007")).isPresent();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aCorruptRowIsATypedErrorNotAWrongOrder(PaymentDatabases db) throws Exception {
    DataSource ds = db.dataSource();
    String prefix = PaymentDatabases.uniquePrefix();
    JdbcPaymentOrderStore store = store(db, ds, prefix);
    store.save(PaymentOrder.open(order("20250815093012000008"), CLOCK.instant()));
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("UPDATE " + prefix + "payment_order SET order_json = '{not json'");
    }
    assertThatThrownBy(() -> store.find("20250815093012000008"))
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("payment.store"))
        .hasMessageNotContaining("Nguyễn");
  }

  @Test
  void aClientWithoutAStoreIsRefusedAndADataSourceGivesTheDurableOne() {
    assertThatThrownBy(
            () ->
                PaymentPlatformClient.builder()
                    .baseUrl("http://127.0.0.1:9")
                    .partnerCode("P")
                    .secretKey("k")
                    .build())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("portal.config.payment.order-store"));
    PaymentPlatformClient client =
        PaymentPlatformClient.builder()
            .baseUrl("http://127.0.0.1:9")
            .partnerCode("P")
            .secretKey("k")
            .dataSource(PaymentDatabases.H2.dataSource())
            .build();
    assertThat(client.orderStore()).isInstanceOf(JdbcPaymentOrderStore.class);
    assertThatThrownBy(() -> JdbcPaymentOrderStore.builder().tablePrefix("Bad-Prefix"))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void aReferenceCannotBeReusedForAnotherOrder() {
    try (PaymentPlatformFake fake = PaymentPlatformFake.builder().clock(CLOCK).start()) {
      PaymentPlatformClient client = client(fake, PaymentOrderStore.inMemory());
      client.initiate(order("20250815093012000009"));
      PaymentRequest other =
          PaymentRequest.of(
              "20250815093012000009",
              DOSSIER,
              List.of(Fee.charge("LP01", "Lệ phí", Vnd.of(1_000))),
              Payer.named("Trần Thị B"),
              "Nop le phi");
      assertThatThrownBy(() -> client.initiate(other))
          .isInstanceOfSatisfying(
              MotcuaException.class,
              e -> assertThat(e.code()).isEqualTo("payment.reference-reused"));
    }
  }

  @Test
  void refusesAnH2FileThatAcknowledgesCommitsItMayLose(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    // A lost settlement would leave a paid order open, to be settled a second time.
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("orders").toAbsolutePath() + ";WRITE_DELAY=500");
    assertThatThrownBy(
            () -> JdbcPaymentOrderStore.builder().dataSource(ds).build().createSchemaIfMissing())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("WRITE_DELAY is 500")
        .hasFieldOrPropertyWithValue("code", "payment.store.durability");
    JdbcPaymentOrderStore accepting =
        JdbcPaymentOrderStore.builder()
            .dataSource(ds)
            .acceptCommitLoss(true)
            .build()
            .createSchemaIfMissing();
    assertThat(accepting.find("none")).isEmpty();
  }
}
