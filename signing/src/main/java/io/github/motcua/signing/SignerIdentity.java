package io.github.motcua.signing;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.privacy.Masking;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Who signed, as the certificate subject says: common name, organisation, and the Vietnamese
 * identifier carried in the subject's {@code UID} attribute ({@code MST:0100233488} → {@link
 * TaxCode}; {@code CCCD:…} or {@code CMND:…} → {@link PersonalId} when it parses, otherwise kept
 * raw). The UID convention is common practice among Vietnamese CAs, not a legal rule
 * (docs/domain.md §7, [I]).
 *
 * <p>{@link #toString()} masks the personal parts: names are reduced to initials, personal IDs and
 * raw identifiers are masked; an enterprise tax code is shown. Immutable and thread-safe.
 */
public final class SignerIdentity {

  private final String commonName;
  private final String organisation;
  private final String uid;
  private final TaxCode taxCode;
  private final PersonalId personalId;
  private final BigInteger serialNumber;

  private SignerIdentity(
      String commonName,
      String organisation,
      String uid,
      TaxCode taxCode,
      PersonalId personalId,
      BigInteger serialNumber) {
    this.commonName = commonName;
    this.organisation = organisation;
    this.uid = uid;
    this.taxCode = taxCode;
    this.personalId = personalId;
    this.serialNumber = serialNumber;
  }

  /**
   * Reads the identity from a certificate's subject.
   *
   * @param certificate the signer's certificate
   * @return the identity; fields the subject lacks are empty, and all of them when the subject
   *     cannot be read (a certificate from the wire that the platform parsed more leniently)
   */
  public static SignerIdentity of(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    X500Name name;
    try {
      name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    } catch (RuntimeException e) {
      return new SignerIdentity(null, null, null, null, null, certificate.getSerialNumber());
    }
    String cn = first(name, BCStyle.CN);
    String o = first(name, BCStyle.O);
    String uid = first(name, BCStyle.UID);
    TaxCode taxCode = null;
    PersonalId personalId = null;
    if (uid != null) {
      int colon = uid.indexOf(':');
      String prefix =
          colon < 0 ? "" : uid.substring(0, colon).trim().toUpperCase(java.util.Locale.ROOT);
      String value = colon < 0 ? uid.trim() : uid.substring(colon + 1).trim();
      try {
        if (prefix.equals("MST")) {
          taxCode = TaxCode.parse(value);
        } else if ((prefix.equals("CCCD") || prefix.equals("CMND") || prefix.equals("CCD"))
            && value.length() == 12) {
          personalId = PersonalId.parse(value);
        }
      } catch (InvalidInputException e) {
        // Kept raw: a certificate with a malformed identifier is still reported, not rejected.
      }
    }
    return new SignerIdentity(cn, o, uid, taxCode, personalId, certificate.getSerialNumber());
  }

  private static String first(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    if (rdns.length == 0) {
      return null;
    }
    try {
      ASN1Encodable value = rdns[0].getFirst().getValue();
      return value instanceof ASN1String ? ((ASN1String) value).getString() : value.toString();
    } catch (RuntimeException e) {
      // A malformed string (invalid UTF-8) in a certificate from the wire: report no value.
      return null;
    }
  }

  /**
   * Returns the subject's common name (CN). Personal data for a person.
   *
   * @return the common name, or empty
   */
  public Optional<String> commonName() {
    return Optional.ofNullable(commonName);
  }

  /**
   * Returns the subject's organisation (O).
   *
   * @return the organisation, or empty
   */
  public Optional<String> organisation() {
    return Optional.ofNullable(organisation);
  }

  /**
   * Returns the raw UID attribute, such as {@code MST:0100233488}. May be personal data.
   *
   * @return the UID, or empty
   */
  public Optional<String> uid() {
    return Optional.ofNullable(uid);
  }

  /**
   * Returns the tax code from a {@code MST:} UID.
   *
   * @return the tax code, or empty
   */
  public Optional<TaxCode> taxCode() {
    return Optional.ofNullable(taxCode);
  }

  /**
   * Returns the personal ID from a 12-digit {@code CCCD:} or {@code CMND:} UID. Legacy 9-digit
   * identity card numbers stay in {@link #uid()} only.
   *
   * @return the personal ID, or empty
   */
  public Optional<PersonalId> personalId() {
    return Optional.ofNullable(personalId);
  }

  /**
   * Returns the certificate's serial number.
   *
   * @return the serial number
   */
  public BigInteger serialNumber() {
    return serialNumber;
  }

  private String uidForLogs() {
    if (uid == null) {
      return null;
    }
    if (taxCode != null) {
      return "MST:" + taxCode.masked();
    }
    int colon = uid.indexOf(':');
    String prefix = colon < 0 ? "" : uid.substring(0, colon + 1);
    if (personalId != null) {
      return prefix + personalId.masked();
    }
    String value = colon < 0 ? uid : uid.substring(colon + 1);
    return prefix + Masking.identifier(value, 2, 2);
  }

  /** Returns a masked description: the common name masked, organisation, masked UID. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("SignerIdentity[");
    out.append("cn=").append(commonName == null ? "-" : Masking.fullName(commonName));
    if (organisation != null) {
      out.append(", o=").append(organisation);
    }
    if (uid != null) {
      out.append(", uid=").append(uidForLogs());
    }
    return out.append(", serial=").append(serialNumber.toString(16)).append(']').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignerIdentity other
        && Objects.equals(commonName, other.commonName)
        && Objects.equals(organisation, other.organisation)
        && Objects.equals(uid, other.uid)
        && serialNumber.equals(other.serialNumber);
  }

  @Override
  public int hashCode() {
    return Objects.hash(commonName, organisation, uid, serialNumber);
  }
}
