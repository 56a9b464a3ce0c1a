package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.id.ProcedureCode;
import java.util.Optional;

/**
 * The administrative procedure (thủ tục hành chính) a dossier is filed under, and its field (lĩnh
 * vực), as listed in the national database of administrative procedures.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the procedure code (MaTTHC); not null
 * @param name the procedure's name (TenTTHC), at most 500 characters; not null
 * @param fieldCode the code of the procedure's field (MaLinhVuc), at most 500 characters; not null
 * @param fieldName the name of the field (TenLinhVuc), at most 500 characters; not null
 * @param processingTime the statutory time limit for handling a dossier (thời hạn giải quyết), from
 *     which a {@link DossierLifecycle} built with a {@link
 *     io.github.motcua.core.calendar.DeadlinePolicy} computes the due date; not null, empty when
 *     the procedure has no limit or it is not known
 */
public record ProcedureRef(
    ProcedureCode code,
    String name,
    String fieldCode,
    String fieldName,
    Optional<ProcessingTime> processingTime) {

  /**
   * Creates a reference without a processing time limit.
   *
   * @param code the procedure code; not null
   * @param name the procedure's name; not null
   * @param fieldCode the field's code; not null
   * @param fieldName the field's name; not null
   * @throws InvalidInputException listing every broken rule
   */
  public ProcedureRef(ProcedureCode code, String name, String fieldCode, String fieldName) {
    this(code, name, fieldCode, fieldName, Optional.empty());
  }

  /**
   * Validates the reference.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public ProcedureRef {
    Checks c = new Checks("ProcedureRef");
    c.required("code", code);
    c.text("name", name, Checks.SHORT_TEXT);
    c.text("fieldCode", fieldCode, Checks.SHORT_TEXT);
    c.text("fieldName", fieldName, Checks.SHORT_TEXT);
    c.optional("processingTime", processingTime);
    c.throwIfAny();
  }

  /**
   * Returns a copy with a processing time limit.
   *
   * @param limit the limit; not null
   * @return the copy
   */
  public ProcedureRef withProcessingTime(ProcessingTime limit) {
    return new ProcedureRef(code, name, fieldCode, fieldName, Optional.of(limit));
  }
}
