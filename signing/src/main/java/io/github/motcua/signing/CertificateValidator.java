package io.github.motcua.signing;

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

  private CertificateValidator(Builder builder) {
    this.trustAnchors = builder.trustAnchors;
    this.revocationPolicy = builder.revocationPolicy;
    this.revocation = new RevocationChecker(builder.client, builder.clock);
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
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(at, "at");
    List<Check> checks = new ArrayList<>();
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    Check chainCheck = buildChain(chain, candidates == null ? List.of() : candidates);
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
      checks.add(revocation(chain, at, timeProven));
    }
    return new Result(chain, checks);
  }

  private Check buildChain(List<X509Certificate> chain, Collection<X509Certificate> candidates) {
    X509Certificate current = chain.get(0);
    boolean brokenLink = false;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      if (trustAnchors.contains(current)) {
        return Check.passed(CheckType.CERTIFICATE_CHAIN, ReasonCode.CHAIN_TRUSTED, "");
      }
      X509Certificate anchor = issuerAmong(current, trustAnchors.certificates());
      if (anchor != null) {
        chain.add(anchor);
        return caConstraints(chain);
      }
      X509Certificate next = issuerAmong(current, candidates);
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

  private static X509Certificate issuerAmong(
      X509Certificate certificate, Collection<X509Certificate> candidates) {
    for (X509Certificate candidate : candidates) {
      if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
          && !candidate.equals(certificate)) {
        try {
          certificate.verify(candidate.getPublicKey());
          return candidate;
        } catch (Exception e) {
          // Same name, other key: keep looking.
        }
      }
    }
    return null;
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

  private Check revocation(List<X509Certificate> chain, Instant at, boolean timeProven) {
    if (revocationPolicy == RevocationPolicy.NONE) {
      return Check.skipped(CheckType.REVOCATION, ReasonCode.REVOCATION_NOT_CHECKED, "policy NONE");
    }
    Check result = null;
    // The last certificate is the trust anchor: trusted as is, never checked.
    for (int i = 0; i < chain.size() - 1; i++) {
      RevocationChecker.Status status = revocation.status(chain.get(i), chain.get(i + 1));
      String which = i == 0 ? "the certificate" : "issuer " + i;
      Check check;
      switch (status.kind()) {
        case GOOD:
          check = Check.passed(CheckType.REVOCATION, ReasonCode.REVOCATION_GOOD, status.source());
          break;
        case REVOKED:
          if (!status.revocationTime().isAfter(at)) {
            return Check.failed(
                CheckType.REVOCATION,
                ReasonCode.REVOCATION_REVOKED,
                which + " revoked " + status.revocationTime() + " (" + status.source() + ")");
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
    private RevocationPolicy revocationPolicy = RevocationPolicy.PREFER_OCSP;
    private OkHttpClient client;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

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
     * @param policy default {@link RevocationPolicy#PREFER_OCSP}
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
     * @throws SigningConfigurationException {@code certificate-validator.trust-anchors.missing}
     */
    public CertificateValidator build() {
      if (trustAnchors == null) {
        throw new SigningConfigurationException(
            "certificate-validator.trust-anchors.missing", "Give trustAnchors(...).", null);
      }
      if (client == null) {
        client = new OkHttpClient();
      }
      return new CertificateValidator(this);
    }
  }
}
