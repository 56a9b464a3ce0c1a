package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TimestampAuthorityFakeTest {

  private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");

  @RegisterExtension
  static final TestPki PKI = TestPki.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  @RegisterExtension
  static final TimestampAuthorityFake TSA =
      TimestampAuthorityFake.builder(PKI).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void heal() {
    TSA.reset();
  }

  private TimeStampRequest request() throws Exception {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    return generator.generate(
        NISTObjectIdentifiers.id_sha256,
        MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3}),
        BigInteger.valueOf(77));
  }

  private HttpResponse<byte[]> post(byte[] body, String contentType) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(TSA.url()))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void grantsAValidTokenSignedByTheTestPki() throws Exception {
    TimeStampRequest request = request();

    TimeStampResponse response =
        new TimeStampResponse(post(request.getEncoded(), "application/timestamp-query").body());

    response.validate(request);
    assertThat(response.getStatus()).isZero();
    assertThat(response.getTimeStampToken().getTimeStampInfo().getGenTime().toInstant())
        .isEqualTo(NOW);
    response
        .getTimeStampToken()
        .validate(new JcaSimpleSignerInfoVerifierBuilder().build(TSA.certificate()));
    assertThat(response.getTimeStampToken().getTimeStampInfo().getPolicy().getId())
        .isEqualTo(TSA.policy());
  }

  @Test
  void refusesAnotherContentType() throws Exception {
    assertThat(post(request().getEncoded(), "application/octet-stream").statusCode())
        .isEqualTo(415);
  }

  @Test
  void rejectsAMalformedRequest() throws Exception {
    TimeStampResponse response =
        new TimeStampResponse(
            post(new byte[] {0x30, 0x01, 0x00}, "application/timestamp-query").body());

    assertThat(response.getStatus()).isEqualTo(2);
  }

  @Test
  void wrongNonceFaultAnswersAnotherNonce() throws Exception {
    TSA.fail(TimestampAuthorityFake.Fault.WRONG_NONCE);
    TimeStampRequest request = request();

    TimeStampResponse response =
        new TimeStampResponse(post(request.getEncoded(), "application/timestamp-query").body());

    assertThat(response.getTimeStampToken().getTimeStampInfo().getNonce())
        .isNotEqualTo(request.getNonce());
  }

  @Test
  void countsRequests() throws Exception {
    int before = TSA.requestCount();
    post(request().getEncoded(), "application/timestamp-query");

    assertThat(TSA.requestCount()).isEqualTo(before + 1);
  }
}
