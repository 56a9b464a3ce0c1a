package io.github.motcua.portal.internal;

import java.time.Duration;

/**
 * An HTTP reply read in full.
 *
 * @param status the HTTP status
 * @param body the body as text (UTF-8), empty when there was none
 * @param requestId the server's {@code X-Request-Id}, or the one sent
 * @param retryAfter the {@code Retry-After} hint, or null
 */
public record Reply(int status, String body, String requestId, Duration retryAfter) {}
