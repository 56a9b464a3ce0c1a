package io.github.motcua.signing.pdf;

import io.github.motcua.testkit.Interop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent command line tools the PDF tests check against (poppler's pdfsig, pdftoppm,
 * pdftotext; zbar's zbarimg); a test that needs a missing tool is skipped, visibly, or fails under
 * {@code -Dmotcua.requireInterop=true} (testkit's {@link Interop}).
 */
final class Tools {

  /** The outcome of a command. */
  record Result(int exitCode, String output) {}

  private Tools() {}

  static void assume(String tool, String debianPackage) {
    Interop.fromSystemProperty().requireCommand(tool, debianPackage, "this test");
  }

  /** For an extra check with the tool: false when it is missing (a failure where required). */
  static boolean available(String tool, String debianPackage) {
    return Interop.fromSystemProperty().hasCommand(tool, debianPackage, "an extra check");
  }

  static Result run(String tool, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(tool);
    command.addAll(List.of(arguments));
    try {
      Path output = Files.createTempFile(tool, ".out");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(tool + " did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(tool + " cannot be run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
