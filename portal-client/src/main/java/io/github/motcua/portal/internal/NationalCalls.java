package io.github.motcua.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.NationalPortalProfile;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The national portal's calls (docs/domain.md §4): the adapter session (logged in once, renewed
 * once when the portal declares it expired, however many threads saw it expire) and the envelope of
 * every call ({@code session}, {@code madonvi}, {@code service}, {@code dstcode} header), with the
 * reply classified by the profile's reply table into success or a typed failure. Thread-safe.
 */
public final class NationalCalls {

  /** Sends a dossier record. */
  public static final String SYNC = "DongBoHoSoMC";

  /** Appends processing steps. */
  public static final String PROGRESS = "CapNhatTienDoHoSoMC";

  /** Looks a dossier up. */
  public static final String LOOK_UP = "TraCuuHoSo";

  /** Reads one procedure of the catalogue. */
  public static final String PROCEDURE = "LayThuTuc";

  /** Reads the procedure catalogue. */
  public static final String PROCEDURES = "LayDanhSachTTHC";

  /** Sends ratings. */
  public static final String RATINGS = "DongBoDanhGia";

  /** Looks an applicant's account up (sharing endpoint). */
  public static final String ACCOUNT_ID = "TraCuuTechID";

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** How to reach the adapter and who logs in. */
  public record Endpoint(
      HttpUrl loginUrl,
      HttpUrl serviceUrl,
      HttpUrl shareUrl,
      String username,
      String password,
      String unitCode,
      String dstCode) {

    @Override
    public String toString() {
      return "Endpoint[" + serviceUrl + ", unit " + unitCode + "]";
    }
  }

  /**
   * A reply the reply table classified as a success.
   *
   * @param node the reply
   * @param requestId its request id
   */
  public record Answer(JsonNode node, String requestId) {}

  private final Endpoint endpoint;
  private final PortalHttp http;
  private final ObjectMapper mapper;
  private final NationalPortalProfile profile;
  private final Clock clock;
  private final SingleFlight<String> sessions;

  /**
   * Creates the calls of one client.
   *
   * @param endpoint the adapter and the login
   * @param http the executor
   * @param mapper the JSON mapper
   * @param profile the profile
   * @param clock the clock of session ages
   */
  public NationalCalls(
      Endpoint endpoint,
      PortalHttp http,
      ObjectMapper mapper,
      NationalPortalProfile profile,
      Clock clock) {
    this.endpoint = endpoint;
    this.http = http;
    this.mapper = mapper;
    this.profile = profile;
    this.clock = clock;
    this.sessions = PortalCalls.credential(this::login, clock);
  }

  /**
   * Returns the executor the calls run on.
   *
   * @return the executor
   */
  public PortalHttp http() {
    return http;
  }

  /**
   * Returns how many logins were made (the first and each renewal).
   *
   * @return the count
   */
  public long loginCount() {
    return sessions.obtainedCount();
  }

  /**
   * Runs one service call under the retry policy.
   *
   * @param service the canonical service name
   * @param params its parameters, canonical names
   * @param key the idempotency key, or null
   * @param exchange the exchange it belongs to
   * @return the request id of the successful attempt
   */
  public String call(String service, ObjectNode params, String key, Exchange exchange) {
    return http.execute(
        service, true, attempt -> attempt(service, params, key, exchange).requestId());
  }

  /**
   * Sends one attempt of a service call and classifies the reply.
   *
   * @param service the canonical service name
   * @param params its parameters, canonical names (renamed by the profile)
   * @param key the idempotency key, or null
   * @param exchange told the request id once the portal answered
   * @return the successful reply
   * @throws IOException on a transport failure
   * @throws io.github.motcua.core.MotcuaException when the portal refused or failed
   */
  public Answer attempt(String service, ObjectNode params, String key, Exchange exchange)
      throws IOException {
    String session = PortalCalls.current(sessions);
    ObjectNode body = mapper.createObjectNode();
    body.put("session", session);
    body.put("madonvi", endpoint.unitCode());
    body.put("service", profile.service(service));
    JsonNode renamed = DossierRecords.rename(params.deepCopy(), profile.fieldNames(service));
    body.setAll((ObjectNode) renamed);
    Request.Builder request =
        new Request.Builder()
            .url(ACCOUNT_ID.equals(service) ? endpoint.shareUrl() : endpoint.serviceUrl())
            .header("dstcode", endpoint.dstCode())
            .post(RequestBody.create(write(body), JSON));
    if (key != null) {
      request.header(PortalHttp.IDEMPOTENCY_KEY, key);
    }
    Reply reply = http.send(request.build());
    exchange.answered(reply.requestId());
    JsonNode node = parseObject(reply);
    JsonNode codeNode = node.path("error_code");
    String code = codeNode.isValueNode() && !codeNode.isNull() ? codeNode.asText("").strip() : "";
    if (code.isEmpty()) {
      throw new RetryLaterException(
          "portal.protocol.field",
          Failures.detail(
              "The national portal's reply to " + service + " has no error_code.",
              reply.status(),
              null,
              reply.requestId()),
          null);
    }
    JsonNode messageNode = node.path("message");
    String message = messageNode.isValueNode() ? messageNode.asText(null) : null;
    NationalPortalProfile.ReplyKind kind = profile.classify(code, message);
    switch (kind) {
      case SUCCESS:
        return new Answer(node, reply.requestId());
      case SESSION_EXPIRED:
        sessions.invalidate(session);
        throw new RetryLaterException(
            "portal.auth.expired",
            Failures.detail(
                "The national portal declared the session expired.",
                reply.status(),
                code,
                reply.requestId()));
      case AUTHENTICATION:
        throw new ConfigurationException(
            "portal.auth.refused",
            Failures.detail(
                "The national portal refused this unit's credentials for "
                    + service
                    + ": "
                    + Redact.message(message),
                reply.status(),
                code,
                reply.requestId()));
      case UNAVAILABLE:
        throw new RetryLaterException(
            "portal.unavailable.remote",
            Failures.detail(
                "The national portal is temporarily unable to answer "
                    + service
                    + ": "
                    + Redact.message(message)
                    + " (code "
                    + Redact.code(code)
                    + ")",
                reply.status(),
                null,
                reply.requestId()),
            null,
            null);
      default:
        throw Failures.rejected(
            "portal.rejected",
            "The national portal refused " + service,
            reply.status(),
            code,
            message == null ? "" : message,
            kind == NationalPortalProfile.ReplyKind.ALREADY_EXISTS
                ? Failures.Reason.ALREADY_EXISTS
                : kind == NationalPortalProfile.ReplyKind.NOT_FOUND
                    ? Failures.Reason.NOT_FOUND
                    : Failures.Reason.REFUSED,
            reply.requestId());
    }
  }

  private SingleFlight.Expiring<String> login() throws IOException {
    ObjectNode body = mapper.createObjectNode();
    body.put("username", endpoint.username());
    body.put("password", endpoint.password());
    Reply reply =
        http.send(
            new Request.Builder()
                .url(endpoint.loginUrl())
                .header("dstcode", endpoint.dstCode())
                .post(RequestBody.create(write(body), JSON))
                .build());
    JsonNode node = parseObject(reply);
    String code = node.path("error_code").asText("");
    String session = node.path("session").asText("");
    if (!"0".equals(code) || session.isEmpty()) {
      throw new ConfigurationException(
          "portal.auth.login",
          Failures.detail(
              "The national portal refused the login of the unit "
                  + endpoint.unitCode()
                  + ": "
                  + Redact.message(node.path("message").asText(null)),
              reply.status(),
              code.isEmpty() ? null : code,
              reply.requestId()));
    }
    Instant refreshAt = profile.sessionMaxAge().map(age -> clock.instant().plus(age)).orElse(null);
    return new SingleFlight.Expiring<>(session, refreshAt);
  }

  private JsonNode parseObject(Reply reply) {
    JsonNode node = PortalCalls.objectOrNull(mapper, reply.body());
    if (node == null) {
      throw new RetryLaterException(
          "portal.protocol",
          Failures.detail(
              "The national portal's reply (HTTP " + reply.status() + ") is not a JSON object.",
              reply.status(),
              null,
              reply.requestId()),
          null);
    }
    return node;
  }

  /**
   * The parameters of a call that carries records, steps or ratings: {@code {data: [...]}}.
   *
   * @param data the entries, copied
   * @return the parameters
   */
  public ObjectNode dataParams(List<ObjectNode> data) {
    ObjectNode params = mapper.createObjectNode();
    ArrayNode array = params.putArray("data");
    data.forEach(d -> array.add(d.deepCopy()));
    return params;
  }

  /**
   * The parameters of a {@code TraCuuHoSo} call.
   *
   * @param code the dossier
   * @return the parameters
   */
  public ObjectNode lookUpParams(DossierCode code) {
    ObjectNode params = mapper.createObjectNode();
    params.put("mahoso", code.value());
    return params;
  }

  /**
   * Writes a JSON tree.
   *
   * @param node the tree
   * @return the text
   */
  public String write(JsonNode node) {
    return PortalCalls.write(mapper, node);
  }
}
