package io.github.motcua.portal.sync;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.internal.jdbc.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The worker's side of a {@link JdbcSyncOutbox}: claims due deliveries under a lease (one claim
 * statement on PostgreSQL, a compare-and-set on H2), renews and releases leases, and settles
 * outcomes, one or many, through one code path.
 */
final class OutboxLeases {

  private final OutboxContext ctx;

  OutboxLeases(OutboxContext ctx) {
    this.ctx = ctx;
  }

  // --------------------------------------------------------------------------------- claiming

  List<ClaimedDelivery> claim(
      String destination, String owner, int max, Instant now, Duration lease) {
    ctx.checkDestination(destination);
    Objects.requireNonNull(owner, "owner");
    if (max < 1 || lease == null || lease.isNegative() || lease.isZero()) {
      throw new ConfigurationException(
          "portal.config.sync.claim", "A claim takes at least one delivery for a positive lease.");
    }
    Claim claim =
        new Claim(
            destination,
            owner,
            max,
            now.toEpochMilli(),
            now.plus(lease).toEpochMilli(),
            UUID.randomUUID().toString());
    return ctx.db.inTransaction(
        "claim deliveries",
        c ->
            ctx.db.dialect(c) == Dialect.POSTGRESQL
                ? claimSkipLocked(c, claim)
                : claimCompareAndSet(c, claim));
  }

  private record Claim(
      String destination, String owner, int max, long now, long until, String token) {}

  /** PostgreSQL: one statement takes free rows, skipping those another claim has locked. */
  private List<ClaimedDelivery> claimSkipLocked(Connection c, Claim k) throws SQLException {
    List<ClaimedDelivery> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(Dialect.POSTGRESQL, "claim.take"))) {
      ps.setString(1, k.destination());
      ps.setLong(2, k.now());
      ps.setLong(3, k.now());
      ps.setInt(4, k.max());
      ps.setString(5, k.owner());
      ps.setLong(6, k.until());
      ps.setString(7, k.token());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(claimed(rs, k));
        }
      }
    }
    out.sort(Comparator.comparingLong(ClaimedDelivery::position));
    return out;
  }

  /** H2: the candidates, then a compare-and-set on each one's lease, then what the claim got. */
  private List<ClaimedDelivery> claimCompareAndSet(Connection c, Claim k) throws SQLException {
    List<String> codes = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(Dialect.H2, "claim.candidates"))) {
      ps.setString(1, k.destination());
      ps.setLong(2, k.now());
      ps.setLong(3, k.now());
      ps.setInt(4, k.max());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          codes.add(rs.getString(2));
          seqs.add(rs.getLong(3));
        }
      }
    }
    if (codes.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(Dialect.H2, "claim.lease"))) {
      for (int i = 0; i < codes.size(); i++) {
        ps.setString(1, k.owner());
        ps.setLong(2, k.until());
        ps.setString(3, k.token());
        ps.setString(4, k.destination());
        ps.setString(5, codes.get(i));
        ps.setLong(6, seqs.get(i));
        ps.setLong(7, k.now());
        ps.setLong(8, k.now());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    List<ClaimedDelivery> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(Dialect.H2, "claim.read"))) {
      ps.setString(1, k.token());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(claimed(rs, k));
        }
      }
    }
    return out;
  }

  /** A row of seq, event_pk, attempts, recorded_at, payload, claims. */
  private ClaimedDelivery claimed(ResultSet rs, Claim k) throws SQLException {
    long pk = rs.getLong(2);
    return new ClaimedDelivery(
        k.destination(),
        ctx.event(pk, rs.getString(5)),
        rs.getLong(1),
        pk,
        rs.getInt(3),
        rs.getInt(6),
        Instant.ofEpochMilli(rs.getLong(4)),
        k.owner(),
        Instant.ofEpochMilli(k.until()));
  }

  // ----------------------------------------------------------------------- leases and outcomes

  boolean renew(ClaimedDelivery delivery, Instant until) {
    return ctx.db.call(
        "renew a lease",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, "lease.renew"))) {
            bindKey(ps, delivery, until.toEpochMilli());
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Records every outcome in one transaction, with one batched statement per kind of outcome, in
   * key order (so that two settling workers lock rows in the same order). The single {@code mark*}
   * methods come here with a list of one.
   */
  List<Boolean> settle(List<DeliveryOutcome> outcomes) {
    Objects.requireNonNull(outcomes, "outcomes");
    if (outcomes.isEmpty()) {
      return List.of();
    }
    List<Integer> order = new ArrayList<>(outcomes.size());
    for (int i = 0; i < outcomes.size(); i++) {
      ctx.checkDestination(
          Objects.requireNonNull(outcomes.get(i), "outcome").delivery().destination());
      order.add(i);
    }
    order.sort(
        Comparator.<Integer, String>comparing(i -> outcomes.get(i).delivery().destination())
            .thenComparing(i -> outcomes.get(i).delivery().event().dossierCode().toString())
            .thenComparingLong(i -> outcomes.get(i).delivery().sequence()));
    Boolean[] result = new Boolean[outcomes.size()];
    ctx.db.inTransaction(
        "record delivery outcomes",
        c -> {
          // Only the statements this batch needs, in a fixed order: H2 parses an UPDATE at every
          // prepare.
          Map<DeliveryOutcome.Kind, List<Integer>> byKind =
              new EnumMap<>(DeliveryOutcome.Kind.class);
          for (int i : order) {
            byKind.computeIfAbsent(outcomes.get(i).kind(), x -> new ArrayList<>()).add(i);
          }
          for (Map.Entry<DeliveryOutcome.Kind, List<Integer>> e : byKind.entrySet()) {
            List<Integer> indices = e.getValue();
            try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, statement(e.getKey())))) {
              for (int i : indices) {
                bindOutcome(ps, outcomes.get(i));
                ps.addBatch();
              }
              int[] counts = ps.executeBatch();
              for (int j = 0; j < indices.size(); j++) {
                result[indices.get(j)] = counts[j] == 1;
              }
            }
          }
          return null;
        });
    return Arrays.asList(result);
  }

  private static String statement(DeliveryOutcome.Kind kind) {
    return switch (kind) {
      case DELIVERED -> "settle.delivered";
      case FAILED -> "settle.failed";
      case DEAD -> "settle.dead";
    };
  }

  /** Binds the values of an outcome's SET clause, then the delivery's key and lease. */
  private static void bindOutcome(PreparedStatement ps, DeliveryOutcome o) throws SQLException {
    ClaimedDelivery d = o.delivery();
    long at = o.at().toEpochMilli();
    switch (o.kind()) {
      case DELIVERED -> bindKey(ps, d, at, d.leaseOwner());
      case FAILED -> bindKey(ps, d, o.attempts(), at, OutboxContext.clip(o.reason()));
      case DEAD -> bindKey(ps, d, o.attempts(), OutboxContext.clip(o.reason()), at, d.leaseOwner());
    }
  }

  /** Sets the values of an update's SET clause, then the delivery's key and lease owner. */
  private static void bindKey(PreparedStatement ps, ClaimedDelivery d, Object... values)
      throws SQLException {
    int i = 1;
    for (Object v : values) {
      ps.setObject(i++, v);
    }
    ps.setString(i++, d.destination());
    ps.setString(i++, d.event().dossierCode().toString());
    ps.setLong(i++, d.sequence());
    ps.setString(i++, d.leaseOwner());
    ps.setInt(i, d.claims());
  }

  int release(String owner) {
    Objects.requireNonNull(owner, "owner");
    return ctx.db.call(
        "release leases",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, "lease.release"))) {
            ps.setString(1, owner);
            return ps.executeUpdate();
          }
        });
  }

  Optional<Instant> nextClaimableAt(String destination) {
    ctx.checkDestination(destination);
    return ctx.db.call(
        "read the queue",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, "queue.next-claimable"))) {
            ps.setString(1, destination);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              long at = rs.getLong(1);
              return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
            }
          }
        });
  }

  SyncStatus status(String destination) {
    ctx.checkDestination(destination);
    Instant now = ctx.clock.instant();
    return ctx.db.call(
        "read the delivery status",
        c -> {
          long pending = 0;
          long inFlight = 0;
          long delivered = 0;
          long dead = 0;
          long skipped = 0;
          Long oldest = null;
          try (PreparedStatement ps = c.prepareStatement(ctx.db.sql(c, "queue.status"))) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, destination);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long n = rs.getLong(2);
                switch (rs.getString(1)) {
                  case "PENDING" -> {
                    pending = n;
                    oldest = rs.getLong(3);
                    inFlight = rs.getLong(4);
                  }
                  case "DELIVERED" -> delivered = n;
                  case "DEAD" -> dead = n;
                  case "SKIPPED" -> skipped = n;
                  default -> {
                    // A status written by a newer version: not counted.
                  }
                }
              }
            }
          }
          Optional<Instant> oldestAt =
              oldest == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest));
          Duration age =
              oldestAt
                  .map(o -> o.isBefore(now) ? Duration.between(o, now) : Duration.ZERO)
                  .orElse(Duration.ZERO);
          return new SyncStatus(
              destination, pending, inFlight, delivered, dead, skipped, oldestAt, age);
        });
  }
}
