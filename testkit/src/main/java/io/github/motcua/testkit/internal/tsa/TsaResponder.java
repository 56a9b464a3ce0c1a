package io.github.motcua.testkit.internal.tsa;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Answers RFC 3161 time-stamp requests ({@code POST}, {@code application/timestamp-query}) with
 * tokens signed by the test PKI's time-stamping key, or with the configured fault.
 */
public final class TsaResponder implements ResponseDefinitionTransformerV2 {

  /** The transformer name stubs refer to. */
  public static final String NAME = "motcua-test-tsa";

  /** What the responder does wrong on purpose. */
  public enum Mode {
    /** Answers correctly. */
    HEALTHY,
    /** Answers with PKI status "rejection" (failure info systemFailure). */
    ERROR_STATUS,
    /** Answers with a token whose nonce differs from the request's. */
    WRONG_NONCE,
    /** Answers with a token whose message imprint differs from the request's. */
    WRONG_IMPRINT
  }

  private final PrivateKey key;
  private final List<X509Certificate> chain;
  private final ASN1ObjectIdentifier policy;
  private final Clock clock;
  private final AtomicLong serials = new AtomicLong();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.HEALTHY);

  /**
   * Creates a responder.
   *
   * @param key the time-stamping key
   * @param chain the time-stamping certificate first, then its issuers
   * @param policy the TSA policy OID
   * @param clock the clock for the time in tokens
   */
  public TsaResponder(PrivateKey key, List<X509Certificate> chain, String policy, Clock clock) {
    this.key = key;
    this.chain = List.copyOf(chain);
    this.policy = new ASN1ObjectIdentifier(policy);
    this.clock = clock;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /**
   * Sets the fault mode.
   *
   * @param newMode the mode
   */
  public void mode(Mode newMode) {
    mode.set(newMode);
  }

  /**
   * Returns how many requests were received.
   *
   * @return the count
   */
  public int requests() {
    return requests.get();
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    requests.incrementAndGet();
    ResponseDefinitionBuilder base =
        ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition());
    String contentType = serveEvent.getRequest().getHeader("Content-Type");
    if (contentType == null || !contentType.startsWith("application/timestamp-query")) {
      return base.withStatus(415).withBody("expected application/timestamp-query").build();
    }
    try {
      return base.withStatus(200)
          .withHeader("Content-Type", "application/timestamp-reply")
          .withBody(respond(serveEvent.getRequest().getBody()))
          .build();
    } catch (Exception e) {
      return base.withStatus(500).withBody("time-stamp authority failure").build();
    }
  }

  private byte[] respond(byte[] body) throws Exception {
    TimeStampResponseGenerator generator =
        new TimeStampResponseGenerator(tokenGenerator(), TSPAlgorithms.ALLOWED, Set.of(policy));
    TimeStampRequest request;
    try {
      request = new TimeStampRequest(body);
    } catch (IOException | RuntimeException e) {
      return generator
          .generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat, "bad request")
          .getEncoded();
    }
    BigInteger serial = BigInteger.valueOf(serials.incrementAndGet());
    Date time = Date.from(clock.instant());
    switch (mode.get()) {
      case ERROR_STATUS:
        return generator
            .generateFailResponse(
                PKIStatus.REJECTION, PKIFailureInfo.systemFailure, "service unavailable")
            .getEncoded();
      case WRONG_NONCE:
        request =
            altered(
                request,
                request.getMessageImprintDigest(),
                request.getNonce() == null
                    ? BigInteger.ONE
                    : request.getNonce().add(BigInteger.ONE));
        break;
      case WRONG_IMPRINT:
        byte[] imprint = request.getMessageImprintDigest().clone();
        imprint[0] ^= 0x01;
        request = altered(request, imprint, request.getNonce());
        break;
      default:
        break;
    }
    TimeStampResponse response = generator.generate(request, serial, time);
    return response.getEncoded();
  }

  private static TimeStampRequest altered(
      TimeStampRequest request, byte[] imprint, BigInteger nonce) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(request.getCertReq());
    if (request.getReqPolicy() != null) {
      generator.setReqPolicy(request.getReqPolicy());
    }
    return nonce == null
        ? generator.generate(request.getMessageImprintAlgOID(), imprint)
        : generator.generate(request.getMessageImprintAlgOID(), imprint, nonce);
  }

  private TimeStampTokenGenerator tokenGenerator() throws Exception {
    DigestCalculator sha256 =
        new JcaDigestCalculatorProviderBuilder()
            .build()
            .get(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                    org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256));
    SignerInfoGenerator signerInfo =
        new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", key, chain.get(0));
    TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signerInfo, sha256, policy);
    // The root is left out as a real TSA would: the verifier holds it as a trust anchor.
    generator.addCertificates(new JcaCertStore(chain.subList(0, chain.size() - 1)));
    return generator;
  }
}
