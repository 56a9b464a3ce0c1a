package io.github.motcua.signing.pdf;

import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

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
    return io.github.motcua.signing.Renewal.at(
        pki,
        CLOCK,
        SamplePdfs.CLOCK,
        authority,
        (validator, tsa) ->
            PdfExtender.builder()
                .certificateValidator(validator)
                .timestampAuthority(tsa)
                .build()
                .toLta(pdf));
  }
}
