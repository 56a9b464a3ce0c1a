package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import java.util.Optional;

/**
 * The applicant's satisfaction rating (đánh giá mức độ hài lòng) of a returned dossier.
 *
 * <p>The three levels follow the satisfaction scale used by the public-service portals [inferred];
 * the national portal's wire codes for them are not published, so the portal clients map them.
 * Immutable and thread-safe.
 *
 * @param level how satisfied the applicant is; not null
 * @param comment the applicant's comment, at most 4000 characters; not null, may be empty
 */
public record Rating(Satisfaction level, Optional<String> comment) {

  /** Satisfaction levels. */
  public enum Satisfaction {
    /** Very satisfied (rất hài lòng). */
    VERY_SATISFIED,
    /** Satisfied (hài lòng). */
    SATISFIED,
    /** Dissatisfied (không hài lòng). */
    DISSATISFIED
  }

  /**
   * Validates the rating.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public Rating {
    Checks c = new Checks("Rating");
    c.required("level", level);
    c.optionalText("comment", comment, Checks.LONG_TEXT);
    c.throwIfAny();
  }
}
