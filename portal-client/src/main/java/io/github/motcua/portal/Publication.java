package io.github.motcua.portal;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import java.util.Objects;

/**
 * One event to publish and the dossier right after it, as {@link PortalClient#publish} takes them;
 * {@link PortalClient#publishAll} takes a list of these.
 *
 * @param event the event, not null
 * @param snapshot the dossier after the event ({@code DossierLifecycle.apply}), not null
 */
public record Publication(DossierEvent event, Dossier snapshot) {

  /**
   * Checks that neither part is null.
   *
   * @param event the event
   * @param snapshot the dossier after it
   */
  public Publication {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(snapshot, "snapshot");
  }
}
