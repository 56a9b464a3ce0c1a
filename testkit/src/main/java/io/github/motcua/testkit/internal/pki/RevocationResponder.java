package io.github.motcua.testkit.internal.pki;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Answers CRL downloads ({@code GET /crl/<authority>.crl}) and OCSP requests ({@code POST /ocsp})
 * for the test PKI from the current revocation state, so that revocations made while a test runs
 * are seen by the next request. Either service can be switched off to simulate an outage.
 */
public final class RevocationResponder implements ResponseDefinitionTransformerV2 {

  /** The transformer name stubs refer to. */
  public static final String NAME = "motcua-test-pki-revocation";

  private volatile List<Authority> authorities = List.of();
  private volatile Clock clock;
  private final AtomicBoolean ocspAvailable = new AtomicBoolean(true);
  private final AtomicBoolean crlAvailable = new AtomicBoolean(true);
  private final AtomicInteger ocspRequests = new AtomicInteger();
  private final AtomicInteger crlRequests = new AtomicInteger();
  private final AtomicInteger crlNumber = new AtomicInteger();

  /**
   * Creates a responder that answers for no authority until {@link #authorities(List)} is called
   * (the authorities' certificates name the responder's URL, so they are issued after it starts).
   *
   * @param clock the clock for this-update and produced-at times
   */
  public RevocationResponder(Clock clock) {
    this.clock = clock;
  }

  /**
   * Sets the clock for the this-update and produced-at times of the answers given from now on.
   *
   * @param clock the clock
   */
  public void clock(Clock clock) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
  }

  /**
   * Sets the authorities this responder answers for.
   *
   * @param authorities the authorities
   */
  public void authorities(List<Authority> authorities) {
    this.authorities = List.copyOf(authorities);
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
   * Switches the OCSP responder on or off; off answers HTTP 503.
   *
   * @param available whether it answers
   */
  public void ocspAvailable(boolean available) {
    ocspAvailable.set(available);
  }

  /**
   * Switches CRL downloads on or off; off answers HTTP 503.
   *
   * @param available whether they are served
   */
  public void crlAvailable(boolean available) {
    crlAvailable.set(available);
  }

  /**
   * Returns how many OCSP requests were received.
   *
   * @return the count
   */
  public int ocspRequests() {
    return ocspRequests.get();
  }

  /**
   * Returns how many CRL downloads were requested.
   *
   * @return the count
   */
  public int crlRequests() {
    return crlRequests.get();
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    String path = serveEvent.getRequest().getUrl();
    ResponseDefinitionBuilder base =
        ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition());
    if (path.startsWith("/crl/")) {
      crlRequests.incrementAndGet();
      if (!crlAvailable.get()) {
        return base.withStatus(503).withBody("CRL service down").build();
      }
      String name = path.substring("/crl/".length()).replace(".crl", "");
      Optional<Authority> authority =
          authorities.stream().filter(a -> a.name().equals(name)).findFirst();
      if (authority.isEmpty()) {
        return base.withStatus(404).withBody("no such CRL").build();
      }
      return base.withStatus(200)
          .withHeader("Content-Type", "application/pkix-crl")
          .withBody(crl(authority.get()))
          .build();
    }
    ocspRequests.incrementAndGet();
    if (!ocspAvailable.get()) {
      return base.withStatus(503).withBody("OCSP service down").build();
    }
    return base.withStatus(200)
        .withHeader("Content-Type", "application/ocsp-response")
        .withBody(ocsp(serveEvent.getRequest().getBody()))
        .build();
  }

  /**
   * Builds the current CRL of an authority.
   *
   * @param authority the authority
   * @return the DER-encoded CRL
   */
  public byte[] crl(Authority authority) {
    try {
      Instant now = clock.instant();
      X509v2CRLBuilder builder =
          new X509v2CRLBuilder(
              new JcaX509CertificateHolder(authority.certificate()).getSubject(), Date.from(now));
      builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
      for (Map.Entry<BigInteger, Authority.Revocation> entry : authority.revocations().entrySet()) {
        builder.addCRLEntry(
            entry.getKey(), Date.from(entry.getValue().time()), entry.getValue().reason());
      }
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(authority.certificate()));
      builder.addExtension(
          Extension.cRLNumber,
          false,
          new org.bouncycastle.asn1.x509.CRLNumber(
              BigInteger.valueOf(crlNumber.incrementAndGet())));
      return builder.build(CertificateMaker.signer(authority.key())).getEncoded();
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build a test CRL", e);
    }
  }

  private byte[] ocsp(byte[] body) {
    try {
      OCSPReq request;
      try {
        request = new OCSPReq(body);
      } catch (IOException | RuntimeException e) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
      }
      Req[] items = request.getRequestList();
      if (items.length == 0) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
      }
      DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
      Authority responder = null;
      for (Authority authority : authorities) {
        if (items[0]
            .getCertID()
            .matchesIssuer(new JcaX509CertificateHolder(authority.certificate()), digests)) {
          responder = authority;
          break;
        }
      }
      if (responder == null) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null).getEncoded();
      }
      Instant now = clock.instant();
      X509CertificateHolder responderCert = new JcaX509CertificateHolder(responder.certificate());
      BasicOCSPRespBuilder builder =
          new BasicOCSPRespBuilder(
              new RespID(
                  responderCert.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1)));
      for (Req item : items) {
        CertificateID id = item.getCertID();
        builder.addResponse(
            id,
            status(responder, id, digests, responderCert),
            Date.from(now),
            Date.from(now.plus(Duration.ofDays(1))),
            null);
      }
      Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null) {
        builder.setResponseExtensions(new Extensions(nonce));
      }
      return new OCSPRespBuilder()
          .build(
              OCSPRespBuilder.SUCCESSFUL,
              builder.build(
                  CertificateMaker.signer(responder.key()),
                  new X509CertificateHolder[] {responderCert},
                  Date.from(now)))
          .getEncoded();
    } catch (OCSPException
        | IOException
        | OperatorCreationException
        | CertificateEncodingException e) {
      throw new IllegalStateException("Cannot build a test OCSP response", e);
    }
  }

  private static CertificateStatus status(
      Authority responder,
      CertificateID id,
      DigestCalculatorProvider digests,
      X509CertificateHolder responderCert)
      throws OCSPException {
    if (!id.matchesIssuer(responderCert, digests) || !responder.issued(id.getSerialNumber())) {
      return new UnknownStatus();
    }
    return responder
        .revocation(id.getSerialNumber())
        .<CertificateStatus>map(r -> new RevokedStatus(Date.from(r.time()), r.reason()))
        .orElse(CertificateStatus.GOOD);
  }
}
