package io.github.motcua.portal.sync;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.DossierCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's side of a {@link JdbcSyncOutbox}: lists dead letters, puts one back in the queue
 * or gives it up, and keeps the record of every such action.
 */
final class DeadLetterDesk {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSyncOutbox.class);

  private final OutboxContext ctx;

  DeadLetterDesk(OutboxContext ctx) {
    this.ctx = ctx;
  }

  List<DeadLetter> deadLetters(String destination) {
    ctx.checkDestination(destination);
    return ctx.db.call(
        "read the dead letters",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, "dead-letter.list"))) {
            ps.setString(1, destination);
            List<DeadLetter> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(deadLetter(destination, rs));
              }
            }
            return out;
          }
        });
  }

  Optional<DeadLetter> deadLetter(String destination, UUID eventId) {
    ctx.checkDestination(destination);
    Objects.requireNonNull(eventId, "eventId");
    return ctx.db.call("read a dead letter", c -> find(c, destination, eventId));
  }

  private Optional<DeadLetter> find(Connection c, String destination, UUID eventId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, "dead-letter.find"))) {
      ps.setString(1, destination);
      ps.setString(2, eventId.toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(deadLetter(destination, rs)) : Optional.empty();
      }
    }
  }

  /**
   * A row of seq, attempts, last_error, recorded_at, finished_at, payload, event id, later pending.
   */
  private DeadLetter deadLetter(String destination, ResultSet rs) throws SQLException {
    String reason = rs.getString(3);
    return new DeadLetter(
        destination,
        ctx.codec.read(rs.getString(6), rs.getLong(7)),
        rs.getLong(1),
        rs.getInt(2),
        reason == null ? "" : reason,
        Instant.ofEpochMilli(rs.getLong(4)),
        Instant.ofEpochMilli(rs.getLong(5)),
        rs.getLong(8));
  }

  OperatorAction retry(String destination, UUID eventId, String operator, String note) {
    return act(destination, eventId, operator, note, OperatorAction.Kind.RETRY);
  }

  OperatorAction skip(String destination, UUID eventId, String operator, String note) {
    return act(destination, eventId, operator, note, OperatorAction.Kind.SKIP);
  }

  private OperatorAction act(
      String destination, UUID eventId, String operator, String note, OperatorAction.Kind kind) {
    ctx.checkDestination(destination);
    Objects.requireNonNull(eventId, "eventId");
    if (operator == null || operator.isBlank()) {
      throw new ConfigurationException(
          "portal.config.sync.operator", "An operator action names the operator who takes it.");
    }
    Objects.requireNonNull(note, "note");
    Instant at = Instant.ofEpochMilli(ctx.clock.millis());
    OperatorAction action =
        ctx.db.inTransaction(
            "record an operator action",
            c -> {
              DeadLetter dead =
                  find(c, destination, eventId).orElseThrow(() -> notFound(destination, eventId));
              String statement =
                  kind == OperatorAction.Kind.RETRY ? "dead-letter.retry" : "dead-letter.skip";
              try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, statement))) {
                int i = 1;
                if (kind == OperatorAction.Kind.SKIP) {
                  ps.setLong(i++, at.toEpochMilli());
                }
                ps.setString(i++, destination);
                ps.setString(i++, dead.event().dossierCode().toString());
                ps.setLong(i, dead.sequence());
                if (ps.executeUpdate() != 1) {
                  throw notFound(destination, eventId);
                }
              }
              OperatorAction a =
                  new OperatorAction(
                      at,
                      destination,
                      eventId,
                      dead.event().dossierCode(),
                      kind,
                      OutboxContext.clip(operator),
                      OutboxContext.clip(note),
                      dead.reason());
              try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, "action.insert"))) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, destination);
                ps.setString(3, eventId.toString());
                ps.setString(4, a.dossierCode().toString());
                ps.setString(5, kind.name());
                ps.setString(6, a.operator());
                ps.setString(7, a.note());
                ps.setString(8, OutboxContext.clip(a.reason()));
                ps.executeUpdate();
              }
              return a;
            });
    LOG.info(
        "Dead letter {} of dossier {} for {}: {} by operator {}",
        eventId,
        action.dossierCode(),
        destination,
        kind,
        action.operator());
    return action;
  }

  private static InvalidInputException notFound(String destination, UUID eventId) {
    return new InvalidInputException(
        "sync.dead-letter.not-found",
        "No dead letter for event " + eventId + " and destination " + destination + ".",
        null);
  }

  List<OperatorAction> operatorActions(String destination) {
    ctx.checkDestination(destination);
    return ctx.db.call(
        "read the operator actions",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, "action.list"))) {
            ps.setString(1, destination);
            List<OperatorAction> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String reason = rs.getString(7);
                out.add(
                    new OperatorAction(
                        Instant.ofEpochMilli(rs.getLong(1)),
                        destination,
                        UUID.fromString(rs.getString(2)),
                        DossierCode.parse(rs.getString(3)),
                        OperatorAction.Kind.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        reason == null ? "" : reason));
              }
            }
            return out;
          }
        });
  }
}
