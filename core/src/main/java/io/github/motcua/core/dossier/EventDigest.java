package io.github.motcua.core.dossier;

import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.id.TaxCode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Computes {@link DossierEvent#digest()}: SHA-256 over an unambiguous text form of the event that
 * includes every component of every nested record (whole identifier values, not the masked ones).
 * Package-private; stateless and thread-safe.
 */
final class EventDigest {

  /** Record components per class; Class.getRecordComponents() builds new objects on each call. */
  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          return type.getRecordComponents();
        }
      };

  private EventDigest() {}

  static String of(DossierEvent event) {
    StringBuilder text = new StringBuilder(512);
    append(text, event);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Writes a value; strings are length-prefixed so that no two values share a text form. */
  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append('N');
    } else if (value instanceof String s) {
      out.append('S').append(s.length()).append(':').append(s);
    } else if (value instanceof Boolean || value instanceof Number) {
      out.append('V').append(value).append(';');
    } else if (value instanceof Enum<?> e) {
      out.append('E').append(e.name()).append(';');
    } else if (value instanceof Instant || value instanceof UUID) {
      out.append('T').append(value).append(';');
    } else if (value instanceof PersonalId id) {
      append(out, id.value());
    } else if (value instanceof TaxCode id) {
      append(out, id.value());
    } else if (value instanceof AgencyCode id) {
      append(out, id.value());
    } else if (value instanceof ProcedureCode id) {
      append(out, id.value());
    } else if (value instanceof DossierCode id) {
      append(out, id.value());
    } else if (value instanceof Optional<?> o) {
      out.append('O');
      append(out, o.orElse(null));
    } else if (value instanceof List<?> list) {
      out.append('L').append(list.size()).append('[');
      for (Object element : list) {
        append(out, element);
      }
      out.append(']');
    } else if (value instanceof Record r) {
      out.append('R').append(r.getClass().getSimpleName()).append('{');
      for (RecordComponent component : COMPONENTS.get(r.getClass())) {
        out.append(component.getName()).append('=');
        append(out, read(component, r));
      }
      out.append('}');
    } else {
      throw new IllegalStateException("No digest form for " + value.getClass().getName());
    }
  }

  private static Object read(RecordComponent component, Record r) {
    try {
      return component.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + component.getName(), e);
    }
  }
}
