package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenSSL, an independent implementation, accepts the signatures motcua makes. */
class OpenSslSignInteropTest {

  @RegisterExtension static final TestPki PKI = TestPki.builder().build();

  private static final byte[] CONTENT =
      "Quyết định cấp giấy phép xây dựng số 12/QĐ-UBND".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @BeforeAll
  static void requireOpenSsl() {
    OpenSsl.assumeAvailable();
  }

  static Stream<Arguments> keys() {
    List<Arguments> out = new ArrayList<>();
    for (boolean encapsulate : new boolean[] {false, true}) {
      for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
        out.add(Arguments.of("RSA", SignatureScheme.RSA_PKCS1_V1_5, algorithm, encapsulate));
      }
      out.add(Arguments.of("RSA", SignatureScheme.RSA_PSS, DigestAlgorithm.SHA256, encapsulate));
      out.add(Arguments.of("RSA", SignatureScheme.RSA_PSS, DigestAlgorithm.SHA512, encapsulate));
      out.add(Arguments.of("P-256", SignatureScheme.ECDSA, DigestAlgorithm.SHA256, encapsulate));
      out.add(Arguments.of("P-384", SignatureScheme.ECDSA, DigestAlgorithm.SHA384, encapsulate));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} encapsulated={3}")
  @MethodSource("keys")
  void openSslVerifiesMotcuaSignatures(
      String keyType, SignatureScheme scheme, DigestAlgorithm algorithm, boolean encapsulate)
      throws Exception {
    TestPki.Credential credential =
        switch (keyType) {
          case "P-256" -> PKI.ecSigner();
          case "P-384" -> PKI.ecP384Signer();
          default -> PKI.organisationSigner();
        };
    SigningKey key = KeyStoreSigningKey.of(credential.privateKey(), credential.chain(), scheme);
    byte[] cms =
        CmsSigner.builder()
            .key(key)
            .digestAlgorithm(algorithm)
            .encapsulate(encapsulate)
            .build()
            .sign(CONTENT);

    Path signature = Files.write(dir.resolve("sig.p7s"), cms);
    Path content = Files.write(dir.resolve("content.txt"), CONTENT);
    Path ca = Files.writeString(dir.resolve("ca.pem"), PKI.trustAnchorsPem());
    Path out = dir.resolve("out.txt");
    List<String> args =
        new ArrayList<>(
            List.of(
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                signature.toString(),
                "-CAfile",
                ca.toString(),
                "-out",
                out.toString()));
    if (!encapsulate) {
      args.addAll(List.of("-content", content.toString()));
    }
    OpenSsl.Result result = OpenSsl.run(args);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("Verification successful");
    assertThat(Files.readAllBytes(out)).isEqualTo(CONTENT);
  }
}
