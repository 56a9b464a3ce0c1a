package io.github.motcua.vneid.internal;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Lets nimbus's {@code JWKSourceBuilder} fetch key sets through the integrator's {@link
 * OkHttpClient} (its timeouts, proxy, TLS settings and connection pool), with a size limit so a
 * hostile endpoint cannot exhaust memory. Thread-safe.
 */
public final class OkHttpResourceRetriever implements ResourceRetriever {

  private final OkHttpClient http;
  private final int sizeLimit;

  /**
   * Creates a retriever.
   *
   * @param http the client; not null
   * @param sizeLimit the largest accepted body, in bytes
   */
  public OkHttpResourceRetriever(OkHttpClient http, int sizeLimit) {
    this.http = Objects.requireNonNull(http, "http");
    this.sizeLimit = sizeLimit;
  }

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/jwk-set+json, application/json")
            .get()
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("Key set endpoint answered HTTP " + response.code());
      }
      ResponseBody body = response.body();
      String contentType = response.header("Content-Type");
      return new Resource(readLimited(body, sizeLimit), contentType);
    }
  }

  /**
   * Reads a body as UTF-8, refusing more than the limit.
   *
   * @param body the body
   * @param limit the largest accepted size in bytes
   * @return the text
   * @throws IOException when the body is larger or cannot be read
   */
  static String readLimited(ResponseBody body, int limit) throws IOException {
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new IOException("Answer larger than " + limit + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
