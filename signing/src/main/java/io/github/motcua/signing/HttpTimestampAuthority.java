package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.SecurityRefusalException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RFC 3161 time-stamp authority reached over HTTP (RFC 3161 §3.4): posts a {@code TimeStampReq}
 * as {@code application/timestamp-query} and checks the reply before returning the token.
 *
 * <pre>{@code
 * TimestampAuthority tsa = HttpTimestampAuthority.builder()
 *     .url("https://tsa.example.vn/tsa")
 *     .build();
 * }</pre>
 *
 * <p>Every request carries a fresh 64-bit random nonce and, when configured, a policy OID, and asks
 * for the authority's certificate (by default). The reply must have HTTP status 200, PKI status
 * granted (or granted with modifications), a token over exactly the requested digest and algorithm,
 * the same nonce, the requested policy, and, when asked for, the signing certificate, with which
 * the token's signature must verify. Whether that certificate is trusted is decided at verification
 * time ({@link CmsVerifier}), against the verifier's trust anchors.
 *
 * <p>Thread-safe; share one instance. It uses the integrator's {@link OkHttpClient} when given.
 */
public final class HttpTimestampAuthority implements TimestampAuthority {

  private static final Logger LOG = LoggerFactory.getLogger(HttpTimestampAuthority.class);
  private static final MediaType QUERY = MediaType.get("application/timestamp-query");

  private final HttpUrl url;
  private final OkHttpClient client;
  private final ASN1ObjectIdentifier policy;
  private final boolean requestCertificate;
  private final Random nonces;
  private final Map<String, String> headers;

  private HttpTimestampAuthority(Builder builder) {
    this.url = builder.url;
    this.client = builder.client.newBuilder().callTimeout(builder.timeout).build();
    this.policy = builder.policy == null ? null : new ASN1ObjectIdentifier(builder.policy);
    this.requestCertificate = builder.requestCertificate;
    this.nonces = builder.nonces;
    this.headers = Map.copyOf(builder.headers);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public byte[] timestamp(byte[] digest, DigestAlgorithm algorithm) {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(algorithm, "algorithm");
    if (digest.length != algorithm.length()) {
      throw new SecurityRefusalException(
          "tsa.imprint", "The digest is not a " + algorithm.jcaName() + " digest.", null);
    }
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(requestCertificate);
    if (policy != null) {
      generator.setReqPolicy(policy);
    }
    BigInteger nonce;
    synchronized (nonces) {
      nonce = new BigInteger(63, nonces);
    }
    TimeStampRequest request =
        generator.generate(new ASN1ObjectIdentifier(algorithm.oid()), digest, nonce);
    byte[] reply = post(encode(request));
    return check(request, reply, digest, nonce);
  }

  private static byte[] encode(TimeStampRequest request) {
    try {
      return request.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot encode a time-stamp request", e);
    }
  }

  private byte[] post(byte[] body) {
    Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, QUERY));
    headers.forEach(request::header);
    try (Response response = client.newCall(request.build()).execute()) {
      if (response.code() != 200) {
        throw new RetryLaterException(
            "tsa.http", "The time-stamp authority answered HTTP " + response.code() + ".", null);
      }
      ResponseBody responseBody = response.body();
      return responseBody.bytes();
    } catch (InterruptedIOException e) {
      throw new RetryLaterException(
          "tsa.timeout", "The time-stamp authority did not answer in time.", e);
    } catch (IOException e) {
      throw new RetryLaterException("tsa.http", "The time-stamp authority cannot be reached.", e);
    }
  }

  private byte[] check(TimeStampRequest request, byte[] reply, byte[] digest, BigInteger nonce) {
    TimeStampResponse response;
    try {
      response = new TimeStampResponse(reply);
    } catch (TSPException | IOException | RuntimeException e) {
      throw new SecurityRefusalException(
          "tsa.malformed", "The reply is not an RFC 3161 time-stamp response.", e);
    }
    int status = response.getStatus();
    if (status != 0 && status != 1) {
      String text = response.getStatusString();
      throw new ConfigurationException(
          "tsa.status",
          "The time-stamp authority refused: status "
              + status
              + (response.getFailInfo() == null
                  ? ""
                  : ", failure info " + response.getFailInfo().intValue())
              + (text == null ? "" : " (" + text + ")")
              + ".",
          null);
    }
    TimeStampToken token = response.getTimeStampToken();
    if (token == null) {
      throw new SecurityRefusalException(
          "tsa.malformed", "The reply grants a time-stamp but holds no token.", null);
    }
    TimeStampTokenInfo info = token.getTimeStampInfo();
    if (!info.getMessageImprintAlgOID().equals(request.getMessageImprintAlgOID())
        || !Arrays.equals(info.getMessageImprintDigest(), digest)) {
      throw new SecurityRefusalException(
          "tsa.imprint", "The token stamps another digest than the one sent.", null);
    }
    if (info.getNonce() == null || !info.getNonce().equals(nonce)) {
      throw new SecurityRefusalException(
          "tsa.nonce", "The token's nonce is not the request's: it answers another request.", null);
    }
    if (policy != null && !policy.equals(info.getPolicy())) {
      throw new SecurityRefusalException(
          "tsa.policy", "The token is issued under another policy than requested.", null);
    }
    if (requestCertificate) {
      verifyWithIncludedCertificate(token, status);
    }
    try {
      LOG.debug("Time-stamp token obtained from {} at {}", url.host(), info.getGenTime());
      return token.getEncoded();
    } catch (IOException e) {
      throw new SecurityRefusalException("tsa.malformed", "The token cannot be encoded.", e);
    }
  }

  private static void verifyWithIncludedCertificate(TimeStampToken token, int status) {
    Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
    if (matches.isEmpty()) {
      throw new SecurityRefusalException(
          "tsa.certificate",
          "The certificate was requested but the token does not include it.",
          null);
    }
    try {
      X509CertificateHolder holder = matches.iterator().next();
      X509Certificate certificate =
          new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
    } catch (Exception e) {
      throw new SecurityRefusalException(
          "tsa.certificate", "The token does not verify with the authority's certificate.", e);
    }
  }

  @Override
  public String toString() {
    return "HttpTimestampAuthority[" + url.host() + "]";
  }

  /** Builds an {@link HttpTimestampAuthority}. Not thread-safe. */
  public static final class Builder {
    private HttpUrl url;
    private OkHttpClient client;
    private String policy;
    private boolean requestCertificate = true;
    private Random nonces;
    private Duration timeout = Duration.ofSeconds(30);
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the authority's URL (required).
     *
     * @param url an http or https URL
     * @return this builder
     * @throws ConfigurationException {@code tsa.url.invalid}
     */
    public Builder url(String url) {
      HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
      if (parsed == null) {
        throw new ConfigurationException(
            "tsa.url.invalid", "The time-stamp authority URL is not an http(s) URL.", null);
      }
      this.url = parsed;
      return this;
    }

    /**
     * Uses the integrator's HTTP client (its pool, proxy, TLS settings).
     *
     * @param client the client; default a new one
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Requests a policy.
     *
     * @param oid the dotted policy OID; default none (the authority's default policy)
     * @return this builder
     */
    public Builder policy(String oid) {
      if (oid != null && !oid.matches("[0-2](\\.\\d+)+")) {
        throw new ConfigurationException(
            "tsa.policy.invalid", "The policy is not a dotted OID.", null);
      }
      this.policy = oid;
      return this;
    }

    /**
     * Sets whether to ask for the authority's certificate in the token (RFC 3161 certReq).
     *
     * @param request default true, so the token can be verified on its own
     * @return this builder
     */
    public Builder requestCertificate(boolean request) {
      this.requestCertificate = request;
      return this;
    }

    /**
     * Adds an HTTP header to every request, such as {@code Authorization} for an authority that
     * requires credentials.
     *
     * @param name the header name
     * @param value the value; never logged
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the whole-call timeout.
     *
     * @param timeout a positive duration; default 30 seconds
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new ConfigurationException(
            "tsa.timeout.invalid", "The timeout must be positive.", null);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the source of nonces, for reproducible tests.
     *
     * @param random the source; default a {@link SecureRandom}
     * @return this builder
     */
    public Builder nonceSource(Random random) {
      this.nonces = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the authority client.
     *
     * @return the client
     * @throws ConfigurationException {@code tsa.url.missing}
     */
    public HttpTimestampAuthority build() {
      if (url == null) {
        throw new ConfigurationException(
            "tsa.url.missing", "Give url(...) of the time-stamp authority.", null);
      }
      if (client == null) {
        client = new OkHttpClient();
      }
      if (nonces == null) {
        nonces = new SecureRandom();
      }
      return new HttpTimestampAuthority(this);
    }
  }
}
