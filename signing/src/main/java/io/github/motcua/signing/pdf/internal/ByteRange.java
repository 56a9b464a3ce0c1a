package io.github.motcua.signing.pdf.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signature's {@code /ByteRange} (ISO 32000-1 §12.8.1): two spans of the file that the signature
 * covers, around the gap that holds the {@code /Contents} hex string. Only the form every
 * conforming signer writes is accepted: the first span starts at 0, the gap lies between the spans,
 * the second span ends inside the file.
 *
 * @param start1 the first span's offset (0)
 * @param length1 the first span's length: the offset of the gap
 * @param start2 the second span's offset: the end of the gap
 * @param length2 the second span's length
 */
public record ByteRange(long start1, long length1, long start2, long length2) {

  private static final Pattern BYTE_RANGE =
      Pattern.compile(
          "/ByteRange\\s*\\[\\s*(\\d{1,12})\\s+(\\d{1,12})\\s+(\\d{1,12})\\s+(\\d{1,12})");

  /**
   * Checks four numbers against a file length.
   *
   * @param numbers the numbers of the PDF array
   * @param fileLength the file's length in bytes
   * @return the byte range, or null when the numbers are not a well-formed range inside the file
   */
  public static ByteRange of(long[] numbers, long fileLength) {
    if (numbers == null || numbers.length != 4) {
      return null;
    }
    long a = numbers[0];
    long b = numbers[1];
    long c = numbers[2];
    long d = numbers[3];
    if (a != 0 || b < 1 || c < b + 2 || d < 0 || c > fileLength || d > fileLength - c) {
      return null;
    }
    return new ByteRange(a, b, c, d);
  }

  /**
   * Finds the first {@code /ByteRange} written at or after an offset, as PDFBox writes it into an
   * incremental update.
   *
   * @param pdf the file
   * @param from where to start looking
   * @return the range, or null when none is there or it does not fit the file
   */
  public static ByteRange find(byte[] pdf, int from) {
    String tail = new String(pdf, from, pdf.length - from, StandardCharsets.ISO_8859_1);
    Matcher m = BYTE_RANGE.matcher(tail);
    if (!m.find()) {
      return null;
    }
    long[] numbers = new long[4];
    for (int i = 0; i < 4; i++) {
      numbers[i] = Long.parseLong(m.group(i + 1));
    }
    return of(numbers, pdf.length);
  }

  /**
   * Returns where the covered bytes end: the end of the signed revision.
   *
   * @return the offset after the second span
   */
  public long end() {
    return start2 + length2;
  }

  /**
   * Returns how many bytes of DER fit in the gap's hex string.
   *
   * @return the capacity in bytes
   */
  public int placeholderBytes() {
    return (int) ((start2 - length1 - 2) / 2);
  }

  /**
   * Checks that the gap is exactly one hex string: {@code <}, hex digits, {@code >}.
   *
   * @param pdf the file
   * @return null when it is, otherwise why not
   */
  public String checkHexGap(byte[] pdf) {
    int open = (int) length1;
    int close = (int) start2 - 1;
    if (pdf[open] != '<' || pdf[close] != '>') {
      return "the gap between the byte ranges is not a hex string";
    }
    if ((close - open - 1) % 2 != 0) {
      return "the hex string in the gap has an odd length";
    }
    for (int i = open + 1; i < close; i++) {
      if (Character.digit(pdf[i], 16) < 0) {
        return "the gap between the byte ranges holds more than the signature";
      }
    }
    return null;
  }

  /**
   * Checks that the gap is a zero-filled placeholder, as a prepared signature leaves it.
   *
   * @param pdf the file
   * @return null when it is, otherwise why not
   */
  public String checkPlaceholder(byte[] pdf) {
    if (end() != pdf.length) {
      return "its byte range does not end at the end of its PDF";
    }
    String hex = checkHexGap(pdf);
    if (hex != null) {
      return hex;
    }
    for (int i = (int) length1 + 1; i < start2 - 1; i++) {
      if (pdf[i] != '0') {
        return "its signature placeholder is not empty";
      }
    }
    return null;
  }

  /**
   * Decodes the gap's hex string.
   *
   * @param pdf the file, whose gap passed {@link #checkHexGap}
   * @return the bytes of the {@code /Contents} string, padding included
   */
  public byte[] gapBytes(byte[] pdf) {
    int from = (int) length1 + 1;
    byte[] out = new byte[(int) ((start2 - 1 - from) / 2)];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          (byte)
              (Character.digit(pdf[from + 2 * i], 16) << 4
                  | Character.digit(pdf[from + 2 * i + 1], 16));
    }
    return out;
  }

  /**
   * Writes a signature into the gap as upper-case hex; the rest of the placeholder stays zero.
   *
   * @param pdf the file, changed in place
   * @param der the DER signature, at most {@link #placeholderBytes()} long
   */
  public void writeSignature(byte[] pdf, byte[] der) {
    byte[] hex = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    int at = (int) length1 + 1;
    for (byte b : der) {
      pdf[at++] = hex[(b >>> 4) & 0xF];
      pdf[at++] = hex[b & 0xF];
    }
  }

  /**
   * Feeds the covered bytes to a digest.
   *
   * @param digest the digest
   * @param pdf the file
   */
  public void update(MessageDigest digest, byte[] pdf) {
    digest.update(pdf, (int) start1, (int) length1);
    digest.update(pdf, (int) start2, (int) length2);
  }

  /**
   * Streams the covered bytes.
   *
   * @param pdf the file
   * @return a stream over both spans
   */
  public InputStream content(byte[] pdf) {
    return new SequenceInputStream(
        new ByteArrayInputStream(pdf, (int) start1, (int) length1),
        new ByteArrayInputStream(pdf, (int) start2, (int) length2));
  }

  @Override
  public String toString() {
    return "[" + start1 + " " + length1 + " " + start2 + " " + length2 + "]";
  }
}
