package io.github.motcua.signing.xml;

import io.github.motcua.testkit.Interop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command line tool (xmlsec1, chromium); tests that need one are skipped, visibly, when it
 * is not installed, and fail under {@code -Dmotcua.requireInterop=true} (testkit's {@link
 * Interop}).
 */
public final class ExternalTool {

  /** The outcome of a command. */
  public record Result(int exitCode, String output) {}

  private ExternalTool() {}

  /**
   * Skips the calling test with a message when the tool is not on the PATH (a failure where
   * interoperability is required); the tool's Debian package has its name.
   */
  public static void assumeInstalled(String tool, String purpose) {
    Interop.fromSystemProperty().requireCommand(tool, tool, purpose);
  }

  /** Runs a command with a time limit, capturing standard output and error together. */
  public static Result run(List<String> command, int timeoutSeconds) {
    try {
      Path output = Files.createTempFile("tool", ".out");
      try {
        Process process =
            new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("did not finish in " + timeoutSeconds + " s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
