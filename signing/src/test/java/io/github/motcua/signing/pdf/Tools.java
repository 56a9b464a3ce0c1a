package io.github.motcua.signing.pdf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent command line tools the PDF tests check against (poppler's pdfsig, pdftoppm,
 * pdftotext; zbar's zbarimg); a test that needs a missing tool is skipped, visibly.
 */
final class Tools {

  /** The outcome of a command. */
  record Result(int exitCode, String output) {}

  private Tools() {}

  static void assume(String tool, String debianPackage) {
    assumeTrue(
        available(tool),
        tool + " is not installed (Debian package " + debianPackage + "): skipping this test");
  }

  static boolean available(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
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
