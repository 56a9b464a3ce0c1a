package io.github.motcua.portal.sync;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.portal.PortalException;

/**
 * The reason a dead letter or a retry records, composed from a failure's fields: {@code [code]:
 * message}, then for a portal failure its HTTP status, the portal's own code and the request id.
 * Messages of motcua's exceptions carry no personal data, so neither does the reason.
 */
final class Reasons {

  private Reasons() {}

  static String of(Exception e) {
    if (!(e instanceof MotcuaException m)) {
      return e.getClass().getSimpleName();
    }
    StringBuilder out = new StringBuilder();
    out.append('[').append(m.code()).append("]: ").append(m.getMessage());
    if (m instanceof PortalException p) {
      if (p.httpStatus() != 0) {
        out.append(" (HTTP ").append(p.httpStatus()).append(')');
      }
      p.remoteErrorCode().ifPresent(c -> out.append(" [remote ").append(c).append(']'));
      p.requestId().ifPresent(id -> out.append(" [request ").append(id).append(']'));
    }
    return out.toString();
  }
}
