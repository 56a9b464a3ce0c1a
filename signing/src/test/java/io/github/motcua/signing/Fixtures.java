package io.github.motcua.signing;

import io.github.motcua.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared fixed times and content for the signing tests. */
final class Fixtures {

  /** When the test PKI is built and documents are signed. */
  static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");

  static final Clock SIGNING_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The verifier looks an hour later. */
  static final Clock VERIFY_CLOCK = Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC);

  static final byte[] CONTENT =
      "Giấy chứng nhận quyền sử dụng đất — kết quả hồ sơ 000.00.31.H56-250815-0001"
          .getBytes(StandardCharsets.UTF_8);

  private Fixtures() {}

  static TestPki pki() {
    return TestPki.builder().clock(SIGNING_CLOCK).build();
  }

  static SigningKey key(TestPki.Credential credential) {
    return KeyStoreSigningKey.of(credential.privateKey(), credential.chain());
  }

  static CmsSigner signer(TestPki.Credential credential) {
    return CmsSigner.builder().key(key(credential)).clock(SIGNING_CLOCK).build();
  }

  static CmsVerifier verifier(TestPki pki, RevocationPolicy policy) {
    return CmsVerifier.builder()
        .trustAnchors(TrustAnchors.of(pki.trustAnchors()))
        .revocationPolicy(policy)
        .clock(VERIFY_CLOCK)
        .build();
  }
}
