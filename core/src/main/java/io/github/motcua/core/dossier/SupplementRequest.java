package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A request to the applicant for more documents (yêu cầu bổ sung hồ sơ) and, once they arrive, what
 * was received, as recorded in the snapshot (DanhSachHoSoBoSung).
 *
 * <p>Immutable and thread-safe.
 *
 * @param requestedAt when the supplement was requested; not null
 * @param reason why, at most 4000 characters; not null
 * @param missingItems what is missing, at least one item, each at most 500 characters; not null
 * @param receivedAt when the supplement was received, not before {@code requestedAt}; not null,
 *     empty while the applicant has not answered
 * @param documents the documents received, empty while the applicant has not answered; not null
 */
public record SupplementRequest(
    Instant requestedAt,
    String reason,
    List<String> missingItems,
    Optional<Instant> receivedAt,
    List<DossierDocument> documents) {

  /**
   * Validates the request.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public SupplementRequest {
    Checks c = new Checks("SupplementRequest");
    c.required("requestedAt", requestedAt);
    c.text("reason", reason, Checks.LONG_TEXT);
    if (c.textList("missingItems", missingItems, Checks.SHORT_TEXT)) {
      c.that(!missingItems.isEmpty(), "missingItems", "empty", "lists at least one item.");
    }
    boolean received = c.optional("receivedAt", receivedAt);
    if (received) {
      c.notBefore("receivedAt", requestedAt, receivedAt.get(), "is not before requestedAt.");
    }
    if (c.list("documents", documents) && !received) {
      c.that(
          documents.isEmpty(),
          "documents",
          "inconsistent",
          "is empty until the supplement is received.");
    }
    c.throwIfAny();
    missingItems = List.copyOf(missingItems);
    documents = List.copyOf(documents);
  }

  /**
   * Tells whether the applicant has answered.
   *
   * @return true once the supplement was received
   */
  public boolean isAnswered() {
    return receivedAt.isPresent();
  }
}
