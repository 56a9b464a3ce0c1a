package io.github.motcua.testkit.internal.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.internal.portal.FaultSchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * Wraps the transformer of a WireMock-based fake (VNeID, time-stamp authority, PKI) so that it
 * suffers the faults of a {@link FaultSchedule}, with the same meaning as on the portal fakes:
 * resets and error statuses before the fake processes the request, timeouts and malformed replies
 * after. Expired credentials do not apply to these fakes. Keeps the wrapped transformer's name and
 * scope, so the fake's stubs still find it.
 */
public final class FaultingTransformer implements ResponseDefinitionTransformerV2 {

  private final ResponseDefinitionTransformerV2 delegate;
  private final FaultSchedule faults;
  private volatile Duration timeoutDelay = Duration.ofSeconds(2);

  /**
   * Wraps a transformer.
   *
   * @param delegate the fake's own transformer
   * @param faults the schedule to draw faults from
   */
  public FaultingTransformer(ResponseDefinitionTransformerV2 delegate, FaultSchedule faults) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.faults = Objects.requireNonNull(faults, "faults");
  }

  /**
   * Sets how long a {@link PortalFault#TIMEOUT} holds the reply back.
   *
   * @param delay the delay
   */
  public void timeoutDelay(Duration delay) {
    this.timeoutDelay = Objects.requireNonNull(delay, "delay");
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    PortalFault fault = faults.draw(f -> f != PortalFault.EXPIRED_CREDENTIALS);
    if (fault == null) {
      return delegate.transform(serveEvent);
    }
    return switch (fault) {
      case CONNECTION_RESET ->
          ResponseDefinitionBuilder.responseDefinition()
              .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)
              .build();
      case SERVER_ERROR -> status(500, "internal server error");
      case SERVICE_UNAVAILABLE -> status(503, "service unavailable");
      case TOO_MANY_REQUESTS ->
          ResponseDefinitionBuilder.responseDefinition()
              .withStatus(429)
              .withHeader("Retry-After", "1")
              .withHeader("Content-Type", "application/json")
              .withBody("{\"error\":\"too many requests\"}")
              .build();
      case TIMEOUT ->
          ResponseDefinitionBuilder.like(delegate.transform(serveEvent))
              .withFixedDelay((int) timeoutDelay.toMillis())
              .build();
      case MALFORMED_JSON -> {
        ResponseDefinition processed = delegate.transform(serveEvent);
        ResponseDefinitionBuilder truncated =
            ResponseDefinitionBuilder.responseDefinition()
                .withStatus(processed.getStatus())
                .withBody("{\"error\": \"trunc");
        if (processed.getHeaders() != null) {
          truncated.withHeaders(processed.getHeaders());
        }
        yield truncated.build();
      }
      case EXPIRED_CREDENTIALS -> delegate.transform(serveEvent);
    };
  }

  private static ResponseDefinition status(int status, String error) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"" + error + "\"}")
        .build();
  }

  @Override
  public boolean applyGlobally() {
    return delegate.applyGlobally();
  }

  @Override
  public String getName() {
    return delegate.getName();
  }
}
