package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.testkit.Interop;
import io.github.motcua.testkit.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signs with keys generated inside a real PKCS#11 token (SoftHSM2) through {@link
 * Pkcs11SigningKey}. Skipped, visibly, when SoftHSM2 is not installed. The token lives under
 * target/softhsm (SOFTHSM2_CONF is set by the surefire configuration).
 */
class Pkcs11SoftHsmTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  private static final char[] PIN = "123456".toCharArray();
  private static Provider setup;

  @BeforeAll
  static void initialiseToken() throws Exception {
    String conf = System.getenv("SOFTHSM2_CONF");
    Interop.fromSystemProperty()
        .require(
            Files.isReadable(LIBRARY) && conf != null && Interop.onPath("softhsm2-util"),
            "SoftHSM2 (softhsm2-util, " + LIBRARY + ", SOFTHSM2_CONF)",
            "softhsm2",
            "the PKCS#11 test");
    Path confFile = Path.of(conf);
    Path tokens = confFile.resolveSibling("tokens");
    deleteRecursively(confFile.getParent());
    Files.createDirectories(tokens);
    Files.writeString(
        confFile,
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
        StandardCharsets.UTF_8);
    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        "motcua",
        "--pin",
        "123456",
        "--so-pin",
        "654321");

    // Generate keys inside the token with the JDK and store their certificates next to them.
    setup =
        Security.getProvider("SunPKCS11")
            .configure(
                "--name = motcua-setup\nlibrary = "
                    + LIBRARY
                    + "\nslotListIndex = 0\n"
                    + "attributes(generate, *, *) = {\n  CKA_TOKEN = true\n}\n");
    KeyStore store = KeyStore.getInstance("PKCS11", setup);
    store.load(null, PIN);
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", setup);
    rsa.initialize(2048);
    store(store, "rsa", rsa.generateKeyPair(), "C=VN,CN=Token RSA,UID=MST:0100233488");
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", setup);
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    store(store, "ec", ec.generateKeyPair(), "C=VN,CN=Token EC,UID=CCCD:001203001234");
  }

  private static void store(KeyStore store, String alias, KeyPair keys, String subject)
      throws Exception {
    List<X509Certificate> chain = PKI.certify(keys.getPublic(), subject);
    store.setKeyEntry(alias, keys.getPrivate(), null, chain.toArray(new Certificate[0]));
  }

  @AfterAll
  static void logout() throws Exception {
    if (setup instanceof java.security.AuthProvider) {
      ((java.security.AuthProvider) setup).logout();
    }
  }

  private static Pkcs11SigningKey tokenKey(String alias, SignatureScheme scheme) {
    return Pkcs11SigningKey.builder()
        .library(LIBRARY)
        .slotListIndex(0)
        .pin(PIN)
        .alias(alias)
        .signatureScheme(scheme)
        .build();
  }

  private static SignatureReport signAndVerify(SigningKey key) {
    byte[] cms =
        CmsSigner.builder().key(key).clock(Fixtures.SIGNING_CLOCK).build().sign(Fixtures.CONTENT);
    return Fixtures.verifier(PKI, RevocationPolicy.REQUIRE).verify(cms, Fixtures.CONTENT);
  }

  @Test
  void tokenRsaKeySignsPkcs1() {
    try (Pkcs11SigningKey key = tokenKey("rsa", null)) {
      SignatureReport report = signAndVerify(key);

      assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    }
  }

  @Test
  void tokenRsaKeySignsPss() {
    try (Pkcs11SigningKey key = tokenKey("rsa", SignatureScheme.RSA_PSS)) {
      SignatureReport report = signAndVerify(key);

      assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    }
  }

  @Test
  void tokenEcKeySigns() {
    try (Pkcs11SigningKey key = tokenKey("ec", null)) {
      SignatureReport report = signAndVerify(key);

      assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
      assertThat(report.signers().get(0).signer().orElseThrow().personalId()).isPresent();
    }
  }

  @Test
  void wrongPinIsReported() {
    assertThatThrownBy(
            () ->
                Pkcs11SigningKey.builder()
                    .library(LIBRARY)
                    .slotListIndex(0)
                    .pin("000000".toCharArray())
                    .alias("rsa")
                    .build())
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("signing-key.password"));
  }

  @Test
  void missingLibraryMeansNoToken() {
    assertThatThrownBy(
            () ->
                Pkcs11SigningKey.builder()
                    .library(Path.of("/nonexistent/libpkcs11.so"))
                    .pin(PIN)
                    .build())
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("signing-key.token-absent"));
  }

  @Test
  void emptySlotMeansNoToken() {
    assertThatThrownBy(
            () -> Pkcs11SigningKey.builder().library(LIBRARY).slot(987654L).pin(PIN).build())
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("signing-key.token-absent"));
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
