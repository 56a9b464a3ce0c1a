package io.github.motcua.portal.sync.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.DossierEvent;
import java.util.Objects;

/** Writes events as canonical JSON and reads them back, with messages free of event content. */
public final class EventCodec {

  private final ObjectMapper mapper;

  /**
   * Creates a codec.
   *
   * @param mapper a mapper configured for motcua's events (see {@code MotcuaJson})
   */
  public EventCodec(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * Writes an event.
   *
   * @param event the event
   * @return its JSON
   */
  public String write(DossierEvent event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "sync.outbox.codec",
          "Event " + event.eventId() + " (" + event.type() + ") cannot be written as JSON.",
          null);
    }
  }

  /**
   * Reads an event.
   *
   * @param json its JSON
   * @param position where it is stored, for the message
   * @return the event
   */
  public DossierEvent read(String json, long position) {
    try {
      return mapper.readValue(json, DossierEvent.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new InvalidInputException(
          "sync.outbox.codec",
          "The event stored at position " + position + " cannot be read back from JSON.",
          null);
    }
  }
}
