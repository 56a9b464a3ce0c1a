package io.github.motcua.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.AppliedEvent;
import io.github.motcua.core.dossier.Contact;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payment;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SupplementRequest;
import io.github.motcua.core.dossier.Violation;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The Jackson module behind {@link MotcuaJson#module()}: one serializer and one deserializer per
 * model type, all delegating to {@link Writing} and {@link Reading}. Package-private.
 */
final class MotcuaModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  MotcuaModule() {
    super("motcua");
    identifier(PersonalId.class, PersonalId::value, PersonalId::parse);
    identifier(TaxCode.class, TaxCode::value, TaxCode::parse);
    identifier(AgencyCode.class, AgencyCode::value, AgencyCode::parse);
    identifier(ProcedureCode.class, ProcedureCode::value, ProcedureCode::parse);
    identifier(DossierCode.class, DossierCode::value, DossierCode::parse);
    addSerializer(Vnd.class, serializer(Vnd.class, (g, v) -> g.writeNumber(v.amount())));
    addDeserializer(Vnd.class, deserializer(Vnd.class, MotcuaModule::readVnd));

    for (Class<? extends DossierEvent> type : DossierEvent.types()) {
      event(type);
    }
    addSerializer(DossierEvent.class, serializer(DossierEvent.class, Writing::event));
    addDeserializer(DossierEvent.class, deserializer(DossierEvent.class, Reading::event));
    value(Dossier.class, Writing::dossier, Reading::dossier);
    value(Applicant.class, Writing::applicant, Reading::applicant);
    value(Contact.class, Writing::contact, Reading::contact);
    value(ProcedureRef.class, Writing::procedure, Reading::procedure);
    value(DossierDocument.class, Writing::document, Reading::document);
    value(Fee.class, Writing::fee, Reading::fee);
    value(Payment.class, Writing::payment, Reading::payment);
    value(ProcessingStep.class, Writing::step, Reading::step);
    value(SupplementRequest.class, Writing::supplement, Reading::supplement);
    value(Rating.class, Writing::rating, Reading::rating);
    value(AppliedEvent.class, Writing::applied, Reading::applied);
  }

  /** Reads one value from a tree with a fresh {@link Reading}. */
  @FunctionalInterface
  interface TreeReader<T> {
    T read(Reading reading, JsonNode node, String path);
  }

  private <T> void identifier(
      Class<T> type, Function<T, String> value, Function<String, T> parser) {
    addSerializer(type, serializer(type, (g, v) -> g.writeString(value.apply(v))));
    addDeserializer(
        type,
        deserializer(
            type,
            (reading, node, path) -> {
              String text = reading.stringValue(node, path);
              return text == null ? null : reading.identifierValue(text, path, parser);
            }));
  }

  private <T extends DossierEvent> void event(Class<T> type) {
    addSerializer(type, serializer(type, Writing::event));
    addDeserializer(
        type,
        deserializer(
            type,
            (reading, node, path) -> {
              DossierEvent event = reading.event(node, path);
              if (event != null && !type.isInstance(event)) {
                reading.add(path + ".type", "type", "must be " + type.getSimpleName() + " here.");
                return null;
              }
              return type.cast(event);
            }));
  }

  private <T> void value(Class<T> type, Writing.ValueWriter<T> writer, TreeReader<T> reader) {
    addSerializer(type, serializer(type, writer));
    addDeserializer(type, deserializer(type, reader));
  }

  private static Vnd readVnd(Reading reading, JsonNode node, String path) {
    if (!node.isIntegralNumber()) {
      reading.add(path, "type", "must be a whole number of đồng.");
      return null;
    }
    if (!node.canConvertToLong()) {
      reading.add(path, "range", "is out of range (a 64-bit whole number).");
      return null;
    }
    return Vnd.of(node.longValue());
  }

  private static <T> StdSerializer<T> serializer(Class<T> type, Writing.ValueWriter<T> writer) {
    return new StdSerializer<>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
          throws IOException {
        writer.write(gen, value);
      }
    };
  }

  private static <T> StdDeserializer<T> deserializer(Class<T> type, TreeReader<T> reader) {
    return new StdDeserializer<>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String path = pathOf(p);
        Reading reading = new Reading();
        JsonNode node;
        try {
          node = StrictTree.read(p, ctxt, path, reading);
        } catch (StreamConstraintsException e) {
          throw limit(p, e);
        } catch (JacksonException e) {
          throw JsonErrors.invalid(
              List.of(new Violation(cut(pathOf(p)), "syntax", "is not well-formed JSON.")), e);
        }
        // A document with a duplicate name means two things to two readers: refuse it whole.
        reading.throwIfAny();
        T value = reader.read(reading, node, path);
        reading.throwIfAny();
        return value;
      }
    };
  }

  /** Turns a parser limit into a violation that says which limit. */
  static InvalidInputException limit(JsonParser p, StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    String code;
    String text;
    if (message.contains("nesting depth")) {
      code = "too-deep";
      text = "is nested deeper than the reader allows.";
    } else if (message.startsWith("String value length")) {
      code = "too-long";
      text = "is a string longer than the reader allows.";
    } else if (message.startsWith("Number value length")) {
      code = "range";
      text = "is a number with more digits than the reader allows.";
    } else if (message.startsWith("Name length")) {
      code = "too-long";
      text = "is a property name longer than the reader allows.";
    } else {
      code = "limit";
      text = "exceeds a limit of the reader.";
    }
    return JsonErrors.invalid(List.of(new Violation(cut(pathOf(p)), code, text)), e);
  }

  /** The JSON path of the parser's current value, from the document root: {@code $.a[2].b}. */
  static String pathOf(JsonParser p) {
    if (p == null) {
      return "$";
    }
    JsonStreamContext ctx = p.getParsingContext();
    JsonToken token = p.currentToken();
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
        && ctx.getParent() != null) {
      ctx = ctx.getParent();
    }
    Deque<String> parts = new ArrayDeque<>();
    while (ctx != null && !ctx.inRoot()) {
      if (ctx.inArray()) {
        parts.push("[" + Math.max(ctx.getCurrentIndex(), 0) + "]");
      } else if (ctx.inObject() && ctx.getCurrentName() != null) {
        parts.push("." + ctx.getCurrentName());
      }
      ctx = ctx.getParent();
    }
    return "$" + String.join("", parts);
  }

  private static String cut(String path) {
    return path.length() > 300 ? path.substring(0, 300) + "..." : path;
  }
}
