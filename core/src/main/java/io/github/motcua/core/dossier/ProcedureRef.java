package io.github.motcua.core.dossier;

import io.github.motcua.core.id.ProcedureCode;

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
 */
public record ProcedureRef(ProcedureCode code, String name, String fieldCode, String fieldName) {

  /**
   * Validates the reference.
   *
   * @throws InvalidDossierException listing every broken rule
   */
  public ProcedureRef {
    Checks c = new Checks("ProcedureRef");
    c.required("code", code);
    c.text("name", name, Checks.SHORT_TEXT);
    c.text("fieldCode", fieldCode, Checks.SHORT_TEXT);
    c.text("fieldName", fieldName, Checks.SHORT_TEXT);
    c.throwIfAny();
  }
}
