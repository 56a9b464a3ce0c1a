package io.github.motcua.portal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.portal.Publication;
import io.github.motcua.portal.PublishFence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;

/** What the portal clients do alike around their calls: checks, credentials, JSON. Stateless. */
public final class PortalCalls {

  private PortalCalls() {}

  /** Obtains a credential over HTTP. */
  @FunctionalInterface
  public interface Login<T> {
    /**
     * Obtains the credential.
     *
     * @return the credential and when to renew it
     * @throws IOException on a transport failure
     */
    SingleFlight.Expiring<T> obtain() throws IOException;
  }

  /**
   * Checks the arguments of {@code publish}: both present, and the snapshot is the event's dossier.
   *
   * @param event the event
   * @param snapshot the snapshot
   * @throws ConfigurationException with code {@code publish.dossier-mismatch}
   */
  public static void checkPublish(DossierEvent event, Dossier snapshot) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(snapshot, "snapshot");
    if (!event.dossierCode().equals(snapshot.code())) {
      throw new ConfigurationException(
          "portal.config.publish.dossier-mismatch",
          "The event and the snapshot belong to different dossiers.");
    }
  }

  /**
   * The fence of a call that carries several publications: held while every one of theirs is.
   *
   * @param publications the publications
   * @return their fence; {@link PublishFence#NONE} when none has one
   */
  public static PublishFence fenceOfAll(List<Publication> publications) {
    List<PublishFence> fences = new ArrayList<>();
    java.util.Set<PublishFence> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Publication p : publications) {
      if (p.fence() != PublishFence.NONE && seen.add(p.fence())) {
        fences.add(p.fence());
      }
    }
    if (fences.isEmpty()) {
      return PublishFence.NONE;
    }
    if (fences.size() == 1) {
      return fences.get(0);
    }
    return () -> fences.stream().allMatch(PublishFence::held);
  }

  /**
   * A credential (session, access token) obtained by one thread at a time and shared.
   *
   * @param login how to obtain it
   * @param clock the clock of its expiry
   * @param <T> the credential type
   * @return the single flight
   */
  public static <T> SingleFlight<T> credential(Login<T> login, Clock clock) {
    return new SingleFlight<>(
        () -> {
          try {
            return login.obtain();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        clock);
  }

  /**
   * Returns the current credential, obtaining it when needed.
   *
   * @param credential the single flight
   * @param <T> the credential type
   * @return the credential
   * @throws IOException when obtaining it failed on the network
   */
  public static <T> T current(SingleFlight<T> credential) throws IOException {
    try {
      return credential.get();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Writes a JSON tree.
   *
   * @param mapper the mapper
   * @param node the tree
   * @return the JSON text
   */
  public static String write(ObjectMapper mapper, JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree could not be written", e);
    }
  }

  /**
   * Reads a reply body that should be a JSON object.
   *
   * @param mapper the mapper
   * @param body the body, possibly empty
   * @return the object, or null when the body is empty, not JSON or not an object
   */
  public static JsonNode objectOrNull(ObjectMapper mapper, String body) {
    try {
      JsonNode node = body.isEmpty() ? null : mapper.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
