package io.github.motcua.signing.internal;

/**
 * Measures how deep BER/DER structures nest, without recursion and without building them, so that a
 * hostile signature is refused before a parser recurses into it.
 */
public final class Asn1Scan {

  private Asn1Scan() {}

  /**
   * Returns the deepest nesting of constructed values in an encoding, stopping as soon as it passes
   * {@code limit}.
   *
   * @param der the encoding
   * @param limit the deepest nesting of interest
   * @return the depth (1 for a primitive value, more for constructed values), {@code limit + 1}
   *     when deeper than the limit, or -1 when the encoding is malformed
   */
  public static int depth(byte[] der, int limit) {
    if (der == null || der.length == 0) {
      return -1;
    }
    // ends[d] is where the value open at depth d ends, or -1 for an indefinite length.
    long[] ends = new long[limit + 2];
    int depth = 0;
    int deepest = 0;
    int i = 0;
    ends[0] = der.length;
    while (i < der.length) {
      // Close every value that ends here.
      while (depth > 0 && ends[depth] == i) {
        depth--;
      }
      if (i >= ends[depth] && ends[depth] >= 0) {
        return -1;
      }
      int tag = der[i++] & 0xff;
      if ((tag & 0x1f) == 0x1f) {
        int count = 0;
        do {
          if (i >= der.length || ++count > 4) {
            return -1;
          }
        } while ((der[i++] & 0x80) != 0);
      }
      if (i >= der.length) {
        return -1;
      }
      int first = der[i++] & 0xff;
      long length;
      if (first < 0x80) {
        length = first;
      } else if (first == 0x80) {
        length = -1;
      } else {
        int octets = first & 0x7f;
        if (octets > 4) {
          return -1;
        }
        length = 0;
        for (int k = 0; k < octets; k++) {
          if (i >= der.length) {
            return -1;
          }
          length = (length << 8) | (der[i++] & 0xff);
        }
      }
      if (tag == 0 && length == 0) {
        // End-of-contents of an indefinite-length value.
        if (depth == 0 || ends[depth] != -1) {
          return -1;
        }
        depth--;
        continue;
      }
      boolean constructed = (tag & 0x20) != 0;
      if (length < 0 && !constructed) {
        return -1;
      }
      long end = length < 0 ? -1 : i + length;
      if (end > der.length || (ends[depth] >= 0 && end > ends[depth])) {
        return -1;
      }
      if (constructed) {
        depth++;
        deepest = Math.max(deepest, depth);
        if (depth > limit) {
          return limit + 1;
        }
        ends[depth] = end;
        if (end == i) {
          depth--;
        }
      } else {
        deepest = Math.max(deepest, depth + 1);
        i = (int) end;
      }
    }
    while (depth > 0 && ends[depth] == i) {
      depth--;
    }
    return depth == 0 ? Math.max(deepest, 1) : -1;
  }
}
