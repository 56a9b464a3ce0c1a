package io.github.motcua.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.motcua.testkit.internal.FormParameters;
import io.github.motcua.testkit.internal.portal.FakeServer;
import io.github.motcua.testkit.internal.portal.FakeServer.FakeReply;
import io.github.motcua.testkit.internal.portal.NationalRules;
import io.github.motcua.testkit.internal.portal.NationalRules.Refusal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A stateful fake of a provincial public-service portal behind a local data-sharing gateway: OAuth2
 * client credentials and REST/JSON on a free loopback port, matching the default {@code
 * ProvincialPortalProfile} of motcua's portal client.
 *
 * <p>{@code POST /oauth2/token} ({@code grant_type=client_credentials}, client id and secret by
 * HTTP Basic or in the form) issues bearer tokens that expire after {@code tokenTtl} on the fake's
 * clock. {@code PUT /api/v1/dossiers/{code}} creates or replaces a dossier record (national field
 * names; checked for required fields, formats and a legal status progression), {@code PUT
 * /api/v1/dossiers/{code}/steps/{stepId}} stores a processing step under its id, {@code PUT
 * /api/v1/dossiers/{code}/rating} stores the rating, {@code GET /api/v1/dossiers/{code}} returns
 * the record with its steps. Errors: 401 {@code invalid_token} / {@code invalid_client}, 400 {@code
 * invalid_request} (with the national code in {@code code}), 404 {@code not_found}, 409 {@code
 * illegal_status}.
 *
 * <p>Thread-safe; no static state; close it to stop it.
 */
public final class ProvincialPortalFake implements AutoCloseable, FaultInjectable {

  /** The token endpoint's path. */
  public static final String TOKEN_PATH = "/oauth2/token";

  /** The dossier collection's path. */
  public static final String DOSSIERS_PATH = "/api/v1/dossiers";

  /**
   * A dossier as the fake holds it (copies).
   *
   * @param code the dossier code
   * @param current the latest record
   * @param history every record received, oldest first
   * @param steps the processing steps by step id, in first-arrival order
   * @param rating the rating, or null
   */
  public record StoredDossier(
      String code,
      JsonNode current,
      List<JsonNode> history,
      Map<String, JsonNode> steps,
      JsonNode rating) {

    /**
     * Returns the current status ({@code TrangThaiHoSo}).
     *
     * @return the national status code
     */
    public int status() {
      return current.path("TrangThaiHoSo").asInt();
    }
  }

  private static final class Stored {
    ObjectNode current;
    final List<ObjectNode> history = new ArrayList<>();
    final Map<String, ObjectNode> steps = new LinkedHashMap<>();
    ObjectNode rating;
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final String clientId;
  private final String clientSecret;
  private final Duration tokenTtl;
  private final Clock clock;
  private final Map<String, Instant> tokens = new HashMap<>();
  private final Map<String, Stored> dossiers = new TreeMap<>();
  private long issued;
  private final FakeServer server;

  private ProvincialPortalFake(Builder b) {
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.tokenTtl = b.tokenTtl;
    this.clock = b.clock;
    this.server =
        new FakeServer("provincial-portal-fake", this::handle, DOSSIERS_PATH, this::expire);
  }

  /**
   * Starts a fake with the default settings (client {@code motcua-client} / {@code
   * motcua-client-secret}, tokens valid 5 minutes).
   *
   * @return the running fake
   */
  public static ProvincialPortalFake start() {
    return builder().start();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the REST base URL.
   *
   * @return for example {@code http://127.0.0.1:41234}
   */
  public String baseUrl() {
    return server.baseUrl();
  }

  /**
   * Returns the token endpoint's URL.
   *
   * @return the URL
   */
  public String tokenUrl() {
    return server.baseUrl() + TOKEN_PATH;
  }

  /**
   * Returns the client id the fake accepts.
   *
   * @return the client id
   */
  public String clientId() {
    return clientId;
  }

  /**
   * Returns the client secret the fake accepts.
   *
   * @return the secret
   */
  public String clientSecret() {
    return clientSecret;
  }

  /**
   * Returns a stored dossier.
   *
   * @param code the dossier code
   * @return the dossier, empty when never received
   */
  public synchronized Optional<StoredDossier> dossier(String code) {
    Stored s = dossiers.get(code);
    return s == null ? Optional.empty() : Optional.of(view(code, s));
  }

  /**
   * Returns every stored dossier by code.
   *
   * @return an unmodifiable sorted copy
   */
  public synchronized Map<String, StoredDossier> dossiers() {
    Map<String, StoredDossier> out = new TreeMap<>();
    dossiers.forEach((code, s) -> out.put(code, view(code, s)));
    return Collections.unmodifiableMap(out);
  }

  private StoredDossier view(String code, Stored s) {
    Map<String, JsonNode> steps = new LinkedHashMap<>();
    s.steps.forEach((id, step) -> steps.put(id, step.deepCopy()));
    return new StoredDossier(
        code,
        s.current.deepCopy(),
        s.history.stream().map(n -> (JsonNode) n.deepCopy()).toList(),
        Collections.unmodifiableMap(steps),
        s.rating == null ? null : s.rating.deepCopy());
  }

  /**
   * Returns how many tokens the fake issued.
   *
   * @return the count
   */
  public synchronized long issuedTokenCount() {
    return issued;
  }

  /** Expires every issued token now. */
  public synchronized void expireTokens() {
    tokens.clear();
  }

  /**
   * Returns how many HTTP requests arrived, faults included.
   *
   * @return the count
   */
  public long requestCount() {
    return server.requestCount();
  }

  /**
   * Applies a fault preset (see {@link Fault}).
   *
   * @param fault the preset; not null
   */
  @Override
  public void inject(Fault fault) {
    server.faults().apply(java.util.Objects.requireNonNull(fault, "fault"));
  }

  /** Removes every injected fault. */
  @Override
  public void clearFaults() {
    server.faults().clear();
  }

  /**
   * Returns how often a fault was injected.
   *
   * @param fault the fault
   * @return the count
   */
  @Override
  public long injectedFaults(PortalFault fault) {
    return server.faults().injected(fault);
  }

  /**
   * Sets how long a {@link PortalFault#TIMEOUT} holds a reply back (default 2 s).
   *
   * @param delay the delay
   */
  public void timeoutDelay(Duration delay) {
    server.timeoutDelay(Objects.requireNonNull(delay, "delay"));
  }

  /** Forgets every dossier, token and fault. */
  public synchronized void reset() {
    dossiers.clear();
    tokens.clear();
    issued = 0;
    clearFaults();
  }

  @Override
  public void close() {
    server.close();
  }

  private synchronized FakeReply expire(LoggedRequest request) {
    String token = bearer(request);
    if (token != null) {
      tokens.remove(token);
    }
    return invalidToken();
  }

  private static FakeReply invalidToken() {
    return new FakeReply(
        401,
        "{\"error\":\"invalid_token\",\"message\":\"The access token expired or is unknown.\"}",
        Map.of(
            "Content-Type",
            "application/json",
            "WWW-Authenticate",
            "Bearer error=\"invalid_token\""));
  }

  private static String bearer(LoggedRequest request) {
    String auth = request.getHeader("Authorization");
    return auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : null;
  }

  private synchronized FakeReply handle(LoggedRequest request) {
    String path = request.getUrl();
    String method = request.getMethod().getName();
    if (path.equals(TOKEN_PATH) && method.equals("POST")) {
      return token(request);
    }
    if (!path.startsWith(DOSSIERS_PATH + "/")) {
      return noSuchResource(method, path);
    }
    String token = bearer(request);
    Instant expiry = token == null ? null : tokens.get(token);
    if (expiry == null || !clock.instant().isBefore(expiry)) {
      if (token != null) {
        tokens.remove(token);
      }
      return invalidToken();
    }
    String[] parts = path.substring(DOSSIERS_PATH.length() + 1).split("/");
    String code = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    try {
      if (parts.length == 1 && method.equals("GET")) {
        return get(code);
      }
      JsonNode body = parse(request.getBodyAsString());
      if (body == null || !body.isObject()) {
        return error(400, "invalid_request", NationalRules.BAD_FORMAT, "The body is not JSON.");
      }
      if (parts.length == 1 && method.equals("PUT")) {
        return putDossier(code, (ObjectNode) body);
      }
      if (parts.length == 3 && parts[1].equals("steps") && method.equals("PUT")) {
        return putStep(
            code, URLDecoder.decode(parts[2], StandardCharsets.UTF_8), (ObjectNode) body);
      }
      if (parts.length == 2 && parts[1].equals("rating") && method.equals("PUT")) {
        return putRating(code, (ObjectNode) body);
      }
      return noSuchResource(method, path);
    } catch (Refusal r) {
      int status = r.code == NationalRules.ILLEGAL_STATUS ? 409 : 400;
      return error(
          status,
          r.code == NationalRules.ILLEGAL_STATUS ? "illegal_status" : "invalid_request",
          r.code,
          r.getMessage());
    }
  }

  private FakeReply token(LoggedRequest request) {
    Map<String, String> form;
    try {
      form = FormParameters.parse(request.getBodyAsString());
    } catch (IllegalArgumentException e) {
      return FakeReply.json(400, "{\"error\":\"invalid_request\"}");
    }
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    String auth = request.getHeader("Authorization");
    if (auth != null && auth.startsWith("Basic ")) {
      String decoded =
          new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
      }
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return FakeReply.json(400, "{\"error\":\"unsupported_grant_type\"}");
    }
    if (!clientId.equals(id) || !clientSecret.equals(secret)) {
      return FakeReply.json(401, "{\"error\":\"invalid_client\"}");
    }
    String token = UUID.randomUUID().toString();
    tokens.put(token, clock.instant().plus(tokenTtl));
    issued++;
    ObjectNode out = mapper.createObjectNode();
    out.put("access_token", token);
    out.put("token_type", "Bearer");
    out.put("expires_in", tokenTtl.toSeconds());
    return FakeReply.json(200, out.toString());
  }

  private FakeReply putDossier(String code, ObjectNode record) {
    NationalRules.checkRecord(record, null);
    if (!code.equals(NationalRules.text(record, "MaHoSo"))) {
      throw new Refusal(NationalRules.BAD_FORMAT, "MaHoSo differs from the path.");
    }
    Stored s = dossiers.get(code);
    if (s != null) {
      NationalRules.checkProgression(
          s.current.path("TrangThaiHoSo").asInt(), record.path("TrangThaiHoSo").asInt());
    } else {
      s = new Stored();
      dossiers.put(code, s);
    }
    s.current = record.deepCopy();
    s.history.add(record.deepCopy());
    return FakeReply.json(200, "{\"status\":\"ok\"}");
  }

  private FakeReply putStep(String code, String stepId, ObjectNode step) {
    Stored s = dossiers.get(code);
    if (s == null) {
      return error(404, "not_found", NationalRules.NOT_FOUND, "Hồ sơ không tồn tại");
    }
    NationalRules.checkStep(step);
    s.steps.put(stepId, step.deepCopy());
    return FakeReply.json(200, "{\"status\":\"ok\"}");
  }

  private FakeReply putRating(String code, ObjectNode rating) {
    Stored s = dossiers.get(code);
    if (s == null) {
      return error(404, "not_found", NationalRules.NOT_FOUND, "Hồ sơ không tồn tại");
    }
    if (!NationalRules.text(rating, "MucDoHaiLong").matches("[1-5]")) {
      throw new Refusal(NationalRules.BAD_FORMAT, "MucDoHaiLong ngoài miền giá trị");
    }
    s.rating = rating.deepCopy();
    return FakeReply.json(200, "{\"status\":\"ok\"}");
  }

  private FakeReply get(String code) {
    Stored s = dossiers.get(code);
    if (s == null) {
      return error(404, "not_found", NationalRules.NOT_FOUND, "Hồ sơ không tồn tại");
    }
    ObjectNode out = s.current.deepCopy();
    out.putArray("QuaTrinhXuLy").addAll(new ArrayList<>(s.steps.values()));
    return FakeReply.json(200, out.toString());
  }

  private FakeReply noSuchResource(String method, String path) {
    String serves =
        String.format(
            "POST %s, GET and PUT %2$s/{code}, PUT %2$s/{code}/steps/{step} and PUT %2$s/{code}/rating",
            TOKEN_PATH, DOSSIERS_PATH);
    return error(404, "not_found", 0, FakeReply.noSuchResource(method, path, serves));
  }

  private FakeReply error(int status, String error, int code, String message) {
    ObjectNode out = mapper.createObjectNode();
    out.put("error", error);
    out.put("code", code);
    out.put("message", message);
    return FakeReply.json(status, out.toString());
  }

  private JsonNode parse(String text) {
    try {
      return text == null || text.isBlank() ? null : mapper.readTree(text);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Configures a {@link ProvincialPortalFake}. Not thread-safe. */
  public static final class Builder {
    private String clientId = "motcua-client";
    private String clientSecret = "motcua-client-secret";
    private Duration tokenTtl = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the client credentials the fake accepts.
     *
     * @param clientId the client id
     * @param clientSecret the secret
     * @return this builder
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * Sets how long a token lives (default 5 minutes), on the fake's clock.
     *
     * @param ttl the lifetime, at least one second
     * @return this builder
     */
    public Builder tokenTtl(Duration ttl) {
      this.tokenTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Sets the fake's clock (default UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Starts the fake on a free loopback port.
     *
     * @return the running fake
     */
    public ProvincialPortalFake start() {
      return new ProvincialPortalFake(this);
    }
  }
}
