package io.github.motcua.benchmarks;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A root CA and one end-entity key (RSA-2048 or ECDSA P-256) shared by both sides of a benchmark.
 */
final class CmsBenchmarkKeys {

  final X509Certificate root;
  final X509Certificate signer;
  final KeyPair signerKeys;

  CmsBenchmarkKeys(String keyType) throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair rootKeys = rsa.generateKeyPair();
    if (keyType.equals("EC")) {
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(new ECGenParameterSpec("secp256r1"));
      signerKeys = ec.generateKeyPair();
    } else {
      signerKeys = rsa.generateKeyPair();
    }
    Instant now = Instant.now();
    X500Name rootName = new X500Name("C=VN,O=motcua benchmarks,CN=Benchmark Root");
    root = certificate(rootName, rootName, rootKeys, rootKeys, now, true, KeyUsage.keyCertSign);
    signer =
        certificate(
            rootName,
            new X500Name("C=VN,CN=Benchmark Signer,UID=MST:0100233488"),
            rootKeys,
            signerKeys,
            now,
            false,
            KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
  }

  List<X509Certificate> chain() {
    return List.of(signer, root);
  }

  private static X509Certificate certificate(
      X500Name issuer,
      X500Name subject,
      KeyPair issuerKeys,
      KeyPair subjectKeys,
      Instant now,
      boolean ca,
      int usage)
      throws Exception {
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(ca ? 1 : 2),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(365))),
            subject,
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
  }
}
