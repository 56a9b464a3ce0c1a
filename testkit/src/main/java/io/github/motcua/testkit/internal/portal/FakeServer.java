package io.github.motcua.testkit.internal.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.motcua.testkit.PortalFault;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock server on a free loopback port whose every request is answered by a stateful handler,
 * with faults from a {@link FaultSchedule}. No static WireMock state.
 */
public final class FakeServer implements AutoCloseable {

  /** A reply of the handler. */
  public record FakeReply(int status, String body, Map<String, String> headers) {
    /**
     * A JSON reply.
     *
     * @param status the status
     * @param json the body
     * @return the reply
     */
    public static FakeReply json(int status, String json) {
      return new FakeReply(status, json, Map.of("Content-Type", "application/json"));
    }

    /**
     * The message of a 404 that helps a caller with a wrong path or method: what was asked (without
     * the query string, which may carry secrets) and what the fake serves.
     *
     * @param method the request's method
     * @param url the request's URL (path and query)
     * @param serves the fake's resources, as "POST /a and POST /b"
     * @return the message
     */
    public static String noSuchResource(String method, String url, String serves) {
      int query = url.indexOf('?');
      String path = query < 0 ? url : url.substring(0, query);
      return "No such resource: " + method + " " + path + ". This fake serves " + serves + ".";
    }
  }

  /** The fake's logic. */
  public interface Handler {
    /**
     * Answers a request (and changes the fake's state).
     *
     * @param request the request
     * @return the reply
     */
    FakeReply handle(LoggedRequest request);

    /**
     * Tells whether the request carries credentials that can expire (not a login).
     *
     * @param request the request
     * @return true when {@link #expireCredentials(LoggedRequest)} applies
     */
    boolean carriesCredentials(LoggedRequest request);

    /**
     * Expires the credentials the request carries and answers it as unauthenticated.
     *
     * @param request the request
     * @return the reply
     */
    FakeReply expireCredentials(LoggedRequest request);
  }

  private final WireMockServer server;
  private final FaultSchedule faults = new FaultSchedule();
  private final AtomicLong requests = new AtomicLong();
  private volatile Duration timeoutDelay = Duration.ofSeconds(2);

  /**
   * Starts a server.
   *
   * @param name the fake's name (the extension name)
   * @param handler the logic
   */
  public FakeServer(String name, Handler handler) {
    String extensionName = name + "-" + UUID.randomUUID();
    ResponseDefinitionTransformerV2 transformer =
        new ResponseDefinitionTransformerV2() {
          @Override
          public ResponseDefinition transform(ServeEvent serveEvent) {
            return answer(handler, serveEvent.getRequest());
          }

          @Override
          public String getName() {
            return extensionName;
          }
        };
    // More threads than the clients of a test or a simulation send requests at once (the quarter
    // runs 48 delivery threads): a reply held back by a timeout fault keeps its thread, and with
    // too few threads the next requests wait in Jetty's queue past the client's read timeout. Such
    // a request is then retried while the first copy is still to be stored, and a portal that
    // honours no idempotency key (the national one) would store its step twice.
    server =
        new WireMockServer(
            io.github.motcua.testkit.internal.sandbox.LoopbackServers.options(128)
                .extensions(transformer));
    server.start();
    server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse()));
  }

  /**
   * Starts a server for a fake whose credentials travel on the requests under one path prefix.
   *
   * @param name the fake's name (the extension name)
   * @param handle answers a request (and changes the fake's state)
   * @param credentialsPrefix the path prefix of the requests that carry expiring credentials, or
   *     null when no request does
   * @param expire expires the credentials a request carries and answers it as unauthenticated
   */
  public FakeServer(
      String name,
      java.util.function.Function<LoggedRequest, FakeReply> handle,
      String credentialsPrefix,
      java.util.function.Function<LoggedRequest, FakeReply> expire) {
    this(
        name,
        new Handler() {
          @Override
          public FakeReply handle(LoggedRequest request) {
            return handle.apply(request);
          }

          @Override
          public boolean carriesCredentials(LoggedRequest request) {
            return credentialsPrefix != null && request.getUrl().startsWith(credentialsPrefix);
          }

          @Override
          public FakeReply expireCredentials(LoggedRequest request) {
            return expire.apply(request);
          }
        });
  }

  private ResponseDefinition answer(Handler handler, LoggedRequest request) {
    requests.incrementAndGet();
    PortalFault fault =
        faults.draw(
            f -> f != PortalFault.EXPIRED_CREDENTIALS || handler.carriesCredentials(request));
    if (fault == null) {
      return toDefinition(handler.handle(request), 0);
    }
    return switch (fault) {
      case CONNECTION_RESET ->
          ResponseDefinitionBuilder.responseDefinition()
              .withFault(Fault.CONNECTION_RESET_BY_PEER)
              .build();
      case SERVER_ERROR ->
          toDefinition(FakeReply.json(500, "{\"error\":\"internal server error\"}"), 0);
      case SERVICE_UNAVAILABLE ->
          toDefinition(FakeReply.json(503, "{\"error\":\"service unavailable\"}"), 0);
      case TOO_MANY_REQUESTS ->
          toDefinition(
              new FakeReply(
                  429,
                  "{\"error\":\"too many requests\"}",
                  Map.of("Content-Type", "application/json", "Retry-After", "1")),
              0);
      case TIMEOUT -> toDefinition(handler.handle(request), (int) timeoutDelay.toMillis());
      case MALFORMED_JSON -> {
        // The reply of what was processed, cut short: a request the fake refused must not turn
        // into a 200 that a REST client takes for success.
        FakeReply processed = handler.handle(request);
        yield toDefinition(
            new FakeReply(processed.status(), "{\"error_code\": 0, \"mess", processed.headers()),
            0);
      }
      case EXPIRED_CREDENTIALS -> toDefinition(handler.expireCredentials(request), 0);
    };
  }

  private static ResponseDefinition toDefinition(FakeReply reply, int delayMillis) {
    ResponseDefinitionBuilder b =
        ResponseDefinitionBuilder.responseDefinition()
            .withStatus(reply.status())
            .withBody(reply.body());
    reply.headers().forEach(b::withHeader);
    if (delayMillis > 0) {
      b.withFixedDelay(delayMillis);
    }
    return b.build();
  }

  /**
   * Returns the base URL, without trailing slash.
   *
   * @return for example {@code http://127.0.0.1:41234}
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /**
   * Returns the fault schedule.
   *
   * @return the schedule
   */
  public FaultSchedule faults() {
    return faults;
  }

  /**
   * Sets how long a {@link PortalFault#TIMEOUT} holds the reply back.
   *
   * @param delay the delay
   */
  public void timeoutDelay(Duration delay) {
    this.timeoutDelay = delay;
  }

  /**
   * Returns how many requests arrived.
   *
   * @return the count
   */
  public long requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop();
  }
}
