package io.github.motcua.portal.sync;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.internal.jdbc.Dialect;
import io.github.motcua.core.internal.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The writer's side of a {@link JdbcSyncOutbox}: records events (numbered per dossier, one delivery
 * row per destination) and reads a dossier's log back.
 */
final class OutboxEventLog {

  private final OutboxContext ctx;

  OutboxEventLog(OutboxContext ctx) {
    this.ctx = ctx;
  }

  long enqueue(DossierEvent event) {
    Objects.requireNonNull(event, "event");
    List<String> json = List.of(ctx.codec.write(event));
    return ctx.db
        .inTransaction("record event " + event.eventId(), c -> insertAll(c, List.of(event), json))
        .get(0);
  }

  List<Long> enqueueAll(Connection transaction, List<? extends DossierEvent> events) {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(events, "events");
    List<DossierEvent> list = new ArrayList<>(events.size());
    List<String> json = new ArrayList<>(events.size());
    for (DossierEvent e : events) {
      list.add(Objects.requireNonNull(e, "events element"));
      json.add(ctx.codec.write(e));
    }
    if (list.isEmpty()) {
      return List.of();
    }
    try {
      return JdbcStore.inCallerTransaction(transaction, c -> insertAll(c, list, json));
    } catch (SQLException e) {
      throw ctx.db.sqlFailure("record event " + list.get(0).eventId(), e);
    }
  }

  private List<Long> insertAll(Connection c, List<DossierEvent> events, List<String> json)
      throws SQLException {
    Dialect d = ctx.db.dialect(c);
    int n = events.size();
    long[] seqs = new long[n];
    // Twice in the list counts once (resolved below, once the first one has its number).
    boolean[] fresh = new boolean[n];
    Map<UUID, Integer> seen = new HashMap<>();
    Map<String, Integer> count = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      DossierEvent event = events.get(i);
      Integer first = seen.putIfAbsent(event.eventId(), i);
      if (first != null) {
        if (!json.get(first).equals(json.get(i))) {
          throw conflict(event);
        }
        seqs[i] = -1 - first;
        continue;
      }
      fresh[i] = true;
      count.merge(event.dossierCode().toString(), 1, Integer::sum);
    }
    // One number range per dossier, taken in code order so that two writers lock alike. The
    // dossier's row lock is held from here to the caller's commit: a transaction recording the
    // same event at the same time waits here, and then finds it below (READ COMMITTED), so that
    // recording an event twice at once is the same no-op as recording it twice in a row.
    Map<String, Long> next = new HashMap<>();
    for (Map.Entry<String, Integer> e : count.entrySet()) {
      long last = reserve(c, d, e.getKey(), e.getValue());
      next.put(e.getKey(), last - e.getValue() + 1);
    }
    // Which events are new: one recorded before (same content) keeps its old number, and the
    // number taken for it is given back.
    Map<String, Integer> unused = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(d, "event.find"))) {
      for (int i = 0; i < n; i++) {
        if (!fresh[i]) {
          continue;
        }
        DossierEvent event = events.get(i);
        ps.setString(1, event.eventId().toString());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            String code = event.dossierCode().toString();
            if (!rs.getString(1).equals(code) || !rs.getString(3).equals(json.get(i))) {
              throw conflict(event);
            }
            seqs[i] = rs.getLong(2);
            fresh[i] = false;
            unused.merge(code, 1, Integer::sum);
            count.merge(code, -1, Integer::sum);
          }
        }
      }
    }
    if (!unused.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(d, "dossier.give-back"))) {
        for (Map.Entry<String, Integer> e : unused.entrySet()) {
          ps.setLong(1, e.getValue());
          ps.setString(2, e.getKey());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      count.values().removeIf(v -> v == 0);
    }
    long now = ctx.clock.millis();
    long[] pks = new long[n];
    try (PreparedStatement ps =
        c.prepareStatement(ctx.db.sql(d, "event.insert"), new String[] {"id"})) {
      for (int i = 0; i < n; i++) {
        if (!fresh[i]) {
          continue;
        }
        DossierEvent event = events.get(i);
        String code = event.dossierCode().toString();
        long seq = next.merge(code, 1L, Long::sum) - 1;
        seqs[i] = seq;
        ps.setString(1, event.eventId().toString());
        ps.setString(2, code);
        ps.setLong(3, seq);
        ps.setString(4, event.type());
        ps.setLong(5, event.occurredAt().toEpochMilli());
        ps.setLong(6, now);
        ps.setString(7, json.get(i));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          pks[i] = keys.getLong(1);
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(d, "delivery.insert"))) {
      for (int i = 0; i < n; i++) {
        if (!fresh[i]) {
          continue;
        }
        String code = events.get(i).dossierCode().toString();
        for (String destination : ctx.destinations) {
          ps.setString(1, destination);
          ps.setString(2, code);
          ps.setLong(3, seqs[i]);
          ps.setLong(4, pks[i]);
          ps.setLong(5, now);
          ps.addBatch();
        }
      }
      if (!count.isEmpty()) {
        ps.executeBatch();
      }
    }
    List<Long> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(seqs[i] < 0 ? seqs[(int) (-1 - seqs[i])] : seqs[i]);
    }
    return out;
  }

  private static InvalidInputException conflict(DossierEvent event) {
    return new InvalidInputException(
        "sync.outbox.event-conflict",
        "Event id "
            + event.eventId()
            + " was recorded before with different content; an event id names one event.",
        null);
  }

  /**
   * Takes the next {@code n} numbers of a dossier's log.
   *
   * @return the last number taken
   */
  private long reserve(Connection c, Dialect d, String code, int n) throws SQLException {
    if (d == Dialect.POSTGRESQL) {
      try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(d, "dossier.reserve"))) {
        ps.setString(1, code);
        ps.setLong(2, n);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }
    for (int round = 0; ; round++) {
      try (PreparedStatement up = c.prepareStatement(ctx.db.sql(d, "dossier.advance"))) {
        up.setLong(1, n);
        up.setString(2, code);
        if (up.executeUpdate() == 1) {
          try (PreparedStatement q = c.prepareStatement(ctx.db.sql(d, "dossier.last"))) {
            q.setString(1, code);
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        }
      }
      try (PreparedStatement ins = c.prepareStatement(ctx.db.sql(d, "dossier.insert"))) {
        ins.setString(1, code);
        ins.setLong(2, n);
        ins.executeUpdate();
        return n;
      } catch (SQLException e) {
        // Another transaction created the row first (H2 does not abort the transaction): count on.
        if (!"23505".equals(e.getSQLState()) || round > 0) {
          throw e;
        }
      }
    }
  }

  List<DossierEvent> events(DossierCode dossier, long upToSequence) {
    Objects.requireNonNull(dossier, "dossier");
    return ctx.db.call(
        "read the log of dossier " + dossier,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, "event.log"))) {
            ps.setString(1, dossier.toString());
            ps.setLong(2, upToSequence);
            List<DossierEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(ctx.codec.read(rs.getString(2), rs.getLong(1)));
              }
            }
            return out;
          }
        });
  }
}
