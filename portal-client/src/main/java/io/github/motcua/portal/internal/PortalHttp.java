package io.github.motcua.portal.internal;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.portal.CircuitState;
import io.github.motcua.portal.Publication;
import io.github.motcua.portal.PublishFence;
import io.github.motcua.portal.RetryOwner;
import io.github.motcua.portal.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one portal under a {@link RetryPolicy}: per-attempt timeouts, a total budget,
 * backoff with full jitter, {@code Retry-After}, immediate retry after a credential renewal, and a
 * circuit breaker ({@link Breaker}). Thread-safe.
 *
 * <p>Publishing: while a publish runs under {@link #publishing(Publication, Supplier)}, every
 * request the publishing thread sends asks the publish's fence first, once before connecting and
 * once more when the connection is open, right before the request is written (a network
 * interceptor): a request is never written after the fence said no. When the publication's retries
 * belong to its caller ({@link RetryOwner#CALLER}, a sync worker), its calls repeat a request only
 * after a renewed credential or a short {@code Retry-After} ({@link
 * RetryPolicy#maxImmediateRetryAfter()}), once each, and bypass the circuit breaker: the caller
 * owns backoff and outage detection.
 */
public final class PortalHttp {

  private static final Logger LOG = LoggerFactory.getLogger(PortalHttp.class);

  /** The header carrying the request id. */
  public static final String REQUEST_ID = "X-Request-Id";

  /** The header carrying the idempotency key. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** One attempt of a call. */
  @FunctionalInterface
  public interface Attempt<T> {
    /**
     * Runs the attempt.
     *
     * @param attempt the attempt number, from 1
     * @return the result
     * @throws IOException on a transport failure
     */
    T run(int attempt) throws IOException;
  }

  /** One attempt of a call that must know whether an earlier attempt may have taken effect. */
  @FunctionalInterface
  public interface Repeat<T> {
    /**
     * Runs the attempt.
     *
     * @param attempt the attempt number, from 1
     * @param earlierMayHaveLanded whether an earlier attempt of this call failed without telling
     *     whether the portal acted on it (a time-out, a cut connection, a 5xx, a reply that cannot
     *     be read); false on the first attempt, and after failures the portal answers without
     *     acting (an expired session, a refusal, a request to slow down)
     * @return the result
     * @throws IOException on a transport failure
     */
    T run(int attempt, boolean earlierMayHaveLanded) throws IOException;
  }

  private final String portal;
  private final OkHttpClient http;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Breaker circuit;

  /** The publish the current thread runs, if any (set by {@link #publishing}). */
  private final ThreadLocal<Publishing> current = new ThreadLocal<>();

  /** What a running publish asks of its calls: its fence, and who retries. */
  private record Publishing(PublishFence fence, RetryOwner retryOwner) {}

  /**
   * Creates an executor.
   *
   * @param portal the portal's name, for messages and log lines
   * @param base the integrator's client; its connection pool is shared
   * @param policy the retry policy
   * @param clock the clock
   */
  public PortalHttp(String portal, OkHttpClient base, RetryPolicy policy, Clock clock) {
    this.portal = portal;
    this.policy = policy;
    this.clock = clock;
    this.http =
        base.newBuilder()
            .connectTimeout(policy.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(policy.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(policy.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .retryOnConnectionFailure(false)
            .addNetworkInterceptor(
                chain -> {
                  PublishFence f = chain.request().tag(PublishFence.class);
                  if (f != null) {
                    f.check();
                  }
                  return chain.proceed(chain.request());
                })
            .build();
    this.circuit = new Breaker(policy.circuitFailureThreshold(), n -> policy.circuitOpenDuration());
  }

  /**
   * Returns the portal's name.
   *
   * @return the name
   */
  public String portal() {
    return portal;
  }

  /**
   * Returns the retry policy the calls run under.
   *
   * @return the policy; never null
   */
  public RetryPolicy policy() {
    return policy;
  }

  /**
   * Returns the circuit's state.
   *
   * @return the state
   */
  public CircuitState circuitState() {
    return circuit.state(clock.instant());
  }

  /**
   * Sends one request and reads the whole reply. 429 and 5xx become {@link RetryLaterException};
   * other statuses are returned for the caller to interpret.
   *
   * @param request the request; an {@code X-Request-Id} is added when absent
   * @return the reply
   * @throws IOException on a transport failure or timeout
   */
  public Reply send(Request request) throws IOException {
    return sendForBytes(request).reply();
  }

  /**
   * A reply read as bytes, for documents such as PDF files.
   *
   * @param reply the reply, its body decoded as text
   * @param bytes the body as received
   * @param contentType the {@code Content-Type} header, empty when absent
   */
  public record BinaryReply(Reply reply, byte[] bytes, String contentType) {}

  /**
   * Sends one request and reads the whole reply as bytes, with the checks of {@link #send}.
   *
   * @param request the request; an {@code X-Request-Id} is added when absent
   * @return the reply
   * @throws IOException on a transport failure or timeout
   */
  public BinaryReply sendForBytes(Request request) throws IOException {
    Publishing p = current.get();
    PublishFence f = p == null ? PublishFence.NONE : p.fence();
    if (f != PublishFence.NONE) {
      f.check();
      request = request.newBuilder().tag(PublishFence.class, f).build();
    }
    String requestId = request.header(REQUEST_ID);
    if (requestId == null) {
      requestId = UUID.randomUUID().toString();
      request = request.newBuilder().header(REQUEST_ID, requestId).build();
    }
    Call call = http.newCall(request);
    try (Response response = call.execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null ? new byte[0] : body.bytes();
      okhttp3.MediaType type = body == null ? null : body.contentType();
      String text =
          new String(
              bytes,
              type == null
                  ? java.nio.charset.StandardCharsets.UTF_8
                  : type.charset(java.nio.charset.StandardCharsets.UTF_8));
      String serverId = response.header(REQUEST_ID);
      Reply reply =
          new Reply(
              response.code(),
              text,
              serverId != null ? serverId : requestId,
              parseRetryAfter(response.header("Retry-After")));
      if (reply.status() == 429) {
        throw new RetryLaterException(
            "portal.throttled",
            Failures.detail(
                "The " + portal + " portal asked to slow down (HTTP 429).",
                429,
                null,
                reply.requestId()),
            reply.retryAfter(),
            null);
      }
      if (reply.status() >= 500) {
        throw new RetryLaterException(
            "portal.server-error",
            Failures.detail(
                "The " + portal + " portal failed with HTTP " + reply.status() + ".",
                reply.status(),
                null,
                reply.requestId()),
            reply.retryAfter(),
            null);
      }
      return new BinaryReply(reply, bytes, type == null ? "" : type.toString());
    }
  }

  private Duration parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeException notADate) {
        return null;
      }
    }
  }

  /**
   * Runs a publish: every request the current thread sends meanwhile asks the publication's fence
   * first ({@link PublishFence#check()}, which throws a {@link RetryLaterException} {@code
   * portal.fenced}), and its calls retry as its {@link Publication#retryOwner()} says. Calls nest:
   * the innermost publish counts.
   *
   * @param publication the publication
   * @param work the publish
   * @param <T> the result type
   * @return what the work returned
   */
  public <T> T publishing(Publication publication, Supplier<T> work) {
    return publishing(publication.fence(), publication.retryOwner(), work);
  }

  /**
   * Runs a publish of several publications as {@link #publishing(Publication, Supplier)} does: its
   * fence is held while every publication's is, and its retries belong to the caller when any
   * publication's do.
   *
   * @param publications the publications
   * @param work the publish
   * @param <T> the result type
   * @return what the work returned
   */
  public <T> T publishing(List<Publication> publications, Supplier<T> work) {
    RetryOwner owner = RetryOwner.CLIENT;
    for (Publication p : publications) {
      if (p.retryOwner() == RetryOwner.CALLER) {
        owner = RetryOwner.CALLER;
      }
    }
    return publishing(PortalCalls.fenceOfAll(publications), owner, work);
  }

  private <T> T publishing(PublishFence f, RetryOwner owner, Supplier<T> work) {
    if (f == PublishFence.NONE && owner == RetryOwner.CLIENT && current.get() == null) {
      return work.get();
    }
    Publishing outer = current.get();
    current.set(new Publishing(f, owner));
    try {
      return work.get();
    } finally {
      if (outer == null) {
        current.remove();
      } else {
        current.set(outer);
      }
    }
  }

  /**
   * Runs a call under the retry policy.
   *
   * @param operation the operation's name, for log lines
   * @param safeToRepeat whether sending the request twice has the effect of sending it once
   * @param attempt one attempt
   * @param <T> the result type
   * @return the result of the first successful attempt
   * @throws MotcuaException the last failure when the policy gives up
   */
  public <T> T execute(String operation, boolean safeToRepeat, Attempt<T> attempt) {
    return execute(operation, safeToRepeat, (n, earlierMayHaveLanded) -> attempt.run(n));
  }

  /**
   * Runs a call under the retry policy, telling each attempt whether an earlier one may have taken
   * effect: a call that the portal does not deduplicate checks what it holds only then.
   *
   * @param operation the operation's name, for log lines
   * @param safeToRepeat whether sending the request twice has the effect of sending it once
   * @param attempt one attempt
   * @param <T> the result type
   * @return the result of the first successful attempt
   * @throws MotcuaException the last failure when the policy gives up
   */
  public <T> T execute(String operation, boolean safeToRepeat, Repeat<T> attempt) {
    Publishing p = current.get();
    boolean callerRetries = p != null && p.retryOwner() == RetryOwner.CALLER;
    Instant deadline = clock.instant().plus(policy.totalTimeout());
    int attempts = 0;
    int retries = 0;
    boolean renewed = false;
    boolean waitedRetryAfter = false;
    MotcuaException last = null;
    boolean mayHaveLanded = false;
    while (true) {
      if (!callerRetries) {
        Duration closedIn = circuit.acquire(clock.instant(), probeWait());
        if (!closedIn.isZero()) {
          if (clock.instant().plus(closedIn).isAfter(deadline)) {
            throw circuitOpen(operation, last, closedIn);
          }
          sleep(closedIn, operation);
          continue;
        }
      }
      attempts++;
      Instant started = clock.instant();
      MotcuaException failure;
      try {
        T result = attempt.run(attempts, mayHaveLanded);
        answered(callerRetries, started);
        return result;
      } catch (MotcuaException e) {
        if (Failures.isFenced(e)) {
          if (!callerRetries) {
            circuit.unusedProbe();
          }
          throw e; // nothing was sent: says nothing of the portal, and must not be retried
        }
        if (!Failures.isPortal(e)) {
          throw e; // not the portal's answer: nothing to retry
        }
        if (Failures.isOutage(e)) {
          unanswered(callerRetries, started);
        } else {
          // The portal answered: it is up, whatever it thought of the request.
          answered(callerRetries, started);
        }
        failure = e;
      } catch (IOException e) {
        unanswered(callerRetries, started);
        failure = transportFailure(operation, e);
      }
      last = failure;
      mayHaveLanded |= mayHaveLanded(failure);
      boolean renewable = Failures.isRenewable(failure);
      boolean retryable = renewable || (Failures.isOutage(failure) && safeToRepeat);
      if (!retryable || attempts >= policy.maxAttempts()) {
        throw failure;
      }
      Duration delay;
      if (renewable && !renewed) {
        renewed = true;
        delay = Duration.ZERO;
      } else if (failure instanceof RetryLaterException u && u.retryAfter().isPresent()) {
        delay = u.retryAfter().get();
        Duration limit = callerRetries ? policy.maxImmediateRetryAfter() : policy.maxRetryAfter();
        if (delay.compareTo(limit) > 0 || (callerRetries && waitedRetryAfter)) {
          throw failure;
        }
        waitedRetryAfter = true;
      } else if (callerRetries) {
        throw failure; // backoff is the caller's
      } else {
        retries++;
        delay = policy.backoff(retries);
      }
      if (clock.instant().plus(delay).isAfter(deadline)) {
        throw failure;
      }
      LOG.debug(
          "{} to the {} portal failed ({}); attempt {} in {} ms.",
          operation,
          portal,
          failure.code(),
          attempts + 1,
          delay.toMillis());
      sleep(delay, operation);
    }
  }

  /** How long a call waits while another call probes a portal whose circuit is half-open. */
  private Duration probeWait() {
    return Duration.ofMillis(
        Math.max(1, Math.min(1000, policy.circuitOpenDuration().toMillis() / 10)));
  }

  private RetryLaterException circuitOpen(
      String operation, MotcuaException last, Duration closedIn) {
    return new RetryLaterException(
        "portal.circuit-open",
        "The "
            + portal
            + " portal is considered down (circuit open); "
            + operation
            + " was not sent.",
        closedIn,
        last);
  }

  /** Records an attempt the portal answered, unless the caller owns outage detection. */
  private void answered(boolean callerRetries, Instant started) {
    if (!callerRetries && circuit.succeeded(started, clock.instant()).isPresent()) {
      LOG.info("Portal {} answers again; circuit closed.", portal);
    }
  }

  /**
   * Records an attempt that found the portal unavailable, unless the caller owns outage detection.
   */
  private void unanswered(boolean callerRetries, Instant started) {
    if (!callerRetries && circuit.failed(started, clock.instant()) != Breaker.Failure.COUNTED) {
      LOG.warn(
          "Portal {} unavailable after {} consecutive failed attempts; circuit open for {}.",
          portal,
          circuit.consecutiveFailures(),
          policy.circuitOpenDuration());
    }
  }

  /**
   * Whether a failed attempt may have taken effect: not when the portal answered that it did not
   * act (authentication, refusal, throttling), otherwise yes.
   */
  private static boolean mayHaveLanded(MotcuaException failure) {
    return !(Failures.isAuthentication(failure)
        || Failures.isRejection(failure)
        || "portal.throttled".equals(failure.code()));
  }

  private RetryLaterException transportFailure(String operation, IOException e) {
    boolean timeout = e instanceof SocketTimeoutException || e instanceof InterruptedIOException;
    return new RetryLaterException(
        timeout ? "portal.timeout" : "portal.connection",
        Failures.detail(
            operation
                + " to the "
                + portal
                + " portal "
                + (timeout ? "timed out." : "failed to connect or was cut off."),
            0,
            null,
            null),
        null,
        e);
  }

  private void sleep(Duration delay, String operation) {
    try {
      policy.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryLaterException(
          "portal.interrupted",
          Failures.detail(
              operation + " to the " + portal + " portal was interrupted while waiting to retry.",
              0,
              null,
              null),
          null,
          e);
    }
  }
}
