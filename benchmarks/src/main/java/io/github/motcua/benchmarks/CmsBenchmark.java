package io.github.motcua.benchmarks;

import io.github.motcua.signing.CmsSigner;
import io.github.motcua.signing.CmsVerifier;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.RevocationPolicy;
import io.github.motcua.signing.SignatureReport;
import io.github.motcua.signing.TrustAnchors;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CmsSigner and CmsVerifier against raw BouncyCastle doing the same work with the same key:
 * detached CAdES-BES signatures (content-type, signing-time, message-digest,
 * signing-certificate-v2) over 1 KiB and 1 MiB, RSA-2048 and ECDSA P-256, SHA-256.
 *
 * <p>Verification with the full chain ({@code verify}): motcua checks digest, signature value, the
 * signing-certificate reference, chain to the root trust anchor, key usage and validity (revocation
 * off: no network) and writes a report; raw BC checks digest and signature value ({@code
 * SignerInformation.verify}), the certificate's signature against the root, its key usage and
 * validity. Without a chain ({@code verifyNoChain}): motcua trusts the signer's certificate itself
 * as the anchor, raw BC checks digest and signature value only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CmsBenchmark {

  @Param({"RSA", "EC"})
  public String key;

  @Param({"1024", "1048576"})
  public int size;

  private byte[] content;
  private CmsBenchmarkKeys keys;
  private CmsSigner motcuaSigner;
  private CmsVerifier motcuaVerifier;
  private CmsVerifier motcuaDirectVerifier;
  private CMSSignedDataGenerator bcGenerator;
  private byte[] signature;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    content = new byte[size];
    new Random(42).nextBytes(content);
    keys = new CmsBenchmarkKeys(key);
    motcuaSigner =
        CmsSigner.builder()
            .key(KeyStoreSigningKey.of(keys.signerKeys.getPrivate(), keys.chain()))
            .build();
    motcuaVerifier =
        CmsVerifier.builder()
            .trustAnchors(TrustAnchors.of(keys.root))
            .revocationPolicy(RevocationPolicy.NONE)
            .build();
    motcuaDirectVerifier =
        CmsVerifier.builder()
            .trustAnchors(TrustAnchors.of(keys.signer))
            .revocationPolicy(RevocationPolicy.NONE)
            .build();
    bcGenerator = bcGenerator();
    signature = motcuaSigner.sign(content);
  }

  private CMSSignedDataGenerator bcGenerator() throws Exception {
    byte[] certHash = MessageDigest.getInstance("SHA-256").digest(keys.signer.getEncoded());
    ASN1EncodableVector extra = new ASN1EncodableVector();
    extra.add(
        new Attribute(
            PKCSObjectIdentifiers.id_aa_signingCertificateV2,
            new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certHash)}))));
    String algorithm = key.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(
        new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
            .setSignedAttributeGenerator(
                new DefaultSignedAttributeTableGenerator(new AttributeTable(extra)))
            .build(
                new JcaContentSignerBuilder(algorithm).build(keys.signerKeys.getPrivate()),
                keys.signer));
    generator.addCertificates(new JcaCertStore(java.util.List.of(keys.signer)));
    return generator;
  }

  /** motcua: CAdES-BES detached signature. */
  @Benchmark
  public byte[] signMotcua() {
    return motcuaSigner.sign(content);
  }

  /** BouncyCastle: the same signed attributes, detached. */
  @Benchmark
  public byte[] signRaw() throws Exception {
    return bcGenerator.generate(new CMSProcessableByteArray(content), false).getEncoded();
  }

  /** motcua: every check, chain to the root. */
  @Benchmark
  public SignatureReport verifyMotcua() {
    return check(motcuaVerifier.verify(signature, content));
  }

  /** BouncyCastle: signer info, then the certificate against the root. */
  @Benchmark
  public boolean verifyRaw() throws Exception {
    boolean valid = verifySignerInfos();
    keys.signer.verify(keys.root.getPublicKey());
    keys.signer.checkValidity();
    return valid && keys.signer.getKeyUsage()[0];
  }

  /** motcua: every check, the signer's certificate trusted directly. */
  @Benchmark
  public SignatureReport verifyNoChainMotcua() {
    return check(motcuaDirectVerifier.verify(signature, content));
  }

  /** BouncyCastle: signer info only. */
  @Benchmark
  public boolean verifyNoChainRaw() throws Exception {
    return verifySignerInfos();
  }

  private boolean verifySignerInfos() throws Exception {
    CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
    Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
    boolean valid = true;
    for (SignerInformation signer : signers) {
      valid &= signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(keys.signer));
    }
    return valid;
  }

  private static SignatureReport check(SignatureReport report) {
    if (!report.isValid()) {
      throw new IllegalStateException("The benchmark's signature does not verify: " + report);
    }
    return report;
  }
}
