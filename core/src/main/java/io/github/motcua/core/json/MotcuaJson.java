package io.github.motcua.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.Violation;
import java.util.List;
import java.util.Objects;

/**
 * motcua's canonical JSON for dossiers and their events (the schema is written down in {@code
 * docs/json.md}).
 *
 * <ul>
 *   <li>Identifiers ({@code PersonalId}, {@code TaxCode}, {@code AgencyCode}, {@code
 *       ProcedureCode}, {@code DossierCode}) are their string {@code value()}; {@code Vnd} is a
 *       whole number of đồng; instants are ISO-8601 strings (written in UTC with {@code Z}, read
 *       with any offset); enums are their constant names.
 *   <li>Events are one object with a {@code "type"} property naming the event ({@code "Submitted"},
 *       {@code "Accepted"}, ...), so a {@code DossierEvent} reads polymorphically.
 *   <li>Empty optionals are left out; lists are always written. Unknown properties are ignored on
 *       read (forward compatibility); missing required ones, wrong types, numbers out of range and
 *       values that break the model's rules are all reported at once by {@link
 *       InvalidInputException}, each with its JSON path.
 * </ul>
 *
 * <p>A property name repeated in one object (at any level) refuses the document with a {@code
 * duplicate-key} violation at its path: Jackson would let the last value win, so two readers could
 * see two different applicants in one document. Reading costs time and memory linear in the
 * document's size however many problems it holds; {@link InvalidInputException} keeps the first of
 * them and counts the rest.
 *
 * <p>Use {@link #mapper()} for a ready mapper, or register {@link #module()} on your own. {@link
 * #readEvent(String)}, {@link #readDossier(String)} and {@link #write(Object)} are shortcuts that
 * throw only {@link InvalidInputException}. Every method is thread-safe.
 */
public final class MotcuaJson {

  /** Deepest nesting {@link #mapper()} reads; motcua documents nest about six levels. */
  public static final int MAX_NESTING_DEPTH = 100;

  /** Longest string, in characters, {@link #mapper()} reads. */
  public static final int MAX_STRING_LENGTH = 10_000_000;

  /** Most digits of a number {@link #mapper()} reads. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /** Longest property name {@link #mapper()} reads. */
  public static final int MAX_NAME_LENGTH = 1_000;

  /** Private to this class and never reconfigured after creation, hence safe to share. */
  private static final ObjectMapper SHARED = mapper();

  private MotcuaJson() {}

  /**
   * Returns a new mapper configured for motcua: {@link #module()} and Jackson's Java time module
   * registered, dates written as ISO-8601 text, unknown properties ignored, exceptions not wrapped
   * (an {@link InvalidInputException} arrives as itself), anything after the document's value
   * refused, and reading limits of {@link #MAX_NESTING_DEPTH}, {@link #MAX_STRING_LENGTH}, {@link
   * #MAX_NUMBER_LENGTH} and {@link #MAX_NAME_LENGTH}.
   *
   * <p>Each call returns a new, independent mapper that the caller may configure further. A
   * configured mapper is thread-safe.
   *
   * @return a new mapper
   */
  public static ObjectMapper mapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.WRAP_EXCEPTIONS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
    return mapper;
  }

  /**
   * Returns a new Jackson module with motcua's serializers and deserializers, to register on an
   * integrator's own {@code ObjectMapper}. It covers {@link DossierEvent} (and each event record),
   * {@link Dossier} and its parts, the identifiers and {@code Vnd}.
   *
   * <p>With a mapper that keeps Jackson's default {@code WRAP_EXCEPTIONS}, a reading failure inside
   * another bean arrives as a {@code JsonMappingException} whose cause is the {@link
   * InvalidInputException}.
   *
   * @return a new module
   */
  public static Module module() {
    return new MotcuaModule();
  }

  /**
   * Reads one event.
   *
   * @param json the event's JSON; not null
   * @return the event
   * @throws InvalidInputException listing every problem
   */
  public static DossierEvent readEvent(String json) {
    return read(json, DossierEvent.class);
  }

  /**
   * Reads one dossier snapshot.
   *
   * @param json the snapshot's JSON; not null
   * @return the snapshot
   * @throws InvalidInputException listing every problem
   */
  public static Dossier readDossier(String json) {
    return read(json, Dossier.class);
  }

  /**
   * Reads a value of any type the module covers.
   *
   * @param <T> the type
   * @param json the JSON; not null
   * @param type the type, such as {@code Dossier.class}; not null
   * @return the value
   * @throws InvalidInputException listing every problem
   */
  public static <T> T read(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    try {
      T value = SHARED.readValue(json, type);
      if (value == null) {
        throw JsonErrors.invalid(List.of(new Violation("$", "required", "is required.")));
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw MotcuaModule.limit(e.getProcessor() instanceof JsonParser p ? p : null, e);
    } catch (JacksonException e) {
      throw JsonErrors.invalid(
          List.of(new Violation("$", "syntax", "is not well-formed JSON.")), e);
    }
  }

  /**
   * Writes a value as canonical JSON.
   *
   * @param value an event, a snapshot, or any value the module covers; not null
   * @return the JSON text
   */
  public static String write(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return SHARED.writeValueAsString(value);
    } catch (JacksonException e) {
      // Writing to a String cannot fail on I/O; a failure here is a bug in a serializer.
      throw new IllegalStateException("Cannot write " + value.getClass().getName(), e);
    }
  }
}
