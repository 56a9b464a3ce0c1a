package io.github.motcua.signing.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.testkit.Interop;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The QR encoder, checked against zbar, an independent decoder, and against the standard. */
class QrCodeTest {

  @TempDir Path dir;

  /** Lengths across versions 1 to 40: 1, 2, 7 (version information), 11, 16 and 40. */
  static IntStream lengths() {
    return IntStream.of(1, 15, 122, 214, 500, 2331);
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("lengths")
  void zbarDecodesWhatWasEncoded(int length) throws Exception {
    requireZbar();
    String text = randomText(length, new Random(length));

    QrCode code = QrCode.encodeText(text);

    assertThat(decode(code)).isEqualTo(text);
  }

  @Test
  void zbarDecodesVietnameseUtf8() throws Exception {
    requireZbar();
    String text = "Mã tra cứu biên lai: K7P2M9XQ4T — Trung tâm Phục vụ hành chính công";

    assertThat(decode(QrCode.encodeText(text))).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} bytes fit version {1}")
  @CsvSource({"1,1", "14,1", "15,2", "26,2", "27,3", "213,10", "214,11", "2331,40"})
  void choosesTheSmallestVersionThatHoldsTheData(int length, int version) {
    QrCode code = QrCode.encode(new byte[length]);

    assertThat(code.version()).isEqualTo(version);
    assertThat(code.size()).isEqualTo(version * 4 + 17);
  }

  @Test
  void refusesMoreThanVersion40Holds() {
    assertThatThrownBy(() -> QrCode.encode(new byte[QrCode.MAX_BYTES + 1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatInformationMatchesThePublishedValueForLevelMMask0() {
    // ISO/IEC 18004 annex C: level M, mask 0 -> 101010000010010.
    assertThat(QrCode.formatBits(0)).isEqualTo(0b101010000010010);
  }

  @Test
  void versionInformationMatchesThePublishedValueForVersion7() {
    // ISO/IEC 18004 annex D: version 7 -> 000111110010010100.
    assertThat(QrCode.versionBits(7)).isEqualTo(0b000111110010010100);
  }

  @Test
  void reedSolomonMatchesTheStandardsWorkedExample() {
    // ISO/IEC 18004 annex I: "01234567" as 1-M, data codewords and their 10 EC codewords.
    int[] data = {16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17};
    int[] expected = {165, 36, 212, 193, 237, 54, 199, 135, 44, 85};
    byte[] bytes = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      bytes[i] = (byte) data[i];
    }

    byte[] ecc = QrCode.ReedSolomon.remainder(bytes, QrCode.ReedSolomon.generator(10));

    int[] actual = new int[ecc.length];
    for (int i = 0; i < ecc.length; i++) {
      actual[i] = ecc[i] & 0xFF;
    }
    assertThat(actual).containsExactly(expected);
  }

  private static String randomText(int length, Random random) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:/?=&.-_";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private String decode(QrCode code) throws IOException, InterruptedException {
    int scale = 4;
    int quiet = 4;
    int side = (code.size() + 2 * quiet) * scale;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        boolean dark = code.isDark(y / scale - quiet, x / scale - quiet);
        image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
      }
    }
    Path png = dir.resolve("qr-" + code.version() + "-" + System.nanoTime() + ".png");
    ImageIO.write(image, "png", png.toFile());
    Process process =
        new ProcessBuilder("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD) // zbar complains about D-Bus there
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static void requireZbar() {
    Interop.fromSystemProperty()
        .requireCommand("zbarimg", "zbar-tools", "the zbar round-trip of the QR encoder");
  }
}
