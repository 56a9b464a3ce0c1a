package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.testkit.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir Path dir;

  @Test
  void loadsTheOnlyKeyOfAPkcs12File() {
    Path file = PKI.organisationSigner().writePkcs12(dir.resolve("signer.p12"), PASSWORD);

    KeyStoreSigningKey key = KeyStoreSigningKey.builder().pkcs12(file, PASSWORD).build();

    assertThat(key.certificate()).isEqualTo(PKI.organisationSigner().certificate());
    assertThat(key.signatureScheme()).isEqualTo(SignatureScheme.RSA_PKCS1_V1_5);
  }

  @Test
  void wrongPasswordHasItsOwnCode() {
    Path file = PKI.organisationSigner().writePkcs12(dir.resolve("signer.p12"), PASSWORD);

    assertThatThrownBy(
            () -> KeyStoreSigningKey.builder().pkcs12(file, "s3cret-typo".toCharArray()).build())
        .isInstanceOfSatisfying(
            MotcuaException.class,
            e -> {
              assertThat(e.code()).isEqualTo("signing-key.password");
              assertThat(e.getMessage()).doesNotContain("s3cret-typo").doesNotContain("changeit");
            });
  }

  @Test
  void unknownAliasIsNotFound() {
    assertThatThrownBy(
            () ->
                KeyStoreSigningKey.builder()
                    .keyStore(PKI.organisationSigner().keyStore(PASSWORD), PASSWORD)
                    .alias("nobody")
                    .build())
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("signing-key.not-found"));
  }

  @Test
  void ecKeyCannotSignWithPss() {
    assertThatThrownBy(
            () ->
                KeyStoreSigningKey.builder()
                    .keyStore(PKI.ecSigner().keyStore(PASSWORD), PASSWORD)
                    .signatureScheme(SignatureScheme.RSA_PSS)
                    .build())
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("signing-key.unsupported"));
  }

  @Test
  void wrongDigestLengthIsRefused() {
    SigningKey key = Fixtures.key(PKI.organisationSigner());

    assertThatThrownBy(() -> key.signDigest(new byte[20], DigestAlgorithm.SHA256))
        .isInstanceOfSatisfying(
            MotcuaException.class,
            e -> assertThat(e.code()).isEqualTo("signing-key.digest-length"));
  }

  private RemoteSigningKey remote(RemoteSigningService service, Duration timeout) {
    return RemoteSigningKey.builder()
        .service(service)
        .certificateChain(PKI.ecSigner().chain())
        .timeout(timeout)
        .build();
  }

  @Test
  void remoteServiceSignaturesVerify() {
    SigningKey local = Fixtures.key(PKI.ecSigner());
    RemoteSigningKey key =
        remote(
            request ->
                CompletableFuture.supplyAsync(
                    () -> local.signDigest(request.digest(), request.algorithm())),
            Duration.ofSeconds(10));

    byte[] cms =
        CmsSigner.builder().key(key).clock(Fixtures.SIGNING_CLOCK).build().sign(Fixtures.CONTENT);

    assertThat(
            Fixtures.verifier(PKI, RevocationPolicy.NONE).verify(cms, Fixtures.CONTENT).verdict())
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void remoteServiceThatNeverAnswersTimesOut() {
    CompletableFuture<byte[]> never = new CompletableFuture<>();
    RemoteSigningKey key = remote(request -> never, Duration.ofMillis(50));

    assertThatThrownBy(() -> key.signDigest(new byte[32], DigestAlgorithm.SHA256))
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("signing-key.timeout"));
    assertThat(never).isCancelled();
  }

  @Test
  void remoteServiceSigningWithAnotherKeyIsCaught() {
    SigningKey other = Fixtures.key(PKI.ecP384Signer());
    RemoteSigningKey key =
        remote(
            request ->
                CompletableFuture.completedFuture(
                    other.signDigest(
                        DigestAlgorithm.SHA384.digest(request.digest()), DigestAlgorithm.SHA384)),
            Duration.ofSeconds(5));

    assertThatThrownBy(() -> key.signDigest(new byte[32], DigestAlgorithm.SHA256))
        .isInstanceOfSatisfying(
            MotcuaException.class,
            e -> assertThat(e.code()).isEqualTo("signing-key.signature-mismatch"));
  }

  @Test
  void remoteServiceRefusalIsAFailure() {
    RemoteSigningKey key =
        remote(
            request -> CompletableFuture.failedFuture(new IllegalStateException("user declined")),
            Duration.ofSeconds(5));

    assertThatThrownBy(() -> key.signDigest(new byte[32], DigestAlgorithm.SHA256))
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("signing-key.failed"));
  }
}
