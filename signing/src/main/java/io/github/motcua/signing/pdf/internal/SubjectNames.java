package io.github.motcua.signing.pdf.internal;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Reads names for display from a certificate's subject. */
public final class SubjectNames {

  private SubjectNames() {}

  /**
   * Returns the subject's common name.
   *
   * @param certificate the certificate
   * @return the first CN, or empty
   */
  public static Optional<String> commonName(X509Certificate certificate) {
    return first(certificate, BCStyle.CN);
  }

  /**
   * Returns the subject's organisation.
   *
   * @param certificate the certificate
   * @return the first O, or empty
   */
  public static Optional<String> organisation(X509Certificate certificate) {
    return first(certificate, BCStyle.O);
  }

  private static Optional<String> first(X509Certificate certificate, ASN1ObjectIdentifier type) {
    X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    RDN[] rdns = name.getRDNs(type);
    if (rdns.length == 0) {
      return Optional.empty();
    }
    ASN1Encodable value = rdns[0].getFirst().getValue();
    return Optional.of(value instanceof ASN1String text ? text.getString() : value.toString());
  }
}
