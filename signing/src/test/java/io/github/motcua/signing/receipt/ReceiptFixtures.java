package io.github.motcua.signing.receipt;

import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.RevocationPolicy;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.xml.XmlSignatureVerifier;
import io.github.motcua.testkit.TestPki;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;

/** A test PKI, issuers and verifiers for the receipt tests, all on the sample receipt's clock. */
final class ReceiptFixtures {

  static final Clock CLOCK = Clock.fixed(SampleReceipts.ISSUED_AT, ZoneOffset.UTC);
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private ReceiptFixtures() {}

  static TestPki pki() {
    return TestPki.builder().clock(CLOCK).build();
  }

  static SigningKey key(TestPki.Credential credential) {
    return KeyStoreSigningKey.of(credential.privateKey(), credential.chain());
  }

  static JdbcReceiptNumberAllocator allocator() {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:mem:receipts" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    return JdbcReceiptNumberAllocator.builder().dataSource(pool).clock(CLOCK).build();
  }

  static EReceiptIssuer issuer(SigningKey key, ReceiptNumberAllocator allocator) {
    return EReceiptIssuer.builder()
        .collectingUnit(SampleReceipts.UNIT)
        .series(SampleReceipts.SERIES)
        .allocator(allocator)
        .signingKey(key)
        .clock(CLOCK)
        .random(new Random(7))
        .build();
  }

  static EReceiptVerifier verifier(TestPki pki) {
    return EReceiptVerifier.builder()
        .xmlVerifier(
            XmlSignatureVerifier.builder()
                .trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                .revocationPolicy(RevocationPolicy.REQUIRE)
                .clock(CLOCK)
                .build())
        .build();
  }

  static ReceiptRequest request() {
    return new ReceiptRequest(
        SampleReceipts.PAYER,
        SampleReceipts.receipt().dossierCode().orElseThrow(),
        List.of(
            Fee.charge("LP-HT-01", "Lệ phí đăng ký khai sinh", Vnd.of(8_000)),
            Fee.fee("P-SAO-02", "Phí cấp bản sao trích lục", Vnd.of(1_276_000))),
        PaymentMethod.ONLINE_PAYMENT_PLATFORM,
        "DVC2508150001234");
  }
}
