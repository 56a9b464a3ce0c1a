package io.github.motcua.signing.pdf;

import io.github.motcua.signing.CertificateValidator;
import io.github.motcua.signing.HttpTimestampAuthority;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * The renewal of a PAdES B-LTA document four years after {@link SamplePdfs#NOW}, before the first
 * time-stamping certificate expires (the test PKI's lives five years): validation data as the
 * responders answer then, and a document time-stamp from the authority's second-generation
 * certificate.
 */
final class PdfRenewal {

  /** When the archive renews. */
  static final Clock CLOCK =
      Clock.fixed(SamplePdfs.NOW.plus(Duration.ofDays(4 * 365)), ZoneOffset.UTC);

  private PdfRenewal() {}

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
   * Adds validation data and a document time-stamp at renewal time ({@link PdfExtender#toLta}).
   *
   * @param pki the test PKI, whose responders answer at renewal time meanwhile
   * @param authority the fake from {@link #authority}
   * @param pdf the B-LTA document
   * @return the renewed document
   */
  static byte[] renew(TestPki pki, TimestampAuthorityFake authority, byte[] pdf) {
    pki.revocationClock(CLOCK);
    try {
      return PdfExtender.builder()
          .certificateValidator(
              CertificateValidator.builder()
                  .trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                  .clock(CLOCK)
                  .build())
          .timestampAuthority(
              HttpTimestampAuthority.builder()
                  .url(authority.url())
                  .nonceSource(new Random(8))
                  .build())
          .build()
          .toLta(pdf);
    } finally {
      pki.revocationClock(SamplePdfs.CLOCK);
    }
  }
}
