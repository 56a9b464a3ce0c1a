package io.github.motcua.core.dossier;

import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.NationalPortalAccountId;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.id.TaxCode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
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
    Utf8 text = new Utf8();
    append(text, event);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(text.bytes, 0, text.length);
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * The UTF-8 bytes of the text form, written piece by piece: the same bytes as encoding the whole
   * text at once, without building a UTF-16 string of mostly ASCII first (that cost more than the
   * SHA-256 itself).
   */
  private static final class Utf8 {
    byte[] bytes = new byte[1024];
    int length;

    Utf8 ascii(char c) {
      ensure(1);
      bytes[length++] = (byte) c;
      return this;
    }

    /** Text known to be ASCII: names, numbers, instants, UUIDs. */
    Utf8 ascii(String s) {
      int n = s.length();
      ensure(n);
      for (int i = 0; i < n; i++) {
        bytes[length++] = (byte) s.charAt(i);
      }
      return this;
    }

    Utf8 text(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      ensure(utf8.length);
      System.arraycopy(utf8, 0, bytes, length, utf8.length);
      length += utf8.length;
      return this;
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }

  /** Writes a value; strings are length-prefixed so that no two values share a text form. */
  private static void append(Utf8 out, Object value) {
    if (value == null) {
      out.ascii('N');
    } else if (value instanceof String s) {
      out.ascii('S').ascii(Integer.toString(s.length())).ascii(':').text(s);
    } else if (value instanceof Boolean || value instanceof Number) {
      // Boolean and Number print as ASCII (Long, Integer, BigDecimal, ...).
      out.ascii('V').ascii(String.valueOf(value)).ascii(';');
    } else if (value instanceof Enum<?> e) {
      out.ascii('E').text(e.name()).ascii(';');
    } else if (value instanceof Instant || value instanceof UUID) {
      out.ascii('T').ascii(value.toString()).ascii(';');
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
    } else if (value instanceof NationalPortalAccountId id) {
      append(out, id.value());
    } else if (value instanceof Optional<?> o) {
      out.ascii('O');
      append(out, o.orElse(null));
    } else if (value instanceof List<?> list) {
      out.ascii('L').ascii(Integer.toString(list.size())).ascii('[');
      for (Object element : list) {
        append(out, element);
      }
      out.ascii(']');
    } else if (value instanceof Record r) {
      out.ascii('R').text(r.getClass().getSimpleName()).ascii('{');
      for (RecordComponent component : COMPONENTS.get(r.getClass())) {
        Object v = read(component, r);
        if (isLaterDefault(r, component, v)) {
          continue; // the digest of events recorded before the component existed stays the same
        }
        out.text(component.getName()).ascii('=');
        append(out, v);
      }
      out.ascii('}');
    } else {
      throw new IllegalStateException("No digest form for " + value.getClass().getName());
    }
  }

  /**
   * Components added to a record after events were first stored: left out of the digest while they
   * hold their default (empty, false), so that an event stored before keeps its digest.
   */
  private static boolean isLaterDefault(Record r, RecordComponent component, Object value) {
    String name = component.getName();
    boolean later =
        (r instanceof Applicant && name.equals("nationalPortalAccountId"))
            || (r instanceof DossierDocument
                && (name.equals("resultCode") || name.equals("fromNationalStore")));
    return later
        && (Optional.empty().equals(value) || Boolean.FALSE.equals(value) || value == null);
  }

  private static Object read(RecordComponent component, Record r) {
    try {
      return component.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + component.getName(), e);
    }
  }
}
