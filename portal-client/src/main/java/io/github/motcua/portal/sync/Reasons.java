package io.github.motcua.portal.sync;

import io.github.motcua.core.MotcuaException;

/**
 * The reason a dead letter or a retry records, composed from a failure's fields: {@code [code]:
 * message} (a portal failure's message carries its HTTP status, the portal's own code and the
 * request id). Messages of motcua's exceptions carry no personal data, so neither does the reason.
 */
final class Reasons {

  private Reasons() {}

  static String of(Exception e) {
    if (e instanceof MotcuaException m) {
      return "[" + m.code() + "]: " + m.getMessage();
    }
    return e.getClass().getSimpleName();
  }
}
