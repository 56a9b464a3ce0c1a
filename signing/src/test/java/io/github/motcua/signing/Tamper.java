package io.github.motcua.signing;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;

/** Rewrites parts of a CMS signature, for hostile-input tests. */
final class Tamper {

  private Tamper() {}

  static byte[] signerInfo(byte[] cms, UnaryOperator<SignerInfo> change) {
    return signerInfos(
        cms,
        set -> {
          ASN1EncodableVector v = new ASN1EncodableVector();
          for (ASN1Encodable element : set) {
            v.add(change.apply(SignerInfo.getInstance(element)));
          }
          return new DERSet(v);
        });
  }

  /** Replaces each signer's signed attributes with what {@code change} makes of them. */
  static byte[] signedAttributes(byte[] cms, UnaryOperator<ASN1Set> change) {
    return signerInfo(
        cms,
        si ->
            new SignerInfo(
                si.getSID(),
                si.getDigestAlgorithm(),
                change.apply(si.getAuthenticatedAttributes()),
                si.getDigestEncryptionAlgorithm(),
                si.getEncryptedDigest(),
                si.getUnauthenticatedAttributes()));
  }

  /** Replaces each signer's unsigned attributes with what {@code change} makes of them. */
  static byte[] unsignedAttributes(byte[] cms, UnaryOperator<ASN1Set> change) {
    return signerInfo(
        cms,
        si ->
            new SignerInfo(
                si.getSID(),
                si.getDigestAlgorithm(),
                si.getAuthenticatedAttributes(),
                si.getDigestEncryptionAlgorithm(),
                si.getEncryptedDigest(),
                change.apply(si.getUnauthenticatedAttributes())));
  }

  static byte[] signerInfos(byte[] cms, UnaryOperator<ASN1Set> change) {
    try {
      ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
      SignedData sd = SignedData.getInstance(info.getContent());
      SignedData changed =
          new SignedData(
              sd.getDigestAlgorithms(),
              sd.getEncapContentInfo(),
              sd.getCertificates(),
              sd.getCRLs(),
              change.apply(sd.getSignerInfos()));
      return new ContentInfo(CMSObjectIdentifiers.signedData, changed).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] flipLast(byte[] bytes) {
    byte[] copy = bytes.clone();
    copy[copy.length - 1] ^= 0x01;
    return copy;
  }
}
