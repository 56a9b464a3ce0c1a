package io.github.motcua.testkit.internal.sandbox;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The WireMock settings every fake of the test kit starts with: a free loopback port, and nothing a
 * stateful fake does not use. The fakes answer each request from their own state, so WireMock's
 * request journal, its per-request log line (which formats the whole request and reply), response
 * templating and gzip compression of replies only cost time: with them a loaded sandbox spends more
 * CPU in WireMock's bookkeeping than in the fakes themselves.
 */
public final class LoopbackServers {

  private LoopbackServers() {}

  /**
   * Returns the settings of a fake's server.
   *
   * @param threads the Jetty worker threads (requests served at once, replies held back by a
   *     timeout fault included)
   * @return a new configuration; add the fake's extensions to it
   */
  public static WireMockConfiguration options(int threads) {
    return WireMockConfiguration.options()
        .dynamicPort()
        .bindAddress("127.0.0.1")
        .notifier(new Slf4jNotifier(false))
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .gzipDisabled(true)
        .templatingEnabled(false)
        .containerThreads(threads);
  }
}
