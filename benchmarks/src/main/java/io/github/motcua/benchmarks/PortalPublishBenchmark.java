package io.github.motcua.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.portal.ProvincialPortalClient;
import io.github.motcua.portal.ProvincialPortalProfile;
import io.github.motcua.portal.PublishResult;
import io.github.motcua.portal.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One portal publish against one raw request, both to the same minimal loopback HTTP server (the
 * JDK's {@code com.sun.net.httpserver}, which reads the body and answers 200 with a small JSON
 * reply; an OAuth2 token endpoint for motcua's client), over the same {@link OkHttpClient} and its
 * connection pool.
 *
 * <p>motcua: {@link ProvincialPortalClient#publish} of an {@code Accepted} event with its snapshot:
 * maps the snapshot to the portal's record, renames fields per profile, takes the cached access
 * token, sends one PUT with an idempotency key and request id under the retry policy and circuit
 * breaker, reads the reply. Raw: Jackson writes {@link PlainDossier} of the same snapshot and
 * OkHttp POSTs it, reading the reply.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PortalPublishBenchmark {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final byte[] TOKEN =
      "{\"access_token\":\"bench-token\",\"token_type\":\"Bearer\",\"expires_in\":86400}"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] OK = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private ExecutorService serverThreads;
  private OkHttpClient http;
  private ProvincialPortalClient motcua;
  private ObjectMapper jackson;
  private DossierEvent event;
  private Dossier snapshot;
  private PlainDossier plain;
  private String rawUrl;

  /** Starts the server on a free loopback port and builds both clients. */
  @Setup
  public void setUp() throws IOException {
    serverThreads = Executors.newFixedThreadPool(2);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/token", exchange -> answer(exchange, TOKEN));
    server.createContext("/", exchange -> answer(exchange, OK));
    server.setExecutor(serverThreads);
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();

    http = new OkHttpClient();
    motcua =
        ProvincialPortalClient.builder()
            .profile(
                ProvincialPortalProfile.builder()
                    .baseUrl(base + "/provincial")
                    .tokenUrl(base + "/token")
                    .clientCredentials("bench-client", "bench-secret")
                    .build())
            .okHttpClient(http)
            .retryPolicy(RetryPolicy.noRetries())
            .build();
    jackson =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    BenchmarkDossiers data = new BenchmarkDossiers(9);
    for (int i = 1; snapshot == null; i++) {
      List<DossierEvent> history = data.history(i);
      if (history.size() > 1 && history.get(1) instanceof DossierEvent.Accepted) {
        event = history.get(1);
        snapshot = BenchmarkDossiers.lifecycle().replay(history.subList(0, 2));
      }
    }
    plain = PlainDossier.of(snapshot);
    rawUrl = base + "/raw/dossiers/" + snapshot.code().value();
    publishMotcua(); // takes the access token once, as a long-running client has
  }

  private static void answer(HttpExchange exchange, byte[] reply) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputSink.INSTANCE);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, reply.length);
    exchange.getResponseBody().write(reply);
    exchange.close();
  }

  /** Stops the server and the client's threads. */
  @TearDown
  public void tearDown() {
    server.stop(0);
    serverThreads.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** motcua: one publish. */
  @Benchmark
  public PublishResult publishMotcua() {
    return motcua.publish(event, snapshot);
  }

  /** Raw: Jackson body, one OkHttp POST, reply read. */
  @Benchmark
  public String publishRaw() throws IOException {
    Request request =
        new Request.Builder()
            .url(rawUrl)
            .post(RequestBody.create(jackson.writeValueAsString(plain), JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return body;
    }
  }

  /** Discards what the server reads. */
  private static final class OutputSink extends java.io.OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
