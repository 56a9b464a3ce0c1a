package io.github.motcua.signing;

import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * The renewal of a CAdES-LTA signature four years after {@link Fixtures#NOW}, as an archive does
 * before the newest time-stamping certificate expires (the test PKI's first one lives five years):
 * validation data as the responders answer then, and an archive time-stamp from the authority's
 * second-generation certificate.
 */
public final class Renewal {

  /** When the archive renews. */
  static final Clock CLOCK =
      Clock.fixed(Fixtures.NOW.plus(Duration.ofDays(4 * 365)), ZoneOffset.UTC);

  private Renewal() {}

  /**
   * The time-stamping authority at renewal time, with its second-generation certificate.
   *
   * @param pki the test PKI
   * @return the fake, to register as an extension
   */
  static TimestampAuthorityFake authority(TestPki pki) {
    return TimestampAuthorityFake.builder(pki)
        .credential(pki.renewedTimestampAuthority())
        .clock(CLOCK)
        .build();
  }

  /**
   * Adds an archive time-stamp at renewal time (with {@link CmsExtender#toLta}).
   *
   * @param pki the test PKI, whose responders answer at renewal time meanwhile
   * @param authority the fake from {@link #authority}
   * @param cms the signature (CAdES-T or later) over {@link Fixtures#CONTENT}
   * @return the renewed signature
   */
  static byte[] renew(TestPki pki, TimestampAuthorityFake authority, byte[] cms) {
    return at(
        pki,
        CLOCK,
        Fixtures.SIGNING_CLOCK,
        authority,
        (validator, tsa) ->
            CmsExtender.builder()
                .certificateValidator(validator)
                .timestampAuthority(tsa)
                .build()
                .toLta(cms, new ByteArrayInputStream(Fixtures.CONTENT)));
  }

  /**
   * Runs an extension as it would run at {@code clock}: the PKI's responders answer at that time
   * meanwhile, and the extension gets a certificate validator on that clock and the authority.
   *
   * @param pki the test PKI
   * @param clock the renewal time
   * @param after the clock the responders answer at afterwards
   * @param authority the time-stamping authority at renewal time
   * @param extend the extension
   * @return what the extension returns
   */
  public static byte[] at(
      TestPki pki,
      Clock clock,
      Clock after,
      TimestampAuthorityFake authority,
      java.util.function.BiFunction<CertificateValidator, TimestampAuthority, byte[]> extend) {
    pki.revocationClock(clock);
    try {
      return extend.apply(
          CertificateValidator.builder()
              .trustAnchors(TrustAnchors.of(pki.trustAnchors()))
              .clock(clock)
              .build(),
          HttpTimestampAuthority.builder()
              .url(authority.url())
              .nonceSource(new Random(12))
              .build());
    } finally {
      pki.revocationClock(after);
    }
  }
}
