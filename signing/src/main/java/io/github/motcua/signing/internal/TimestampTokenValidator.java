package io.github.motcua.signing.internal;

import io.github.motcua.signing.CertificateValidator;
import io.github.motcua.signing.Check;
import io.github.motcua.signing.CheckOutcome;
import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.DigestAlgorithm;
import io.github.motcua.signing.ReasonCode;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Validates an RFC 3161 time-stamp token over some data (a signature value, in every format): the
 * imprint, the token's signature, and the time-stamping certificate through a {@link
 * CertificateValidator} at the time the next covering time-stamp proves (the current time for the
 * newest one), revocation values counting from the token's own time. Shared by the CMS and PDF
 * verifiers.
 */
public final class TimestampTokenValidator {

  /**
   * The outcome.
   *
   * @param check the {@link CheckType#TIMESTAMP} check
   * @param time the stamped time when the token is valid, else empty
   * @param tsa the time-stamping certificate, when found
   */
  public record Result(Check check, Optional<Instant> time, Optional<X509Certificate> tsa) {
    /**
     * A result without a time-stamping certificate.
     *
     * @param check the check
     * @param time the time
     */
    public Result(Check check, Optional<Instant> time) {
      this(check, time, Optional.empty());
    }
  }

  /**
   * The time a token's authority is judged at, and what proves it: the time of the next valid
   * time-stamp covering the token, or the current time for the newest one (ETSI EN 319 102-1, past
   * signature validation).
   *
   * @param at the time
   * @param source what sets it, for the report: {@code "the current time"} or the covering
   *     time-stamp's name
   */
  public record ChainTime(Instant at, String source) {
    /**
     * Checks the parts.
     *
     * @param at the time
     * @param source what sets it
     */
    public ChainTime {
      java.util.Objects.requireNonNull(at, "at");
      java.util.Objects.requireNonNull(source, "source");
    }

    /**
     * The current time, for the newest time-stamp.
     *
     * @param now the verifier clock's instant
     * @return the chain time
     */
    public static ChainTime now(Instant now) {
      return new ChainTime(now, "the current time");
    }

    /**
     * The earliest of some proofs (each from a time-stamp covering the token), else the current
     * time.
     *
     * @param proofs proofs from covering time-stamps
     * @param now the current time
     * @return the chain time
     */
    public static ChainTime earliest(
        Collection<io.github.motcua.signing.ValidationData.Proof> proofs, Instant now) {
      io.github.motcua.signing.ValidationData.Proof best = null;
      for (io.github.motcua.signing.ValidationData.Proof proof : proofs) {
        if (best == null || proof.time().isBefore(best.time())) {
          best = proof;
        }
      }
      if (best == null || best.time().isAfter(now)) {
        return now(now);
      }
      String kind =
          switch (best.kind()) {
            case SIGNATURE_TIMESTAMP -> "signature time-stamp";
            case DOCUMENT_TIMESTAMP -> "document time-stamp";
            case ARCHIVE_TIMESTAMP -> "archive time-stamp";
          };
      String description = best.description();
      return new ChainTime(
          best.time(),
          description.isEmpty()
              ? "the " + kind
              : description.startsWith(kind) ? description : kind + " " + description);
    }

    /**
     * The time a valid covering token proves.
     *
     * @param time the token's time
     * @param name the token's name, such as {@code "archive time-stamp 2"}
     * @return the chain time
     */
    public static ChainTime provenBy(Instant time, String name) {
      return new ChainTime(time, name);
    }
  }

  private TimestampTokenValidator() {}

  /**
   * Validates a token over data given by its digest, with carried validation data.
   *
   * @param token the token as a CMS ContentInfo
   * @param stampedData supplies the data the token must stamp (read once, only when needed)
   * @param validator validates the time-stamping certificate
   * @param extraCertificates certificates that may complete the chain
   * @param data carried revocation values
   * @param chainTime the time the authority's chain is judged at, and what proves it
   * @return the check and, when valid, the time
   */
  public static Result validate(
      ContentInfo token,
      java.util.function.Supplier<byte[]> stampedData,
      CertificateValidator validator,
      Collection<X509Certificate> extraCertificates,
      io.github.motcua.signing.ValidationData data,
      ChainTime chainTime) {
    TimeStampToken parsed;
    TimeStampTokenInfo info;
    try {
      parsed = new TimeStampToken(new CMSSignedData(token));
      info = parsed.getTimeStampInfo();
    } catch (Exception e) {
      return invalid(ReasonCode.TIMESTAMP_MALFORMED, "the token does not parse");
    }
    Optional<DigestAlgorithm> algorithm =
        DigestAlgorithm.fromOid(info.getMessageImprintAlgOID().getId());
    if (algorithm.isEmpty()) {
      return new Result(
          Check.indeterminate(
              CheckType.TIMESTAMP,
              ReasonCode.TIMESTAMP_MALFORMED,
              "imprint algorithm not supported"),
          Optional.empty());
    }
    if (!MessageDigest.isEqual(
        algorithm.get().digest(stampedData.get()), info.getMessageImprintDigest())) {
      return invalid(ReasonCode.TIMESTAMP_IMPRINT_MISMATCH, "the token stamps other data");
    }
    X509Certificate tsa = null;
    List<X509Certificate> certificates = new ArrayList<>(extraCertificates);
    try {
      JcaX509CertificateConverter converter =
          new JcaX509CertificateConverter().setProvider(Bc.PROVIDER);
      for (X509CertificateHolder holder : parsed.getCertificates().getMatches(null)) {
        X509Certificate certificate = converter.getCertificate(holder);
        certificates.add(certificate);
        if (parsed.getSID().match(holder)) {
          tsa = certificate;
        }
      }
      if (tsa == null) {
        for (X509Certificate candidate : extraCertificates) {
          if (parsed.getSID().match(new X509CertificateHolder(candidate.getEncoded()))) {
            tsa = candidate;
          }
        }
      }
    } catch (Exception e) {
      return invalid(ReasonCode.TIMESTAMP_MALFORMED, "the token's certificates do not parse");
    }
    if (tsa == null) {
      return new Result(
          Check.indeterminate(
              CheckType.TIMESTAMP,
              ReasonCode.TIMESTAMP_UNTRUSTED,
              "the time-stamping certificate is not available"),
          Optional.empty());
    }
    try {
      if (!parsed.isSignatureValid(
          new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(tsa))) {
        return invalid(ReasonCode.TIMESTAMP_SIGNATURE_INVALID, "the token's signature is broken");
      }
    } catch (Exception e) {
      return invalid(ReasonCode.TIMESTAMP_SIGNATURE_INVALID, "the token's signature is broken");
    }
    Instant time = info.getGenTime().toInstant();
    CertificateValidator.Result certificate =
        validator.validateTimestamping(tsa, certificates, time, chainTime.at(), data);
    String judged =
        "authority judged at "
            + (chainTime.at().isAfter(time) ? chainTime.at() : time)
            + ", "
            + chainTime.source();
    for (Check check : certificate.checks()) {
      if (check.outcome() == CheckOutcome.FAILED) {
        return invalid(
            ReasonCode.TIMESTAMP_UNTRUSTED,
            "time-stamping certificate: " + check.reason().code() + " (" + judged + ")");
      }
    }
    for (Check check : certificate.checks()) {
      if (check.outcome() == CheckOutcome.INDETERMINATE) {
        boolean noProof =
            check.reason() == ReasonCode.VALIDITY_EXPIRED
                || check.reason() == ReasonCode.REVOCATION_REVOKED_NO_PROOF;
        return new Result(
            Check.indeterminate(
                CheckType.TIMESTAMP,
                noProof
                    ? ReasonCode.TIMESTAMP_NO_PROOF_OF_EXISTENCE
                    : ReasonCode.TIMESTAMP_UNTRUSTED,
                "token of "
                    + time
                    + ", time-stamping certificate: "
                    + check.reason().code()
                    + " ("
                    + judged
                    + "): "
                    + check.detail()),
            Optional.empty(),
            Optional.of(tsa));
      }
    }
    return new Result(
        Check.passed(CheckType.TIMESTAMP, ReasonCode.TIMESTAMP_VALID, "at " + time + "; " + judged),
        Optional.of(time),
        Optional.of(tsa));
  }

  private static Result invalid(ReasonCode reason, String detail) {
    return new Result(Check.failed(CheckType.TIMESTAMP, reason, detail), Optional.empty());
  }
}
