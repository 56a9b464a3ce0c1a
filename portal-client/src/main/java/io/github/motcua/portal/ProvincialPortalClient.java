package io.github.motcua.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.portal.internal.ClientCredentials;
import io.github.motcua.portal.internal.DossierRecords;
import io.github.motcua.portal.internal.Failures;
import io.github.motcua.portal.internal.PortalCalls;
import io.github.motcua.portal.internal.PortalHttp;
import io.github.motcua.portal.internal.RecordMemory;
import io.github.motcua.portal.internal.Reply;
import io.github.motcua.portal.internal.SingleFlight;
import io.github.motcua.portal.internal.Urls;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A client of a provincial public-service portal behind a local data-sharing gateway: OAuth2 client
 * credentials and JSON over REST, configured by a {@link ProvincialPortalProfile} so that one
 * client type serves any province.
 *
 * <p>The access token is cached and renewed {@link ProvincialPortalProfile#tokenRefreshMargin()}
 * before it expires, by a single thread while the others wait; a token the portal rejects (HTTP
 * 401) is renewed once, however many threads saw the rejection.
 *
 * <p>{@link #publish(DossierEvent, Dossier)} PUTs the whole dossier record (created or replaced), a
 * completed processing step under its event id, and a rating: every call is idempotent by
 * construction, and also carries an {@code Idempotency-Key} derived from the event id.
 *
 * <p>Thread-safe; build one per province and share it.
 */
public final class ProvincialPortalClient implements PortalClient {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final ProvincialPortalProfile profile;
  private final HttpUrl base;
  private final HttpUrl tokenUrl;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final PortalHttp http;
  private final DossierRecords records;
  private final SingleFlight<String> tokens;
  private final RecordMemory memory;

  private ProvincialPortalClient(Builder b) {
    this.profile = b.profile;
    this.base = Urls.base(profile.baseUrl(), "provincial.base-url");
    HttpUrl token = HttpUrl.parse(profile.tokenUrl());
    if (token == null) {
      throw new ConfigurationException(
          "portal.config.provincial.token-url", "The OAuth2 token URL is not an http(s) URL.");
    }
    this.tokenUrl = token;
    this.mapper = b.mapper;
    this.clock = b.clock;
    this.http = new PortalHttp(profile.name(), b.okHttp, b.retryPolicy, b.clock);
    this.records = new DossierRecords(mapper, profile.codes());
    this.tokens = PortalCalls.credential(this::requestToken, clock);
    this.memory = new RecordMemory(b.recordMemory);
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
  public PublishResult publish(DossierEvent event, Dossier snapshot) {
    return publish(new Publication(event, snapshot));
  }

  /**
   * Publishes an event as {@link #publish(DossierEvent, Dossier)} does; every request asks the
   * publication's {@link Publication#fence() fence} first, and once it is no longer held the
   * publish stops with {@link RetryLaterException} before its next request.
   *
   * @param publication the event and its snapshot
   * @return what was sent
   */
  @Override
  public PublishResult publish(Publication publication) {
    return http.publishing(
        publication, () -> publishFenced(publication.event(), publication.snapshot()));
  }

  private PublishResult publishFenced(DossierEvent event, Dossier snapshot) {
    PortalCalls.checkPublish(event, snapshot);
    if (event instanceof DossierEvent.ReceiptRecorded) {
      // For the tax authority, not the portal: nothing to send here.
      return new PublishResult(profile.name(), snapshot.code(), event.eventId(), List.of(), null);
    }
    String code = snapshot.code().value();
    String key = event.eventId().toString();
    List<String> ops = new ArrayList<>();
    String record = json(records.record(snapshot, snapshot.code().agency().value()));
    byte[] digest = memory.digest(record);
    String requestId = null;
    try {
      if (!memory.holds(event, snapshot, digest)) {
        requestId = put(path(profile.dossierPath(), code, null), record, key + ":record");
        ops.add("PUT dossier");
      }
      if (event instanceof DossierEvent.StepCompleted s) {
        requestId =
            put(
                path(profile.stepPath(), code, key),
                json(records.step(snapshot, s.step())),
                key + ":step");
        ops.add("PUT step");
      } else if (event instanceof DossierEvent.Rated r) {
        requestId =
            put(
                path(profile.ratingPath(), code, null),
                json(records.rating(snapshot, r.rating(), r.occurredAt())),
                key + ":rating");
        ops.add("PUT rating");
      }
    } catch (RuntimeException e) {
      memory.forget(snapshot.code());
      throw e;
    }
    memory.stored(event, snapshot.code(), digest);
    return new PublishResult(profile.name(), snapshot.code(), event.eventId(), ops, requestId);
  }

  /**
   * Returns how many access tokens this client obtained.
   *
   * @return the count
   */
  long tokenCount() {
    return tokens.obtainedCount();
  }

  @Override
  public CircuitState circuitState() {
    return http.circuitState();
  }

  /**
   * Returns the retry policy this client was built with.
   *
   * @return the policy; never empty
   */
  @Override
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.of(http.policy());
  }

  private HttpUrl path(String template, String code, String stepId) {
    HttpUrl.Builder url = base.newBuilder();
    String path = template.startsWith("/") ? template.substring(1) : template;
    url.encodedPath(base.encodedPath());
    for (String segment : path.split("/")) {
      if (segment.equals("{code}")) {
        url.addPathSegment(code);
      } else if (segment.equals("{stepId}")) {
        url.addPathSegment(stepId);
      } else if (!segment.isEmpty()) {
        url.addPathSegment(segment);
      }
    }
    return url.build();
  }

  /** A record with the profile's field names, as sent. */
  private String json(ObjectNode body) {
    return write(DossierRecords.rename(body, profile.fieldNames()));
  }

  private String put(HttpUrl url, String json, String key) {
    return http.execute(
        "PUT " + url.encodedPath(),
        true,
        attempt -> {
          String token = PortalCalls.current(tokens);
          Reply reply =
              http.send(
                  new Request.Builder()
                      .url(url)
                      .header("Authorization", "Bearer " + token)
                      .header(PortalHttp.IDEMPOTENCY_KEY, key)
                      .put(RequestBody.create(json, JSON))
                      .build());
          if (reply.status() >= 200 && reply.status() < 300) {
            return reply.requestId();
          }
          if (reply.status() == 401) {
            tokens.invalidate(token);
            throw new RetryLaterException(
                "portal.auth.expired",
                Failures.detail(
                    "The " + profile.name() + " portal rejected the access token.",
                    401,
                    remoteCode(reply),
                    reply.requestId()));
          }
          if (reply.status() == 403) {
            throw new ConfigurationException(
                "portal.auth.forbidden",
                Failures.detail(
                    "The " + profile.name() + " portal refused this client access.",
                    403,
                    remoteCode(reply),
                    reply.requestId()));
          }
          if (reply.status() >= 400 && reply.status() < 500) {
            throw Failures.rejected(
                "portal.rejected",
                "The "
                    + profile.name()
                    + " portal refused the request (HTTP "
                    + reply.status()
                    + ")",
                reply.status(),
                remoteCode(reply),
                Optional.ofNullable(field(reply, "message")).orElse(""),
                reply.status() == 404 ? Failures.Reason.NOT_FOUND : Failures.Reason.REFUSED,
                reply.requestId());
          }
          throw new RetryLaterException(
              "portal.protocol.status",
              Failures.detail(
                  "The " + profile.name() + " portal answered with HTTP " + reply.status() + ".",
                  reply.status(),
                  null,
                  reply.requestId()),
              null);
        });
  }

  private SingleFlight.Expiring<String> requestToken() throws IOException {
    return new ClientCredentials(
            profile.name(),
            tokenUrl,
            profile.clientId(),
            profile.clientSecret(),
            profile.scope(),
            profile.tokenRefreshMargin())
        .obtain(http, mapper, clock);
  }

  private JsonNode parse(Reply reply) {
    return PortalCalls.objectOrNull(mapper, reply.body());
  }

  private String remoteCode(Reply reply) {
    String code = field(reply, "error");
    return code == null ? field(reply, "code") : code;
  }

  private String field(Reply reply, String name) {
    JsonNode node = parse(reply);
    if (node == null || !node.hasNonNull(name)) {
      return null;
    }
    return node.get(name).asText();
  }

  private String write(JsonNode node) {
    return PortalCalls.write(mapper, node);
  }

  @Override
  public String toString() {
    return "ProvincialPortalClient[" + profile + "]";
  }

  /** Builds a {@link ProvincialPortalClient}. Not thread-safe. */
  public static final class Builder extends PortalClientBuilder<Builder> {
    private ProvincialPortalProfile profile;

    private Builder() {
      super("provincial");
    }

    /**
     * Sets the province's profile (required).
     *
     * @param profile the profile
     * @return this builder
     */
    public Builder profile(ProvincialPortalProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ConfigurationException when the profile is missing
     */
    public ProvincialPortalClient build() {
      if (profile == null) {
        throw new ConfigurationException(
            "portal.config.provincial.profile", "A provincial portal profile is required.");
      }
      applyDefaults();
      return new ProvincialPortalClient(this);
    }
  }
}
