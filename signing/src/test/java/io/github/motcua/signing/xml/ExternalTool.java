package io.github.motcua.signing.xml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command line tool (xmlsec1, chromium); tests that need one are skipped, visibly, when it
 * is not installed.
 */
public final class ExternalTool {

  /** The outcome of a command. */
  public record Result(int exitCode, String output) {}

  private ExternalTool() {}

  /** Skips the calling test with a message when the tool is not on the PATH. */
  public static void assumeInstalled(String tool, String purpose) {
    assumeTrue(
        installed(tool),
        tool + " is not installed (Debian package " + tool + "): skipping " + purpose);
  }

  /** Tells whether an executable of that name is on the PATH. */
  public static boolean installed(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
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
