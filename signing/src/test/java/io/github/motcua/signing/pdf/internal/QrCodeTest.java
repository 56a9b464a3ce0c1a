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
import org.junit.jupiter.params.provider.MethodSource;

/** The QR codes the receipts carry, decoded by zbar, an independent decoder. */
class QrCodeTest {

  @TempDir Path dir;

  /**
   * Lengths from a bare lookup code to the longest lookup URL the builder accepts (500 characters
   * of prefix and the code) and beyond, up to what a version-40-M symbol holds.
   */
  static IntStream lengths() {
    return IntStream.of(1, 10, 122, 514, 2331);
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
  void refusesTextNoSymbolHolds() {
    assertThatThrownBy(() -> QrCode.encodeText("x".repeat(2332)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zbarDecodesVietnameseUtf8() throws Exception {
    requireZbar();
    String text = "Mã tra cứu biên lai: K7P2M9XQ4T — Trung tâm Phục vụ hành chính công";

    assertThat(decode(QrCode.encodeText(text))).isEqualTo(text);
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
