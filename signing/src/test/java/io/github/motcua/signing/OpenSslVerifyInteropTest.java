package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.testkit.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** motcua's verifier accepts signatures made by OpenSSL, an independent implementation. */
class OpenSslVerifyInteropTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  @TempDir Path dir;

  @BeforeAll
  static void requireOpenSsl() {
    OpenSsl.assumeAvailable();
  }

  @ParameterizedTest(name = "{0} {1} detached={2}")
  @CsvSource({
    "RSA, sha256, true",
    "RSA, sha512, false",
    "RSA-PSS, sha256, true",
    "EC, sha256, true",
    "EC, sha384, false"
  })
  void verifiesOpenSslSignatures(String key, String digest, boolean detached) throws Exception {
    TestPki.Credential credential = key.equals("EC") ? PKI.ecSigner() : PKI.organisationSigner();
    Path content = Files.write(dir.resolve("content.txt"), Fixtures.CONTENT);
    Path cert = Files.writeString(dir.resolve("cert.pem"), credential.certificatePem());
    Path privateKey = Files.writeString(dir.resolve("key.pem"), credential.privateKeyPem());
    Path signature = dir.resolve("sig.der");
    List<String> args =
        new ArrayList<>(
            List.of(
                "cms",
                "-sign",
                "-binary",
                "-cades",
                "-in",
                content.toString(),
                "-signer",
                cert.toString(),
                "-inkey",
                privateKey.toString(),
                "-md",
                digest,
                "-outform",
                "DER",
                "-out",
                signature.toString()));
    if (!detached) {
      args.add("-nodetach");
    }
    if (key.equals("RSA-PSS")) {
      args.addAll(List.of("-keyopt", "rsa_padding_mode:pss"));
    }
    OpenSsl.Result result = OpenSsl.run(args);
    assertThat(result.exitCode()).as(result.output()).isZero();

    byte[] cms = Files.readAllBytes(signature);
    // OpenSSL embeds only the signer's certificate: the verifier is given the intermediate.
    CmsVerifier verifier =
        CmsVerifier.builder()
            .trustAnchors(TrustAnchors.fromPem(PKI.trustAnchorsPem()))
            .intermediates(List.of(PKI.intermediateCertificate()))
            .revocationPolicy(RevocationPolicy.REQUIRE)
            .clock(Fixtures.VERIFY_CLOCK)
            .build();
    SignatureReport report =
        detached ? verifier.verify(cms, Fixtures.CONTENT) : verifier.verify(cms);

    assertThat(report.signers()).as(report.toString()).hasSize(1);
    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    assertThat(report.signers().get(0).check(CheckType.SIGNATURE_VALUE).orElseThrow().reason())
        .isEqualTo(ReasonCode.SIGNATURE_VALUE_VALID);
    assertThat(report.signers().get(0).check(CheckType.CONTENT_DIGEST).orElseThrow().reason())
        .isEqualTo(ReasonCode.CONTENT_DIGEST_MATCHES);
    assertThat(report.signers().get(0).check(CheckType.CERTIFICATE_CHAIN).orElseThrow().reason())
        .isEqualTo(ReasonCode.CHAIN_TRUSTED);
  }
}
