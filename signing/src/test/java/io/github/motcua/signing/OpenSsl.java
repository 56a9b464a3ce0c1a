package io.github.motcua.signing;

import io.github.motcua.testkit.Interop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the openssl command line tool; tests that need it are skipped, visibly, without it, and fail
 * under {@code -Dmotcua.requireInterop=true} (testkit's {@link Interop}).
 */
final class OpenSsl {

  /** The outcome of a command. */
  record Result(int exitCode, String output) {}

  private OpenSsl() {}

  static void assumeAvailable() {
    Interop.fromSystemProperty()
        .require(available(), "openssl", "openssl", "the OpenSSL interoperability test");
  }

  static boolean available() {
    try {
      return run(List.of("version")).exitCode() == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  static Result run(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(arguments);
    try {
      Path output = Files.createTempFile("openssl", ".out");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("openssl did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("openssl cannot be run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
