package io.github.motcua.examples;

import io.github.motcua.signing.CmsSigner;
import io.github.motcua.signing.CmsVerifier;
import io.github.motcua.signing.HttpTimestampAuthority;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.SignatureReport;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Signs the result document of a dossier (kết quả giải quyết hồ sơ) as the commune's People's
 * Committee, time-stamps it (CAdES-T), and prints the verification report. The certificate, its CA,
 * the revocation services and the time-stamp authority come from the test kit's sandbox; in
 * production the key is a USB token ({@code Pkcs11SigningKey}) or a PKCS#12 file and the trust
 * anchor the national root.
 */
public final class SignResultExample {

  private SignResultExample() {}

  /**
   * Runs the example.
   *
   * @param out where the report goes
   */
  public static void run(PrintStream out) {
    try (TestPki pki = TestPki.builder().build();
        TimestampAuthorityFake tsa = TimestampAuthorityFake.builder(pki).build()) {
      byte[] result =
          ("QUYẾT ĐỊNH cấp giấy phép xây dựng — hồ sơ 000.00.31.H56-250815-0001\n"
                  + "Ủy ban nhân dân phường Yên Hòa quyết định cấp phép ...")
              .getBytes(StandardCharsets.UTF_8);

      SigningKey key =
          KeyStoreSigningKey.of(
              pki.organisationSigner().privateKey(), pki.organisationSigner().chain());
      byte[] signature =
          CmsSigner.builder()
              .key(key)
              .timestampAuthority(HttpTimestampAuthority.builder().url(tsa.url()).build())
              .build()
              .sign(result);

      SignatureReport report =
          CmsVerifier.builder()
              .trustAnchors(TrustAnchors.of(pki.trustAnchors()))
              .build()
              .verify(signature, result);

      out.println(
          "Signed result document: "
              + result.length
              + " bytes, signature "
              + signature.length
              + " bytes (detached CAdES-T)");
      out.println(report);
    }
  }

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }
}
