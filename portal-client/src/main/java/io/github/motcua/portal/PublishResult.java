package io.github.motcua.portal;

import io.github.motcua.core.id.DossierCode;
import java.util.List;
import java.util.UUID;

/**
 * What {@link PortalClient#publish} sent for one event.
 *
 * @param portal the portal's name ({@code national}, {@code provincial}, ...)
 * @param dossierCode the dossier
 * @param eventId the event published
 * @param operations the operations that succeeded, in order (such as {@code DongBoHoSoMC:create},
 *     {@code CapNhatTienDoHoSoMC}, {@code PUT dossier}); empty when the event changes nothing on
 *     this portal
 * @param requestId the request id of the last call, or null when nothing was sent
 */
public record PublishResult(
    String portal,
    DossierCode dossierCode,
    UUID eventId,
    List<String> operations,
    String requestId) {

  /**
   * Copies the operation list.
   *
   * @param portal the portal's name
   * @param dossierCode the dossier
   * @param eventId the event
   * @param operations the operations
   * @param requestId the last request id
   */
  public PublishResult {
    operations = List.copyOf(operations);
  }
}
