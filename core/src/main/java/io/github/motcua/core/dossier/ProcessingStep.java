package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.privacy.Masking;
import java.time.Instant;
import java.util.Optional;

/**
 * One completed step of processing (bước xử lý): who did what, in which department, when, and by
 * when it was due (the national portal's processing-step record).
 *
 * <p>{@link #toString()} masks the officer's name. Immutable and thread-safe.
 *
 * @param officer the officer who handled the step (NguoiXuLy), at most 500 characters; not null
 * @param title the officer's job title (ChucDanh), at most 500 characters; not null
 * @param department the department (PhongBanXuLy), at most 500 characters; not null
 * @param content what was done (NoiDungXuLy), at most 4000 characters; not null
 * @param startedAt when the step started (NgayBatDau); not null
 * @param finishedAt when it finished (ThoiDiemXuLy), not before {@code startedAt}; not null
 * @param dueAt when it was due by regulation (NgayKetThucTheoQuyDinh); not null, may be empty
 */
public record ProcessingStep(
    String officer,
    String title,
    String department,
    String content,
    Instant startedAt,
    Instant finishedAt,
    Optional<Instant> dueAt) {

  /**
   * Validates the step.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public ProcessingStep {
    Checks c = new Checks("ProcessingStep");
    c.text("officer", officer, Checks.SHORT_TEXT);
    c.text("title", title, Checks.SHORT_TEXT);
    c.text("department", department, Checks.SHORT_TEXT);
    c.text("content", content, Checks.LONG_TEXT);
    c.required("startedAt", startedAt);
    c.required("finishedAt", finishedAt);
    c.notBefore("finishedAt", startedAt, finishedAt, "is not before startedAt.");
    c.optional("dueAt", dueAt);
    c.throwIfAny();
  }

  /** Returns the step with the officer's name masked. */
  @Override
  public String toString() {
    return "ProcessingStep[officer="
        + Masking.fullName(officer)
        + ", title="
        + title
        + ", department="
        + department
        + ", content="
        + content
        + ", startedAt="
        + startedAt
        + ", finishedAt="
        + finishedAt
        + ", dueAt="
        + dueAt
        + "]";
  }
}
