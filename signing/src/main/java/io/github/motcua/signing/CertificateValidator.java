package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.signing.internal.RevocationChecker;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Validates a certificate the way every signature format needs it (CMS here, XML and PDF signatures
 * alike): builds the chain to a {@link TrustAnchors trust anchor}, checks the key usage for the
 * purpose, the validity of every certificate at a given time, and revocation (OCSP, then CRL,
 * fetched over HTTP and cached) under a {@link RevocationPolicy}. Returns {@link Check}s of types
 * {@link CheckType#CERTIFICATE_CHAIN}, {@link CheckType#KEY_USAGE}, {@link
 * CheckType#CERTIFICATE_VALIDITY} and {@link CheckType#REVOCATION}.
 *
 * <pre>{@code
 * CertificateValidator validator = CertificateValidator.builder()
 *     .trustAnchors(TrustAnchors.fromPem(Path.of("roots.pem")))
 *     .build();
 * CertificateValidator.Result result = validator.validate(
 *     certificate, intermediates, Instant.now(), false, CertificateValidator.Purpose.SIGNING);
 * }</pre>
 *
 * <p>Immutable and thread-safe; its revocation cache is shared by all calls. {@link CmsVerifier}
 * builds one from its own settings.
 */
public final class CertificateValidator {

  /** What the certificate is used for. */
  public enum Purpose {
    /** Signing documents: key usage digitalSignature or nonRepudiation (when present). */
    SIGNING,
    /** Signing time-stamp tokens: extended key usage id-kp-timeStamping (RFC 3161 §2.3). */
    TIMESTAMPING
  }

  /**
   * The outcome of a validation.
   *
   * @param chain the chain found, the certificate first and the trust anchor last when trusted
   * @param checks the checks made
   */
  public record Result(List<X509Certificate> chain, List<Check> checks) {

    /**
     * Creates a result.
     *
     * @param chain the chain
     * @param checks the checks
     */
    public Result {
      chain = List.copyOf(chain);
      checks = List.copyOf(checks);
    }

    /**
     * Returns what the checks add up to.
     *
     * @return the verdict
     */
    public Verdict verdict() {
      return SignerReport.verdictOf(checks);
    }
  }

  private static final int MAX_DEPTH = 10;
  private static final String TIMESTAMPING_OID = "1.3.6.1.5.5.7.3.8";

  private final TrustAnchors trustAnchors;
  private final RevocationPolicy revocationPolicy;
  private final RevocationChecker revocation;
  private final VerificationLimits limits;

  private CertificateValidator(Builder builder) {
    this.trustAnchors = builder.trustAnchors;
    this.revocationPolicy = builder.revocationPolicy;
    this.limits = builder.limits;
    this.revocation =
        new RevocationChecker(
            builder.client, builder.clock, limits.maxCrlBytes(), limits.maxOcspBytes());
  }

  /**
   * Returns the revocation policy.
   *
   * @return the policy
   */
  public RevocationPolicy revocationPolicy() {
    return revocationPolicy;
  }

  /**
   * Returns the limits whose CRL and OCSP sizes apply to downloads.
   *
   * @return the limits
   */
  public VerificationLimits limits() {
    return limits;
  }

  /**
   * Gathers the validation data a signature needs to be verified later without the network: the
   * chain of each certificate to a trust anchor, and a current OCSP answer (or, failing that, a
   * CRL) for every certificate of those chains but the anchors. Used to extend signatures to the
   * long-term levels (CAdES-LT, PAdES B-LT).
   *
   * @param certificates the signers' and time-stamping authorities' certificates
   * @param candidates certificates that may complete the chains
   * @return the chains' certificates and the revocation values fetched
   * @throws MotcuaException {@code validation-data.chain} when a chain does not reach a trust
   *     anchor; {@code validation-data.revocation} when no revocation value can be fetched for a
   *     certificate
   */
  public ValidationData gather(
      Collection<X509Certificate> certificates, Collection<X509Certificate> candidates) {
    List<X509Certificate> out = new ArrayList<>();
    List<java.security.cert.X509CRL> crls = new ArrayList<>();
    List<byte[]> ocsps = new ArrayList<>();
    for (X509Certificate certificate : certificates) {
      List<X509Certificate> chain = new ArrayList<>();
      chain.add(certificate);
      if (buildChain(chain, candidates, Instant.MAX).outcome() != CheckOutcome.PASSED) {
        throw new SecurityRefusalException(
            "validation-data.chain", "A certificate does not chain to a trust anchor.");
      }
      for (int i = 0; i < chain.size(); i++) {
        X509Certificate link = chain.get(i);
        if (out.contains(link)) {
          continue;
        }
        out.add(link);
        if (i == chain.size() - 1) {
          break; // the trust anchor
        }
        byte[] ocsp = revocation.fetchOcsp(link, chain.get(i + 1));
        if (ocsp != null) {
          ocsps.add(ocsp);
          continue;
        }
        java.security.cert.X509CRL crl = revocation.fetchCrl(link, chain.get(i + 1));
        if (crl == null) {
          throw new RetryLaterException(
              "validation-data.revocation",
              "No OCSP answer or CRL can be fetched for a certificate of the chain.");
        }
        if (!crls.contains(crl)) {
          crls.add(crl);
        }
      }
    }
    return new ValidationData(out, crls, ocsps, List.of());
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the trust anchors.
   *
   * @return the anchors
   */
  public TrustAnchors trustAnchors() {
    return trustAnchors;
  }

  /**
   * Validates a certificate.
   *
   * @param certificate the certificate (a signer's or a time-stamping authority's)
   * @param candidates other certificates that may complete the chain (those in the signature)
   * @param at the time at which validity and revocation are judged
   * @param timeProven whether {@code at} is proven (by a time-stamp); a revocation after an
   *     unproven time cannot be told from one before it
   * @param purpose what the certificate must be allowed to do
   * @return the chain and the checks; never throws for a bad certificate
   */
  public Result validate(
      X509Certificate certificate,
      Collection<X509Certificate> candidates,
      Instant at,
      boolean timeProven,
      Purpose purpose) {
    return validate(certificate, candidates, at, timeProven, purpose, ValidationData.NONE);
  }

  /**
   * Validates a certificate with validation data carried by the signature: its CRLs and OCSP
   * answers count when issued at or after {@code at} (checked against their issuer), before any
   * request over the network.
   *
   * @param certificate the certificate (a signer's or a time-stamping authority's)
   * @param candidates other certificates that may complete the chain
   * @param at the time at which validity and revocation are judged
   * @param timeProven whether {@code at} is proven
   * @param purpose what the certificate must be allowed to do
   * @param data carried revocation values; not null
   * @return the chain and the checks; never throws for a bad certificate
   */
  public Result validate(
      X509Certificate certificate,
      Collection<X509Certificate> candidates,
      Instant at,
      boolean timeProven,
      Purpose purpose,
      ValidationData data) {
    return validate(certificate, candidates, at, at, timeProven, purpose, data);
  }

  /**
   * Validates a time-stamping authority's certificate for a token made at {@code tokenTime}, at the
   * later time {@code at} that the next time-stamp covering the token proves (or the current time
   * for the newest token), as ETSI EN 319 102-1 validates time-stamps in past signature validation:
   * every certificate of the chain must be valid at {@code at}; carried CRLs and OCSP answers count
   * when issued at or after {@code tokenTime}; a revocation at or before {@code tokenTime} fails,
   * one after it but not after {@code at} is indeterminate ({@link
   * ReasonCode#REVOCATION_REVOKED_NO_PROOF}: nothing proves the token existed before the key was
   * revoked).
   *
   * @param certificate the time-stamping certificate
   * @param candidates other certificates that may complete the chain
   * @param tokenTime the token's own time (genTime)
   * @param at the time the chain is judged at, not before {@code tokenTime}
   * @param data carried revocation values; not null
   * @return the chain and the checks; never throws for a bad certificate
   */
  public Result validateTimestamping(
      X509Certificate certificate,
      Collection<X509Certificate> candidates,
      Instant tokenTime,
      Instant at,
      ValidationData data) {
    Objects.requireNonNull(tokenTime, "tokenTime");
    return validate(
        certificate,
        candidates,
        tokenTime,
        at.isBefore(tokenTime) ? tokenTime : at,
        true,
        Purpose.TIMESTAMPING,
        data);
  }

  private Result validate(
      X509Certificate certificate,
      Collection<X509Certificate> candidates,
      Instant made,
      Instant at,
      boolean timeProven,
      Purpose purpose,
      ValidationData data) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(data, "data");
    List<Check> checks = new ArrayList<>();
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    List<X509Certificate> all = new ArrayList<>(candidates == null ? List.of() : candidates);
    all.addAll(data.certificates());
    Check chainCheck = buildChain(chain, all, at);
    checks.add(chainCheck);
    checks.add(keyUsage(certificate, purpose));
    checks.add(validity(chain, at));
    if (chainCheck.outcome() != CheckOutcome.PASSED) {
      checks.add(
          Check.skipped(
              CheckType.REVOCATION,
              ReasonCode.REVOCATION_NOT_CHECKED,
              "no trusted chain to check"));
    } else {
      checks.add(revocation(chain, made, at, timeProven, data));
    }
    return new Result(chain, checks);
  }

  private Check buildChain(
      List<X509Certificate> chain, Collection<X509Certificate> candidates, Instant at) {
    X509Certificate current = chain.get(0);
    boolean brokenLink = false;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      if (trustAnchors.contains(current)) {
        return Check.passed(CheckType.CERTIFICATE_CHAIN, ReasonCode.CHAIN_TRUSTED, "");
      }
      X509Certificate anchor = issuerAmong(current, trustAnchors.certificates(), at);
      if (anchor != null) {
        chain.add(anchor);
        return caConstraints(chain);
      }
      X509Certificate next = issuerAmong(current, candidates, at);
      if (next == null || chain.contains(next)) {
        brokenLink =
            hasNamedIssuer(current, candidates)
                || hasNamedIssuer(current, trustAnchors.certificates());
        break;
      }
      chain.add(next);
      current = next;
    }
    return brokenLink
        ? Check.failed(
            CheckType.CERTIFICATE_CHAIN,
            ReasonCode.CHAIN_INVALID,
            "a certificate's signature does not verify with its issuer's key")
        : Check.indeterminate(
            CheckType.CERTIFICATE_CHAIN,
            ReasonCode.CHAIN_NO_TRUST_ANCHOR,
            "no chain to a trust anchor");
  }

  private static Check caConstraints(List<X509Certificate> chain) {
    for (int i = 1; i < chain.size(); i++) {
      if (chain.get(i).getBasicConstraints() < 0 && i < chain.size() - 1) {
        return Check.failed(
            CheckType.CERTIFICATE_CHAIN,
            ReasonCode.CHAIN_INVALID,
            "an issuing certificate is not a CA certificate");
      }
      boolean[] usage = chain.get(i).getKeyUsage();
      if (usage != null && usage.length > 5 && !usage[5]) {
        return Check.failed(
            CheckType.CERTIFICATE_CHAIN,
            ReasonCode.CHAIN_INVALID,
            "an issuing certificate may not sign certificates");
      }
    }
    return Check.passed(CheckType.CERTIFICATE_CHAIN, ReasonCode.CHAIN_TRUSTED, "");
  }

  /**
   * The issuer among the candidates: same name, and its key verifies the certificate; of several (a
   * re-issued CA certificate), one valid at {@code at} first.
   */
  private static X509Certificate issuerAmong(
      X509Certificate certificate, Collection<X509Certificate> candidates, Instant at) {
    X509Certificate fallback = null;
    for (X509Certificate candidate : candidates) {
      if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
          && !candidate.equals(certificate)) {
        try {
          certificate.verify(candidate.getPublicKey());
        } catch (Exception e) {
          continue; // Same name, other key: keep looking.
        }
        if (validAt(candidate, at)) {
          return candidate;
        }
        if (fallback == null) {
          fallback = candidate;
        }
      }
    }
    return fallback;
  }

  private static boolean validAt(X509Certificate certificate, Instant at) {
    if (at.equals(Instant.MAX)) {
      return true;
    }
    try {
      certificate.checkValidity(Date.from(at));
      return true;
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      return false;
    }
  }

  private static boolean hasNamedIssuer(
      X509Certificate certificate, Collection<X509Certificate> candidates) {
    for (X509Certificate candidate : candidates) {
      if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
          && !candidate.equals(certificate)) {
        return true;
      }
    }
    return false;
  }

  private static Check keyUsage(X509Certificate certificate, Purpose purpose) {
    if (purpose == Purpose.TIMESTAMPING) {
      try {
        List<String> purposes = certificate.getExtendedKeyUsage();
        if (purposes != null && purposes.contains(TIMESTAMPING_OID)) {
          return Check.passed(CheckType.KEY_USAGE, ReasonCode.KEY_USAGE_OK, "timeStamping");
        }
      } catch (java.security.cert.CertificateParsingException e) {
        // Falls through to the failure below.
      }
      return Check.failed(
          CheckType.KEY_USAGE,
          ReasonCode.KEY_USAGE_NOT_FOR_TIMESTAMPING,
          "no timeStamping extended key usage");
    }
    boolean[] usage = certificate.getKeyUsage();
    if (usage == null || usage[0] || (usage.length > 1 && usage[1])) {
      return Check.passed(CheckType.KEY_USAGE, ReasonCode.KEY_USAGE_OK, "");
    }
    return Check.failed(
        CheckType.KEY_USAGE,
        ReasonCode.KEY_USAGE_NOT_FOR_SIGNING,
        "neither digitalSignature nor nonRepudiation");
  }

  private static Check validity(List<X509Certificate> chain, Instant at) {
    Date date = Date.from(at);
    for (int i = 0; i < chain.size(); i++) {
      String which = i == 0 ? "the certificate" : "issuer " + i;
      try {
        chain.get(i).checkValidity(date);
      } catch (CertificateExpiredException e) {
        return Check.indeterminate(
            CheckType.CERTIFICATE_VALIDITY,
            ReasonCode.VALIDITY_EXPIRED,
            which + " expired " + chain.get(i).getNotAfter().toInstant() + ", before " + at);
      } catch (CertificateNotYetValidException e) {
        return Check.failed(
            CheckType.CERTIFICATE_VALIDITY,
            ReasonCode.VALIDITY_NOT_YET_VALID,
            which + " valid only from " + chain.get(i).getNotBefore().toInstant());
      }
    }
    return Check.passed(CheckType.CERTIFICATE_VALIDITY, ReasonCode.VALIDITY_OK, "at " + at);
  }

  /**
   * The chain's revocation status: carried values issued at or after {@code made} count first; a
   * revocation at or before {@code made} fails, one after it but not after {@code at} (the proven
   * time) cannot be told from a forgery made after the key was revoked.
   */
  private Check revocation(
      List<X509Certificate> chain,
      Instant made,
      Instant at,
      boolean timeProven,
      ValidationData data) {
    if (revocationPolicy == RevocationPolicy.NONE) {
      return Check.skipped(CheckType.REVOCATION, ReasonCode.REVOCATION_NOT_CHECKED, "policy NONE");
    }
    Check result = null;
    // The last certificate is the trust anchor: trusted as is, never checked.
    for (int i = 0; i < chain.size() - 1; i++) {
      RevocationChecker.Status status =
          revocation.fromValues(
              chain.get(i), chain.get(i + 1), data.crls(), data.ocspResponses(), made);
      if (status == null) {
        status = revocation.status(chain.get(i), chain.get(i + 1));
      }
      String which = i == 0 ? "the certificate" : "issuer " + i;
      Check check;
      switch (status.kind()) {
        case GOOD:
          check = Check.passed(CheckType.REVOCATION, ReasonCode.REVOCATION_GOOD, status.source());
          break;
        case REVOKED:
          if (!status.revocationTime().isAfter(made)) {
            return Check.failed(
                CheckType.REVOCATION,
                ReasonCode.REVOCATION_REVOKED,
                which + " revoked " + status.revocationTime() + " (" + status.source() + ")");
          }
          if (!status.revocationTime().isAfter(at)) {
            check =
                Check.indeterminate(
                    CheckType.REVOCATION,
                    ReasonCode.REVOCATION_REVOKED_NO_PROOF,
                    which
                        + " revoked "
                        + status.revocationTime()
                        + ", after "
                        + made
                        + " but before "
                        + at
                        + ", the first proof that the token existed");
            break;
          }
          check =
              timeProven
                  ? Check.passed(
                      CheckType.REVOCATION,
                      ReasonCode.REVOCATION_REVOKED_AFTER_SIGNING,
                      which + " revoked " + status.revocationTime() + ", after the proven time")
                  : Check.indeterminate(
                      CheckType.REVOCATION,
                      ReasonCode.REVOCATION_REVOKED_NO_PROOF,
                      which
                          + " revoked "
                          + status.revocationTime()
                          + ", after a signing time that is not proven");
          break;
        default:
          check =
              revocationPolicy == RevocationPolicy.REQUIRE
                  ? Check.indeterminate(
                      CheckType.REVOCATION,
                      ReasonCode.REVOCATION_UNAVAILABLE,
                      which + ": " + status.detail())
                  : Check.skipped(
                      CheckType.REVOCATION,
                      ReasonCode.REVOCATION_UNAVAILABLE,
                      which + ": " + status.detail());
          break;
      }
      result = worse(result, check);
    }
    return result == null
        ? Check.passed(CheckType.REVOCATION, ReasonCode.REVOCATION_GOOD, "trust anchor")
        : result;
  }

  private static Check worse(Check a, Check b) {
    if (a == null) {
      return b;
    }
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(Check check) {
    switch (check.outcome()) {
      case FAILED:
        return 4;
      case INDETERMINATE:
        return 3;
      case SKIPPED:
        return 2;
      default:
        return check.reason() == ReasonCode.REVOCATION_REVOKED_AFTER_SIGNING ? 1 : 0;
    }
  }

  /** Builds a {@link CertificateValidator}. Not thread-safe. */
  public static final class Builder {
    private TrustAnchors trustAnchors;
    private RevocationPolicy revocationPolicy = RevocationPolicy.REQUIRE;
    private OkHttpClient client;
    private Clock clock = Clock.systemUTC();
    private VerificationLimits limits = VerificationLimits.defaults();

    private Builder() {}

    /**
     * Sets the limits; their CRL and OCSP sizes bound downloads.
     *
     * @param limits default {@link VerificationLimits#defaults()}
     * @return this builder
     */
    public Builder limits(VerificationLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets the trust anchors (required).
     *
     * @param anchors the anchors
     * @return this builder
     */
    public Builder trustAnchors(TrustAnchors anchors) {
      this.trustAnchors = Objects.requireNonNull(anchors, "anchors");
      return this;
    }

    /**
     * Sets the revocation policy.
     *
     * @param policy default {@link RevocationPolicy#REQUIRE}
     * @return this builder
     */
    public Builder revocationPolicy(RevocationPolicy policy) {
      this.revocationPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Uses the integrator's HTTP client for OCSP and CRL requests.
     *
     * @param client the client; default a new one
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the clock that decides whether revocation answers are current.
     *
     * @param clock default the system clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the validator.
     *
     * @return the validator
     * @throws ConfigurationException {@code certificate-validator.trust-anchors.missing}
     */
    public CertificateValidator build() {
      if (trustAnchors == null) {
        throw new ConfigurationException(
            "certificate-validator.trust-anchors.missing", "Give trustAnchors(...).", null);
      }
      if (client == null) {
        client = new OkHttpClient();
      }
      return new CertificateValidator(this);
    }
  }
}
