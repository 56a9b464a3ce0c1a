package io.github.motcua.signing.pdf.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A QR code symbol (ISO/IEC 18004:2015) in byte mode at error-correction level M: the smallest
 * version (1 to 40) that holds the data, the mask with the lowest penalty score. Enough for a
 * receipt's lookup code or lookup URL; no other mode or level is needed here.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class QrCode {

  /** The most bytes a version-40-M symbol holds in byte mode. */
  public static final int MAX_BYTES = 2331;

  // Level M, per version 1..40 (ISO/IEC 18004 table 9): error-correction codewords per block and
  // the number of blocks.
  private static final int[] ECC_PER_BLOCK = {
    10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28
  };
  private static final int[] BLOCKS = {
    1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25,
    26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49
  };

  // Centre row/column coordinates of alignment patterns per version (ISO/IEC 18004 annex E).
  private static final int[][] ALIGNMENT = {
    {},
    {6, 18},
    {6, 22},
    {6, 26},
    {6, 30},
    {6, 34},
    {6, 22, 38},
    {6, 24, 42},
    {6, 26, 46},
    {6, 28, 50},
    {6, 30, 54},
    {6, 32, 58},
    {6, 34, 62},
    {6, 26, 46, 66},
    {6, 26, 48, 70},
    {6, 26, 50, 74},
    {6, 30, 54, 78},
    {6, 30, 56, 82},
    {6, 30, 58, 86},
    {6, 34, 62, 90},
    {6, 28, 50, 72, 94},
    {6, 26, 50, 74, 98},
    {6, 30, 54, 78, 102},
    {6, 28, 54, 80, 106},
    {6, 32, 58, 84, 110},
    {6, 30, 58, 86, 114},
    {6, 34, 62, 90, 118},
    {6, 26, 50, 74, 98, 122},
    {6, 30, 54, 78, 102, 126},
    {6, 26, 52, 78, 104, 130},
    {6, 30, 56, 82, 108, 134},
    {6, 34, 60, 86, 112, 138},
    {6, 30, 58, 86, 114, 142},
    {6, 34, 62, 90, 118, 146},
    {6, 30, 54, 78, 102, 126, 150},
    {6, 24, 50, 76, 102, 128, 154},
    {6, 28, 54, 80, 106, 132, 158},
    {6, 32, 58, 84, 110, 136, 162},
    {6, 26, 54, 82, 110, 138, 166},
    {6, 30, 58, 86, 114, 142, 170}
  };

  private static final int LEVEL_M_BITS = 0b00;

  private final int version;
  private final int size;
  private final int mask;
  private final boolean[][] dark; // [row][column]

  private QrCode(int version, int mask, boolean[][] dark) {
    this.version = version;
    this.size = dark.length;
    this.mask = mask;
    this.dark = dark;
  }

  /**
   * Encodes text as UTF-8 bytes.
   *
   * @param text the text; not null
   * @return the symbol
   * @throws IllegalArgumentException when the text needs more than {@value #MAX_BYTES} bytes
   */
  public static QrCode encodeText(String text) {
    return encode(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Encodes bytes in byte mode at level M in the smallest version that holds them.
   *
   * @param data the bytes; not null
   * @return the symbol
   * @throws IllegalArgumentException when there are more than {@value #MAX_BYTES} bytes
   */
  public static QrCode encode(byte[] data) {
    for (int version = 1; version <= 40; version++) {
      int capacityBits = dataCodewords(version) * 8;
      int neededBits = 4 + countBits(version) + data.length * 8;
      if (neededBits <= capacityBits) {
        return encode(data, version);
      }
    }
    throw new IllegalArgumentException(
        "A QR code holds at most " + MAX_BYTES + " bytes; got " + data.length);
  }

  /**
   * Encodes bytes in a given version.
   *
   * @param data the bytes
   * @param version 1 to 40, large enough for the data
   * @return the symbol
   */
  static QrCode encode(byte[] data, int version) {
    byte[] codewords = addErrorCorrection(dataCodewords(data, version), version);
    int size = version * 4 + 17;
    boolean[][] function = new boolean[size][size];
    boolean[][] modules = new boolean[size][size];
    drawFunctionPatterns(version, modules, function);
    placeCodewords(codewords, modules, function);
    int bestMask = 0;
    long bestPenalty = Long.MAX_VALUE;
    boolean[][] best = null;
    for (int m = 0; m < 8; m++) {
      boolean[][] candidate = copy(modules);
      applyMask(m, candidate, function);
      drawFormatBits(m, candidate, function);
      long penalty = penalty(candidate);
      if (penalty < bestPenalty) {
        bestPenalty = penalty;
        bestMask = m;
        best = candidate;
      }
    }
    return new QrCode(version, bestMask, best);
  }

  /**
   * Returns the version.
   *
   * @return 1 to 40
   */
  public int version() {
    return version;
  }

  /**
   * Returns the number of modules on a side, without the quiet zone.
   *
   * @return 21 to 177
   */
  public int size() {
    return size;
  }

  /**
   * Returns the mask pattern chosen.
   *
   * @return 0 to 7
   */
  public int mask() {
    return mask;
  }

  /**
   * Tells whether a module is dark.
   *
   * @param row the row, 0 at the top
   * @param column the column, 0 at the left
   * @return true for a dark module; false outside the symbol
   */
  public boolean isDark(int row, int column) {
    return row >= 0 && row < size && column >= 0 && column < size && dark[row][column];
  }

  // ---- data ----

  private static int countBits(int version) {
    return version <= 9 ? 8 : 16;
  }

  private static int dataCodewords(int version) {
    return totalCodewords(version) - ECC_PER_BLOCK[version - 1] * BLOCKS[version - 1];
  }

  /** Counts the modules left for data once the function patterns are drawn. */
  private static int totalCodewords(int version) {
    int size = version * 4 + 17;
    boolean[][] function = new boolean[size][size];
    drawFunctionPatterns(version, new boolean[size][size], function);
    int free = 0;
    for (boolean[] row : function) {
      for (boolean f : row) {
        if (!f) {
          free++;
        }
      }
    }
    return free / 8;
  }

  private static byte[] dataCodewords(byte[] data, int version) {
    int capacity = dataCodewords(version);
    BitBuffer bits = new BitBuffer(capacity * 8);
    bits.append(0b0100, 4); // byte mode
    bits.append(data.length, countBits(version));
    for (byte b : data) {
      bits.append(b & 0xFF, 8);
    }
    bits.append(0, Math.min(4, capacity * 8 - bits.length)); // terminator
    bits.append(0, (8 - bits.length % 8) % 8);
    byte[] out = bits.toBytes(capacity);
    int used = bits.length / 8;
    for (int i = used, pad = 0; i < capacity; i++, pad ^= 1) {
      out[i] = (byte) (pad == 0 ? 0xEC : 0x11);
    }
    return out;
  }

  private static byte[] addErrorCorrection(byte[] data, int version) {
    int blocks = BLOCKS[version - 1];
    int ecc = ECC_PER_BLOCK[version - 1];
    int total = totalCodewords(version);
    int longBlocks = total % blocks;
    int shortLength = total / blocks; // data + ecc of a short block
    byte[] generator = ReedSolomon.generator(ecc);
    byte[][] dataBlocks = new byte[blocks][];
    byte[][] eccBlocks = new byte[blocks][];
    int offset = 0;
    for (int i = 0; i < blocks; i++) {
      int dataLength = shortLength - ecc + (i < blocks - longBlocks ? 0 : 1);
      dataBlocks[i] = Arrays.copyOfRange(data, offset, offset + dataLength);
      eccBlocks[i] = ReedSolomon.remainder(dataBlocks[i], generator);
      offset += dataLength;
    }
    byte[] out = new byte[total];
    int k = 0;
    int maxData = shortLength - ecc + (longBlocks > 0 ? 1 : 0);
    for (int i = 0; i < maxData; i++) {
      for (byte[] block : dataBlocks) {
        if (i < block.length) {
          out[k++] = block[i];
        }
      }
    }
    for (int i = 0; i < ecc; i++) {
      for (byte[] block : eccBlocks) {
        out[k++] = block[i];
      }
    }
    return out;
  }

  // ---- function patterns ----

  private static void drawFunctionPatterns(int version, boolean[][] modules, boolean[][] function) {
    int size = modules.length;
    for (int i = 0; i < size; i++) {
      set(modules, function, 6, i, i % 2 == 0); // horizontal timing
      set(modules, function, i, 6, i % 2 == 0); // vertical timing
    }
    drawFinder(modules, function, 3, 3);
    drawFinder(modules, function, 3, size - 4);
    drawFinder(modules, function, size - 4, 3);
    int[] centres = ALIGNMENT[version - 1];
    for (int r : centres) {
      for (int c : centres) {
        boolean onFinder =
            (r == 6 && c == 6) || (r == 6 && c == size - 7) || (r == size - 7 && c == 6);
        if (!onFinder) {
          for (int dr = -2; dr <= 2; dr++) {
            for (int dc = -2; dc <= 2; dc++) {
              set(modules, function, r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) != 1);
            }
          }
        }
      }
    }
    // Reserve the format areas (drawn per mask later) and the dark module.
    drawFormatBits(0, modules, function);
    if (version >= 7) {
      int bits = versionBits(version);
      for (int i = 0; i < 18; i++) {
        boolean bit = ((bits >>> i) & 1) != 0;
        int a = size - 11 + i % 3;
        int b = i / 3;
        set(modules, function, b, a, bit); // top right
        set(modules, function, a, b, bit); // bottom left
      }
    }
  }

  private static void drawFinder(boolean[][] modules, boolean[][] function, int row, int col) {
    int size = modules.length;
    for (int dr = -4; dr <= 4; dr++) {
      for (int dc = -4; dc <= 4; dc++) {
        int r = row + dr;
        int c = col + dc;
        if (r >= 0 && r < size && c >= 0 && c < size) {
          int d = Math.max(Math.abs(dr), Math.abs(dc));
          set(modules, function, r, c, d != 2 && d != 4);
        }
      }
    }
  }

  private static void drawFormatBits(int mask, boolean[][] modules, boolean[][] function) {
    int size = modules.length;
    int bits = formatBits(mask);
    // Around the top-left finder: bits 0..7 down column 8 / along row 8, skipping timing.
    for (int i = 0; i <= 5; i++) {
      set(modules, function, i, 8, bit(bits, i));
    }
    set(modules, function, 7, 8, bit(bits, 6));
    set(modules, function, 8, 8, bit(bits, 7));
    set(modules, function, 8, 7, bit(bits, 8));
    for (int i = 9; i < 15; i++) {
      set(modules, function, 8, 14 - i, bit(bits, i));
    }
    // The copy: along row 8 at the right, then up column 8 at the bottom.
    for (int i = 0; i < 8; i++) {
      set(modules, function, 8, size - 1 - i, bit(bits, i));
    }
    for (int i = 8; i < 15; i++) {
      set(modules, function, size - 15 + i, 8, bit(bits, i));
    }
    set(modules, function, size - 8, 8, true); // the dark module
  }

  /** The 15-bit format information: level and mask, BCH(15,5), XOR-masked. */
  static int formatBits(int mask) {
    int data = LEVEL_M_BITS << 3 | mask;
    int remainder = data << 10;
    for (int i = 14; i >= 10; i--) {
      if (((remainder >>> i) & 1) != 0) {
        remainder ^= 0x537 << (i - 10);
      }
    }
    return ((data << 10) | remainder) ^ 0x5412;
  }

  /** The 18-bit version information: version and BCH(18,6). */
  static int versionBits(int version) {
    int remainder = version << 12;
    for (int i = 17; i >= 12; i--) {
      if (((remainder >>> i) & 1) != 0) {
        remainder ^= 0x1F25 << (i - 12);
      }
    }
    return version << 12 | remainder;
  }

  // ---- data placement and masking ----

  private static void placeCodewords(byte[] codewords, boolean[][] modules, boolean[][] function) {
    int size = modules.length;
    int bitIndex = 0;
    int totalBits = codewords.length * 8;
    boolean upward = true;
    for (int right = size - 1; right >= 1; right -= 2) {
      if (right == 6) {
        right = 5; // the vertical timing column is skipped
      }
      for (int step = 0; step < size; step++) {
        int row = upward ? size - 1 - step : step;
        for (int dc = 0; dc < 2; dc++) {
          int col = right - dc;
          if (!function[row][col]) {
            boolean value = false;
            if (bitIndex < totalBits) {
              value = ((codewords[bitIndex >>> 3] >>> (7 - (bitIndex & 7))) & 1) != 0;
            }
            modules[row][col] = value; // remainder bits stay light
            bitIndex++;
          }
        }
      }
      upward = !upward;
    }
  }

  private static void applyMask(int mask, boolean[][] modules, boolean[][] function) {
    int size = modules.length;
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        if (!function[r][c] && maskBit(mask, r, c)) {
          modules[r][c] = !modules[r][c];
        }
      }
    }
  }

  private static boolean maskBit(int mask, int r, int c) {
    switch (mask) {
      case 0:
        return (r + c) % 2 == 0;
      case 1:
        return r % 2 == 0;
      case 2:
        return c % 3 == 0;
      case 3:
        return (r + c) % 3 == 0;
      case 4:
        return (r / 2 + c / 3) % 2 == 0;
      case 5:
        return (r * c) % 2 + (r * c) % 3 == 0;
      case 6:
        return ((r * c) % 2 + (r * c) % 3) % 2 == 0;
      default:
        return ((r + c) % 2 + (r * c) % 3) % 2 == 0;
    }
  }

  /** The penalty score of ISO/IEC 18004 §7.8.3: runs, blocks, finder-like patterns, balance. */
  static long penalty(boolean[][] m) {
    int size = m.length;
    long score = 0;
    for (int line = 0; line < size; line++) {
      score += linePenalty(m, line, true) + linePenalty(m, line, false);
    }
    for (int r = 0; r < size - 1; r++) {
      for (int c = 0; c < size - 1; c++) {
        boolean v = m[r][c];
        if (v == m[r][c + 1] && v == m[r + 1][c] && v == m[r + 1][c + 1]) {
          score += 3;
        }
      }
    }
    int darkCount = 0;
    for (boolean[] row : m) {
      for (boolean v : row) {
        if (v) {
          darkCount++;
        }
      }
    }
    int total = size * size;
    int deviation = Math.abs(darkCount * 100 - total * 50); // percent × total
    score += 10L * (deviation / (total * 5));
    return score;
  }

  private static long linePenalty(boolean[][] m, int line, boolean horizontal) {
    int size = m.length;
    long score = 0;
    int run = 1;
    for (int i = 1; i <= size; i++) {
      boolean same = i < size && at(m, line, i, horizontal) == at(m, line, i - 1, horizontal);
      if (same) {
        run++;
      } else {
        if (run >= 5) {
          score += 3 + (run - 5);
        }
        run = 1;
      }
    }
    // 1:1:3:1:1 dark-light pattern with four light modules on one side (outside counts as light).
    boolean[] core = {true, false, true, true, true, false, true};
    for (int start = -4; start < size; start++) {
      boolean match = true;
      for (int k = 0; k < 7 && match; k++) {
        match = at(m, line, start + k, horizontal) == core[k];
      }
      if (match) {
        if (lightRun(m, line, start - 4, horizontal) || lightRun(m, line, start + 7, horizontal)) {
          score += 40;
        }
      }
    }
    return score;
  }

  private static boolean lightRun(boolean[][] m, int line, int from, boolean horizontal) {
    for (int k = 0; k < 4; k++) {
      if (at(m, line, from + k, horizontal)) {
        return false;
      }
    }
    return true;
  }

  private static boolean at(boolean[][] m, int line, int i, boolean horizontal) {
    if (i < 0 || i >= m.length) {
      return false;
    }
    return horizontal ? m[line][i] : m[i][line];
  }

  private static void set(boolean[][] modules, boolean[][] function, int r, int c, boolean dark) {
    modules[r][c] = dark;
    function[r][c] = true;
  }

  private static boolean bit(int value, int i) {
    return ((value >>> i) & 1) != 0;
  }

  private static boolean[][] copy(boolean[][] m) {
    boolean[][] out = new boolean[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }

  /** Appends bits most significant first. */
  private static final class BitBuffer {
    private final byte[] bytes;
    private int length;

    BitBuffer(int capacityBits) {
      bytes = new byte[(capacityBits + 7) / 8];
    }

    void append(int value, int count) {
      for (int i = count - 1; i >= 0; i--) {
        if (((value >>> i) & 1) != 0) {
          bytes[length >>> 3] |= (byte) (0x80 >>> (length & 7));
        }
        length++;
      }
    }

    byte[] toBytes(int size) {
      return Arrays.copyOf(bytes, size);
    }
  }

  /** Reed–Solomon over GF(2^8) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1. */
  static final class ReedSolomon {
    private ReedSolomon() {}

    static int multiply(int x, int y) {
      int result = 0;
      for (int i = 7; i >= 0; i--) {
        result = (result << 1) ^ ((result >>> 7) * 0x11D);
        result ^= ((y >>> i) & 1) * x;
      }
      return result & 0xFF;
    }

    /**
     * The generator polynomial of the given degree, product of (x - α^i) for i in 0..degree-1,
     * coefficients from the highest power down, the leading 1 left out.
     */
    static byte[] generator(int degree) {
      int[] coefficients = new int[degree];
      coefficients[degree - 1] = 1;
      int root = 1;
      for (int i = 0; i < degree; i++) {
        for (int j = 0; j < degree; j++) {
          coefficients[j] = multiply(coefficients[j], root);
          if (j + 1 < degree) {
            coefficients[j] ^= coefficients[j + 1];
          }
        }
        root = multiply(root, 0x02);
      }
      byte[] out = new byte[degree];
      for (int i = 0; i < degree; i++) {
        out[i] = (byte) coefficients[i];
      }
      return out;
    }

    /** The remainder of data·x^degree divided by the generator: the error-correction codewords. */
    static byte[] remainder(byte[] data, byte[] generator) {
      int[] result = new int[generator.length];
      for (byte b : data) {
        int factor = (b & 0xFF) ^ result[0];
        System.arraycopy(result, 1, result, 0, result.length - 1);
        result[result.length - 1] = 0;
        for (int i = 0; i < result.length; i++) {
          result[i] ^= multiply(generator[i] & 0xFF, factor);
        }
      }
      byte[] out = new byte[result.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) result[i];
      }
      return out;
    }
  }
}
