package io.github.motcua.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.motcua.core.InvalidInputException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Reading a hostile document costs memory linear in its size, however many problems it holds. An
 * empty object in a list of documents lacks its eight required properties: 750 of them make 6,000
 * problems, 75,000 make 600,000. The test measures the bytes the reading thread allocates (a count
 * that does not depend on the machine's speed), not the time it takes.
 */
class LinearReadingTest {

  /** A Submitted event with {@code empty} empty objects as its documents. */
  private static String withEmptyDocuments(int empty) {
    StringBuilder json =
        new StringBuilder(
            "{\"type\":\"Submitted\",\"eventId\":\"3f1c2a9e-0b7d-4c55-9a51-000000000001\","
                + "\"dossierCode\":\"000.00.31.H56-250815-0001\","
                + "\"occurredAt\":\"2025-08-15T01:30:00Z\",\"documents\":[");
    for (int i = 0; i < empty; i++) {
      json.append(i == 0 ? "{}" : ",{}");
    }
    return json.append("]}").toString();
  }

  private static com.sun.management.ThreadMXBean threads() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    boolean counts =
        bean instanceof com.sun.management.ThreadMXBean sun
            && sun.isThreadAllocatedMemorySupported();
    // Under -Dmotcua.requireInterop=true (CI) a JVM that cannot measure fails instead of skipping.
    if (Boolean.getBoolean("motcua.requireInterop")) {
      assertThat(counts).as("this JVM cannot count a thread's allocated bytes").isTrue();
    }
    assumeThat(
            bean instanceof com.sun.management.ThreadMXBean sun
                && sun.isThreadAllocatedMemorySupported())
        .as("this JVM cannot count a thread's allocated bytes")
        .isTrue();
    com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) bean;
    sun.setThreadAllocatedMemoryEnabled(true);
    return sun;
  }

  /** Reads the document, checks the problem count, and returns the bytes the read allocated. */
  private static long allocatedReading(
      com.sun.management.ThreadMXBean threads, String json, int problems) {
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    InvalidInputException e =
        (InvalidInputException) catchThrowable(() -> MotcuaJson.readEvent(json));
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertThat(e.violationCount()).isEqualTo(problems);
    return allocated;
  }

  private static Throwable catchThrowable(Runnable read) {
    try {
      read.run();
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("expected an InvalidInputException");
  }

  @Test
  void sixThousandAndSixHundredThousandProblemsCostLinearMemory() {
    com.sun.management.ThreadMXBean threads = threads();
    String small = withEmptyDocuments(750);
    String large = withEmptyDocuments(75_000);
    // The event lacks procedure, applicant, channel, identityVerified and fees: 5 more problems.
    allocatedReading(threads, small, 6_005); // warm up: classes, caches

    long smallBytes = allocatedReading(threads, small, 6_005);
    long largeBytes = allocatedReading(threads, large, 600_005);

    // 100 times the problems: a linear reader allocates about 100 times the bytes, a quadratic
    // one about 10,000 times (the one this replaced allocated 1.1 GiB for 48,000 problems).
    assertThat((double) largeBytes / smallBytes).isLessThan(150);
    // And per problem, a bounded amount (about 900 bytes when written): its path, the model's own
    // report of the empty document, no copies of the problems found before it.
    assertThat(largeBytes / 600_005).isLessThan(4_000);
  }

  @Test
  void theExceptionKeepsTheFirstProblemsAndCountsTheRest() {
    String hostile = withEmptyDocuments(750);

    assertThatThrownBy(() -> MotcuaJson.readEvent(hostile))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violationCount()).isEqualTo(6_005);
              assertThat(e.violations()).hasSize(JsonErrors.MAX_VIOLATIONS);
              assertThat(e.violations().get(0).path()).isEqualTo("$.procedure");
              assertThat(e.violations().get(4).path()).isEqualTo("$.documents[0].documentId");
              assertThat(e.getMessage())
                  .startsWith("Invalid JSON (6005 problems): ")
                  .endsWith("; and " + (6_005 - JsonErrors.MESSAGE_VIOLATIONS) + " more")
                  .hasSizeLessThan(3_000);
            });
  }
}
