package io.github.motcua.portal.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.portal.CircuitState;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.internal.ClientCredentials;
import io.github.motcua.portal.internal.Failures;
import io.github.motcua.portal.internal.PortalCalls;
import io.github.motcua.portal.internal.PortalHttp;
import io.github.motcua.portal.internal.Redact;
import io.github.motcua.portal.internal.Reply;
import io.github.motcua.portal.internal.SingleFlight;
import io.github.motcua.portal.internal.Urls;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A {@link ReceiptTransmitter} over HTTPS, JSON or XML, as a {@link TaxAuthorityProfile} describes
 * the authority's or the provider's gateway. Each call carries an {@code Idempotency-Key} (the
 * document's or the summary's key) and is retried under the {@link RetryPolicy}; a refusal (HTTP
 * 4xx other than 401, 403 and 429) throws {@link InvalidInputException} whose remote code and
 * message are the authority's ({@code code}, {@code message}).
 *
 * <p>Thread-safe; build one per gateway and share it.
 */
public final class HttpReceiptTransmitter implements ReceiptTransmitter {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final MediaType XML = MediaType.get("application/xml; charset=utf-8");
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** The header that carries the document's key in XML mode. */
  public static final String RECEIPT_KEY = "X-Receipt-Key";

  private final TaxAuthorityProfile profile;
  private final HttpUrl receiptUrl;
  private final HttpUrl summaryUrl;
  private final HttpUrl tokenUrl;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final PortalHttp http;
  private final SingleFlight<String> tokens;

  private HttpReceiptTransmitter(Builder b) {
    this.profile = b.profile;
    HttpUrl base = Urls.base(profile.baseUrl(), "tax.base-url");
    this.receiptUrl = Urls.resolve(base, profile.receiptPath(), "tax.receipt-path");
    this.summaryUrl = Urls.resolve(base, profile.summaryPath(), "tax.summary-path");
    this.tokenUrl =
        profile.tokenUrl() == null ? null : Urls.base(profile.tokenUrl(), "tax.token-url");
    this.mapper = b.mapper;
    this.clock = b.clock;
    this.http = new PortalHttp(profile.name(), b.okHttp, b.retryPolicy, b.clock);
    this.tokens = tokenUrl == null ? null : PortalCalls.credential(this::requestToken, clock);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TransmissionResult transmit(ReceiptTransmission t) {
    Objects.requireNonNull(t, "transmission");
    RequestBody body;
    if (profile.format() == TaxAuthorityProfile.Format.XML) {
      body = RequestBody.create(t.document(), XML);
    } else {
      ObjectNode node = mapper.createObjectNode();
      node.put(profile.field("taxCode"), t.taxCode());
      node.put(profile.field("formSymbol"), t.formSymbol());
      node.put(profile.field("receiptSymbol"), t.receiptSymbol());
      node.put(profile.field("number"), t.number());
      node.put(profile.field("kind"), t.kind());
      node.put(profile.field("issuedAt"), vietnamTime(t.issuedAt()));
      node.put(profile.field("document"), Base64.getEncoder().encodeToString(t.document()));
      body = RequestBody.create(PortalCalls.write(mapper, node), JSON);
    }
    return post(receiptUrl, body, t.key());
  }

  @Override
  public TransmissionResult transmitSummary(ReceiptSummary s) {
    Objects.requireNonNull(s, "summary");
    ObjectNode node = mapper.createObjectNode();
    node.put(profile.field("form"), "01/TH-BLĐT");
    node.put(profile.field("taxCode"), s.taxCode());
    node.put(profile.field("day"), s.day().toString());
    ArrayNode lines = node.putArray(profile.field("lines"));
    for (ReceiptSummary.Line l : s.lines()) {
      ObjectNode line = lines.addObject();
      line.put(profile.field("formSymbol"), l.formSymbol());
      line.put(profile.field("receiptSymbol"), l.receiptSymbol());
      line.put(profile.field("number"), l.number());
      line.put(profile.field("kind"), l.kind());
      line.put(profile.field("issuedAt"), vietnamTime(l.issuedAt()));
      line.put(profile.field("amount"), l.amount());
    }
    return post(summaryUrl, RequestBody.create(PortalCalls.write(mapper, node), JSON), s.key());
  }

  private static String vietnamTime(Instant at) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(VIETNAM).toOffsetDateTime());
  }

  private TransmissionResult post(HttpUrl url, RequestBody body, String key) {
    return http.execute(
        "POST " + url.encodedPath(),
        true,
        attempt -> {
          Request.Builder request =
              new Request.Builder()
                  .url(url)
                  .header(PortalHttp.IDEMPOTENCY_KEY, key)
                  .header(RECEIPT_KEY, key)
                  .post(body);
          String token = null;
          if (tokens != null) {
            token = PortalCalls.current(tokens);
            request.header("Authorization", "Bearer " + token);
          }
          Reply reply = http.send(request.build());
          JsonNode node = PortalCalls.objectOrNull(mapper, reply.body());
          if (reply.status() >= 200 && reply.status() < 300) {
            if (node == null) {
              // Accepted or not, the reply does not say: ask again, the key makes it harmless.
              throw new RetryLaterException(
                  "portal.protocol.reply",
                  Failures.detail(
                      "The "
                          + profile.name()
                          + " answered HTTP "
                          + reply.status()
                          + " without JSON.",
                      reply.status(),
                      null,
                      reply.requestId()),
                  null);
            }
            String code = text(node, profile.field("acceptanceCode"));
            return new TransmissionResult(key, code, reply.requestId());
          }
          String remote = text(node, profile.field("code"));
          String message = Redact.message(text(node, profile.field("message")));
          if (reply.status() == 401 || reply.status() == 403) {
            if (token != null && reply.status() == 401) {
              tokens.invalidate(token);
            }
            String refusal =
                Failures.detail(
                    "The " + profile.name() + " refused this client's credentials.",
                    reply.status(),
                    remote,
                    reply.requestId());
            if (reply.status() == 401) {
              // The token expired: renewed and sent again.
              throw new RetryLaterException("portal.auth.expired", refusal);
            }
            throw new ConfigurationException("portal.auth.forbidden", refusal);
          }
          if (reply.status() >= 400 && reply.status() < 500) {
            throw Failures.rejected(
                "portal.rejected",
                "The "
                    + profile.name()
                    + " refused "
                    + key
                    + " (HTTP "
                    + reply.status()
                    + ", code "
                    + remote
                    + "): "
                    + message,
                reply.status(),
                remote,
                reply.requestId());
          }
          throw new RetryLaterException(
              "portal.protocol.status",
              Failures.detail(
                  "The " + profile.name() + " answered with HTTP " + reply.status() + ".",
                  reply.status(),
                  null,
                  reply.requestId()),
              null);
        });
  }

  private static String text(JsonNode node, String field) {
    return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
  }

  private SingleFlight.Expiring<String> requestToken() throws IOException {
    return new ClientCredentials(
            profile.name(),
            tokenUrl,
            profile.clientId(),
            profile.clientSecret(),
            null,
            Duration.ofSeconds(30))
        .obtain(http, mapper, clock);
  }

  /**
   * Returns the state of the circuit breaker.
   *
   * @return the state
   */
  public CircuitState circuitState() {
    return http.circuitState();
  }

  /**
   * Returns the retry policy of the calls.
   *
   * @return the policy
   */
  public RetryPolicy retryPolicy() {
    return http.policy();
  }

  @Override
  public String toString() {
    return "HttpReceiptTransmitter[" + profile + "]";
  }

  /** Builds an {@link HttpReceiptTransmitter}. Not thread-safe. */
  public static final class Builder {
    private TaxAuthorityProfile profile;
    private OkHttpClient okHttp;
    private ObjectMapper mapper;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder() {}

    /**
     * Sets the gateway's profile (required).
     *
     * @param profile the profile; not null
     * @return this builder
     */
    public Builder profile(TaxAuthorityProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Sets the HTTP client to derive from (its pool, proxy, TLS).
     *
     * @param okHttp the client; not null
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttp) {
      this.okHttp = Objects.requireNonNull(okHttp, "okHttp");
      return this;
    }

    /**
     * Sets the JSON mapper.
     *
     * @param mapper the mapper; not null
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock the clock; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the retry policy. Default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy; not null
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Builds the transmitter.
     *
     * @return the transmitter
     * @throws io.github.motcua.core.ConfigurationException when the profile is missing or a URL is
     *     malformed
     */
    public HttpReceiptTransmitter build() {
      if (profile == null) {
        throw new io.github.motcua.core.ConfigurationException(
            "tax.profile", "A tax authority profile is required.");
      }
      if (okHttp == null) {
        okHttp = new OkHttpClient();
      }
      if (mapper == null) {
        mapper = new ObjectMapper();
      }
      return new HttpReceiptTransmitter(this);
    }
  }
}
