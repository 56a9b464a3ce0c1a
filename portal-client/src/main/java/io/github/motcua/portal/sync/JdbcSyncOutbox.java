package io.github.motcua.portal.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.json.MotcuaJson;
import io.github.motcua.portal.sync.internal.Dialect;
import io.github.motcua.portal.sync.internal.EventCodec;
import io.github.motcua.portal.sync.internal.SqlScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SyncOutbox} on a relational database reached through a {@link DataSource}: H2 (the
 * embedded default, in a file or in server mode) and PostgreSQL (when several application instances
 * share one database). The dialect is detected from the first connection.
 *
 * <p>Schema: four tables, shipped as {@code META-INF/motcua/sql/sync-outbox-h2.sql} and {@code
 * sync-outbox-postgresql.sql} for the integrator's own migrations, or created by {@link
 * #createSchemaIfMissing()}. Their names start with {@code motcua_} unless {@link
 * Builder#tablePrefix(String)} says otherwise. Events are stored as canonical JSON ({@code
 * MotcuaJson}), one row per event, numbered per dossier; each event gets one delivery row per
 * destination when it is recorded.
 *
 * <p>Claims: on PostgreSQL a worker leases the due deliveries with {@code SELECT ... FOR UPDATE
 * SKIP LOCKED}, so concurrent workers in several processes never wait for each other nor take the
 * same delivery. H2 (checked with 2.5.252) applies {@code FETCH FIRST} before skipping locked rows,
 * so a second worker would find nothing; on H2 claims are therefore a compare-and-set on the lease
 * columns, which gives the same exclusivity with more contention. Either way a lease ends at the
 * instant the worker asked for, and another worker may then take the delivery over.
 *
 * <p>Thread-safe: every call takes its own connection from the data source (except {@link
 * #enqueue(Connection, DossierEvent)}, which uses the caller's). No static state.
 */
public final class JdbcSyncOutbox implements SyncOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSyncOutbox.class);
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");
  private static final Pattern DESTINATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int REASON_LIMIT = 1000;
  private static final int DECODED_CACHE = 8192;

  /** How many times the schema statements run when other processes create it at the same time. */
  private static final int SCHEMA_ROUNDS = 3;

  /**
   * SQL states that say an object exists that did not when this transaction looked: unique
   * violation (PostgreSQL's catalog), duplicate table, object or column (PostgreSQL), table, index
   * or column exists (H2).
   */
  private static final Set<String> CREATED_MEANWHILE =
      Set.of("23505", "42P07", "42710", "42701", "42S01", "42S11", "42S21");

  private final DataSource dataSource;
  private final List<String> destinations;
  private final String prefix;
  private final EventCodec codec;
  private final Clock clock;
  private final String tEvent;
  private final String tDossier;
  private final String tDelivery;
  private final String tAction;
  private volatile Dialect dialect;
  private final boolean acceptCommitLoss;

  /**
   * Events decoded by recent claims, by position: each event is claimed once per destination, and
   * decoding its JSON is the largest cost of a claim. Events are immutable, so sharing is safe.
   */
  private final Map<Long, DossierEvent> decoded =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DossierEvent> eldest) {
          return size() > DECODED_CACHE;
        }
      };

  private JdbcSyncOutbox(Builder b) {
    this.dataSource = b.dataSource;
    this.destinations = List.copyOf(b.destinations);
    this.prefix = b.tablePrefix;
    this.codec = new EventCodec(b.mapper == null ? MotcuaJson.mapper() : b.mapper);
    this.clock = b.clock;
    this.acceptCommitLoss = b.acceptCommitLoss;
    this.tEvent = prefix + "sync_event";
    this.tDossier = prefix + "sync_dossier";
    this.tDelivery = prefix + "sync_delivery";
    this.tAction = prefix + "sync_action";
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the outbox's tables, indexes and columns when they do not exist yet (the embedded
   * case), adding to tables an earlier version created. What exists is left alone, so that a
   * process starting next to running workers does not wait for their transactions. Integrators who
   * manage their schema with migrations run the shipped SQL file instead.
   *
   * <p>Several processes may call this at once on a new database: when another one creates a table,
   * index or column at the same moment (PostgreSQL reports that as a unique violation even with
   * {@code IF NOT EXISTS}), the statements are run again, leaving out what now exists.
   *
   * @return this outbox
   * @throws ConfigurationException with code {@code sync.outbox.schema} when a statement fails
   */
  public JdbcSyncOutbox createSchemaIfMissing() {
    try (Connection c = dataSource.getConnection()) {
      Dialect d = dialect(c);
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        for (int round = 1; ; round++) {
          try {
            runSchema(c, d);
            break;
          } catch (SQLException e) {
            c.rollback();
            if (round >= SCHEMA_ROUNDS || !createdMeanwhile(e)) {
              throw e;
            }
            LOG.debug("Sync outbox schema created by another process meanwhile; checking again");
          }
        }
      } finally {
        c.setAutoCommit(auto);
      }
      LOG.debug("Sync outbox schema ready ({}, tables {}sync_*)", d, prefix);
      return this;
    } catch (SQLException e) {
      throw new ConfigurationException(
          "sync.outbox.schema", "The sync outbox schema cannot be created: " + e.getMessage(), e);
    }
  }

  private static boolean createdMeanwhile(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (CREATED_MEANWHILE.contains(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private void runSchema(Connection c, Dialect d) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : SqlScript.load(d.schemaResource(), prefix)) {
        // On an outbox in use, leave out what exists: its DDL would wait for open transactions.
        if (!SqlScript.done(c, sql)) {
          s.execute(sql);
        }
      }
      c.commit();
    }
  }

  /**
   * Returns the detected dialect, connecting once if needed.
   *
   * @return {@code H2} or {@code POSTGRESQL}
   */
  public String dialectName() {
    return call(c -> dialect(c).name());
  }

  /**
   * Returns the table name prefix.
   *
   * @return for example {@code motcua_}
   */
  public String tablePrefix() {
    return prefix;
  }

  @Override
  public List<String> destinations() {
    return destinations;
  }

  // ---------------------------------------------------------------- recording and reading events

  @Override
  public long enqueue(Connection transaction, DossierEvent event) {
    Objects.requireNonNull(event, "event");
    return enqueueAll(transaction, List.of(event)).get(0);
  }

  @Override
  public long enqueue(DossierEvent event) {
    Objects.requireNonNull(event, "event");
    List<String> json = List.of(codec.write(event));
    return inTransaction(c -> insertAll(c, List.of(event), json)).get(0);
  }

  /**
   * Records the events in fewer statements than one {@link #enqueue(Connection, DossierEvent)}
   * each: one sequence update per dossier, one batch of delivery rows.
   */
  @Override
  public List<Long> enqueueAll(Connection transaction, List<? extends DossierEvent> events) {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(events, "events");
    List<DossierEvent> list = new ArrayList<>(events.size());
    List<String> json = new ArrayList<>(events.size());
    for (DossierEvent e : events) {
      list.add(Objects.requireNonNull(e, "events element"));
      json.add(codec.write(e));
    }
    if (list.isEmpty()) {
      return List.of();
    }
    try {
      return inCallerTransaction(transaction, c -> insertAll(c, list, json));
    } catch (SQLException e) {
      throw sql("record event " + list.get(0).eventId(), e);
    }
  }

  private List<Long> insertAll(Connection c, List<DossierEvent> events, List<String> json)
      throws SQLException {
    Dialect d = dialect(c);
    int n = events.size();
    long[] seqs = new long[n];
    // Twice in the list counts once (resolved below, once the first one has its number).
    boolean[] fresh = new boolean[n];
    Map<java.util.UUID, Integer> seen = new HashMap<>();
    Map<String, Integer> count = new java.util.TreeMap<>();
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
    Map<String, Integer> unused = new java.util.TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT dossier_code, seq, payload FROM " + tEvent + " WHERE event_id = ?")) {
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
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE " + tDossier + " SET last_seq = last_seq - ? WHERE dossier_code = ?")) {
        for (Map.Entry<String, Integer> e : unused.entrySet()) {
          ps.setLong(1, e.getValue());
          ps.setString(2, e.getKey());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      count.values().removeIf(v -> v == 0);
    }
    long now = clock.millis();
    long[] pks = new long[n];
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + tEvent
                + " (event_id, dossier_code, seq, event_type, occurred_at, recorded_at, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
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
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + tDelivery
                + " (destination, dossier_code, seq, event_pk, status, attempts, claims,"
                + " recorded_at, available_at, lease_until)"
                + " VALUES (?, ?, ?, ?, 'PENDING', 0, 0, ?, 0, 0)")) {
      for (int i = 0; i < n; i++) {
        if (!fresh[i]) {
          continue;
        }
        String code = events.get(i).dossierCode().toString();
        for (String destination : destinations) {
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

  private static MotcuaException conflict(DossierEvent event) {
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
      // One statement: the row lock orders concurrent writers of the same dossier.
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + tDossier
                  + " AS d (dossier_code, last_seq) VALUES (?, ?) ON CONFLICT (dossier_code)"
                  + " DO UPDATE SET last_seq = d.last_seq + EXCLUDED.last_seq RETURNING last_seq")) {
        ps.setString(1, code);
        ps.setLong(2, n);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }
    for (int round = 0; ; round++) {
      try (PreparedStatement up =
          c.prepareStatement(
              "UPDATE " + tDossier + " SET last_seq = last_seq + ? WHERE dossier_code = ?")) {
        up.setLong(1, n);
        up.setString(2, code);
        if (up.executeUpdate() == 1) {
          try (PreparedStatement q =
              c.prepareStatement("SELECT last_seq FROM " + tDossier + " WHERE dossier_code = ?")) {
            q.setString(1, code);
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        }
      }
      try (PreparedStatement ins =
          c.prepareStatement(
              "INSERT INTO " + tDossier + " (dossier_code, last_seq) VALUES (?, ?)")) {
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

  @Override
  public List<DossierEvent> events(DossierCode dossier) {
    return events(dossier, Long.MAX_VALUE);
  }

  @Override
  public List<DossierEvent> events(DossierCode dossier, long upToSequence) {
    Objects.requireNonNull(dossier, "dossier");
    return call(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, payload FROM "
                      + tEvent
                      + " WHERE dossier_code = ? AND seq <= ? ORDER BY seq")) {
            ps.setString(1, dossier.toString());
            ps.setLong(2, upToSequence);
            List<DossierEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(codec.read(rs.getString(2), rs.getLong(1)));
              }
            }
            return out;
          }
        });
  }

  // ------------------------------------------------------------------- claiming and settling

  /** The first undelivered event of its dossier for its destination: nothing earlier waits. */
  private String headCondition() {
    return " AND NOT EXISTS (SELECT 1 FROM "
        + tDelivery
        + " e WHERE e.destination = d.destination AND e.dossier_code = d.dossier_code"
        + " AND e.seq < d.seq AND e.status IN ('PENDING', 'DEAD'))";
  }

  @Override
  public List<ClaimedDelivery> claim(
      String destination, String owner, int max, Instant now, Duration lease) {
    checkDestination(destination);
    Objects.requireNonNull(owner, "owner");
    if (max < 1 || lease == null || lease.isNegative() || lease.isZero()) {
      throw new ConfigurationException(
          "portal.config.sync.claim", "A claim takes at least one delivery for a positive lease.");
    }
    long nowMillis = now.toEpochMilli();
    long until = now.plus(lease).toEpochMilli();
    String token = UUID.randomUUID().toString();
    return inTransaction(
        c -> {
          if (dialect(c) == Dialect.POSTGRESQL) {
            return claimSkipLocked(c, destination, owner, max, nowMillis, until, token);
          }
          return claimCompareAndSet(c, destination, owner, max, nowMillis, until, token);
        });
  }

  private String candidates() {
    return "SELECT d.destination, d.dossier_code, d.seq FROM "
        + tDelivery
        + " d WHERE d.destination = ? AND d.status = 'PENDING' AND d.available_at <= ?"
        + " AND d.lease_until <= ?"
        + headCondition()
        // The index's own order: H2 then walks the queue index lazily instead of sorting every
        // pending row (28 times faster on a 40,000 event backlog).
        + " ORDER BY d.destination, d.status, d.event_pk";
  }

  private List<ClaimedDelivery> claimSkipLocked(
      Connection c, String destination, String owner, int max, long now, long until, String token)
      throws SQLException {
    String sql =
        "WITH c AS ("
            + candidates()
            + " LIMIT ? FOR UPDATE OF d SKIP LOCKED) UPDATE "
            + tDelivery
            + " u SET lease_owner = ?, lease_until = ?, claim_token = ?, claims = u.claims + 1"
            + " FROM c, "
            + tEvent
            + " v WHERE u.destination = c.destination AND u.dossier_code = c.dossier_code"
            + " AND u.seq = c.seq AND v.id = u.event_pk"
            + " RETURNING u.seq, u.event_pk, u.attempts, u.recorded_at, v.payload, u.claims";
    List<ClaimedDelivery> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, destination);
      ps.setLong(2, now);
      ps.setLong(3, now);
      ps.setInt(4, max);
      ps.setString(5, owner);
      ps.setLong(6, until);
      ps.setString(7, token);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(claimed(rs, destination, owner, until));
        }
      }
    }
    out.sort((a, b) -> Long.compare(a.position(), b.position()));
    return out;
  }

  private List<ClaimedDelivery> claimCompareAndSet(
      Connection c, String destination, String owner, int max, long now, long until, String token)
      throws SQLException {
    List<Object[]> keys = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(candidates() + " FETCH FIRST ? ROWS ONLY")) {
      ps.setString(1, destination);
      ps.setLong(2, now);
      ps.setLong(3, now);
      ps.setInt(4, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(new Object[] {rs.getString(2), rs.getLong(3)});
        }
      }
    }
    if (keys.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + tDelivery
                + " SET lease_owner = ?, lease_until = ?, claim_token = ?, claims = claims + 1"
                + " WHERE destination = ?"
                + " AND dossier_code = ? AND seq = ? AND status = 'PENDING' AND lease_until <= ?"
                + " AND available_at <= ?")) {
      for (Object[] k : keys) {
        ps.setString(1, owner);
        ps.setLong(2, until);
        ps.setString(3, token);
        ps.setString(4, destination);
        ps.setString(5, (String) k[0]);
        ps.setLong(6, (Long) k[1]);
        ps.setLong(7, now);
        ps.setLong(8, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    List<ClaimedDelivery> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT u.seq, u.event_pk, u.attempts, u.recorded_at, v.payload, u.claims FROM "
                + tDelivery
                + " u JOIN "
                + tEvent
                + " v ON v.id = u.event_pk WHERE u.claim_token = ? ORDER BY u.event_pk")) {
      ps.setString(1, token);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(claimed(rs, destination, owner, until));
        }
      }
    }
    return out;
  }

  private ClaimedDelivery claimed(ResultSet rs, String destination, String owner, long until)
      throws SQLException {
    long pk = rs.getLong(2);
    DossierEvent event;
    synchronized (decoded) {
      event = decoded.get(pk);
    }
    if (event == null) {
      event = codec.read(rs.getString(5), pk);
      synchronized (decoded) {
        decoded.put(pk, event);
      }
    }
    return new ClaimedDelivery(
        destination,
        event,
        rs.getLong(1),
        pk,
        rs.getInt(3),
        rs.getInt(6),
        Instant.ofEpochMilli(rs.getLong(4)),
        owner,
        Instant.ofEpochMilli(until));
  }

  /**
   * The delivery, still pending and leased by this claim: its owner and its claim generation (the
   * fencing token: a worker that takes the delivery over, even one under the same worker id,
   * increments {@code claims}, and the old claim can then neither renew nor settle).
   */
  private static final String KEY_AND_OWNER =
      " WHERE destination = ? AND dossier_code = ? AND seq = ? AND status = 'PENDING'"
          + " AND lease_owner = ? AND claims = ?";

  private int settle(String set, ClaimedDelivery d, Object... values) {
    return call(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(settleSql(set))) {
            setKey(ps, d, values);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public boolean renew(ClaimedDelivery delivery, Instant until) {
    return settle("lease_until = ?", delivery, until.toEpochMilli()) == 1;
  }

  private static final String DELIVERED_SET =
      "status = 'DELIVERED', lease_owner = NULL, lease_until = 0, claim_token = NULL,"
          + " finished_at = ?, finished_by = ?";
  private static final String FAILED_SET =
      "attempts = ?, available_at = ?, last_error = ?, lease_owner = NULL, lease_until = 0,"
          + " claim_token = NULL";
  private static final String DEAD_SET =
      "status = 'DEAD', attempts = ?, last_error = ?, finished_at = ?, finished_by = ?,"
          + " lease_owner = NULL, lease_until = 0, claim_token = NULL";

  @Override
  public boolean markDelivered(ClaimedDelivery delivery, Instant now) {
    return settle(List.of(DeliveryOutcome.delivered(delivery, now))).get(0);
  }

  @Override
  public boolean markFailed(
      ClaimedDelivery delivery, int attempts, Instant nextAttemptAt, String reason) {
    return settle(FAILED_SET, delivery, attempts, nextAttemptAt.toEpochMilli(), clip(reason)) == 1;
  }

  @Override
  public boolean markDead(ClaimedDelivery delivery, int attempts, Instant now, String reason) {
    return settle(
            DEAD_SET, delivery, attempts, clip(reason), now.toEpochMilli(), delivery.leaseOwner())
        == 1;
  }

  /**
   * Records every outcome in one transaction, with one batched statement per kind of outcome, in
   * key order (so that two settling workers lock rows in the same order).
   */
  @Override
  public List<Boolean> settle(List<DeliveryOutcome> outcomes) {
    Objects.requireNonNull(outcomes, "outcomes");
    if (outcomes.isEmpty()) {
      return List.of();
    }
    List<Integer> order = new ArrayList<>(outcomes.size());
    for (int i = 0; i < outcomes.size(); i++) {
      ClaimedDelivery d = outcomes.get(i).delivery();
      checkDestination(d.destination());
      order.add(i);
    }
    order.sort(
        java.util.Comparator.<Integer, String>comparing(
                i -> outcomes.get(i).delivery().destination())
            .thenComparing(i -> outcomes.get(i).delivery().event().dossierCode().toString())
            .thenComparingLong(i -> outcomes.get(i).delivery().sequence()));
    Boolean[] result = new Boolean[outcomes.size()];
    inTransaction(
        c -> {
          // Only the statements this batch needs: H2 parses an UPDATE at every prepare.
          try (Statements st = new Statements(c)) {
            PreparedStatement delivered = null;
            PreparedStatement failed = null;
            PreparedStatement dead = null;
            List<Integer> inDelivered = new ArrayList<>();
            List<Integer> inFailed = new ArrayList<>();
            List<Integer> inDead = new ArrayList<>();
            for (int i : order) {
              DeliveryOutcome o = outcomes.get(i);
              ClaimedDelivery d = o.delivery();
              switch (o.kind()) {
                case DELIVERED -> {
                  delivered = delivered != null ? delivered : st.prepare(settleSql(DELIVERED_SET));
                  bind(delivered, d, o.at().toEpochMilli(), d.leaseOwner());
                  inDelivered.add(i);
                }
                case FAILED -> {
                  failed = failed != null ? failed : st.prepare(settleSql(FAILED_SET));
                  bind(failed, d, o.attempts(), o.at().toEpochMilli(), clip(o.reason()));
                  inFailed.add(i);
                }
                case DEAD -> {
                  dead = dead != null ? dead : st.prepare(settleSql(DEAD_SET));
                  bind(
                      dead,
                      d,
                      o.attempts(),
                      clip(o.reason()),
                      o.at().toEpochMilli(),
                      d.leaseOwner());
                  inDead.add(i);
                }
              }
            }
            runBatch(delivered, inDelivered, result);
            runBatch(failed, inFailed, result);
            runBatch(dead, inDead, result);
          }
          return null;
        });
    return java.util.Arrays.asList(result);
  }

  private String settleSql(String set) {
    return "UPDATE " + tDelivery + " SET " + set + KEY_AND_OWNER;
  }

  private static void bind(PreparedStatement ps, ClaimedDelivery d, Object... values)
      throws SQLException {
    setKey(ps, d, values);
    ps.addBatch();
  }

  /** Sets the values of an update's SET clause, then the delivery's key and lease owner. */
  private static void setKey(PreparedStatement ps, ClaimedDelivery d, Object... values)
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

  private static void runBatch(PreparedStatement ps, List<Integer> indices, Boolean[] result)
      throws SQLException {
    if (ps == null || indices.isEmpty()) {
      return;
    }
    int[] counts = ps.executeBatch();
    for (int k = 0; k < indices.size(); k++) {
      result[indices.get(k)] = counts[k] == 1;
    }
  }

  @Override
  public int release(String owner) {
    Objects.requireNonNull(owner, "owner");
    return call(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE "
                      + tDelivery
                      + " SET lease_owner = NULL, lease_until = 0, claim_token = NULL"
                      + " WHERE lease_owner = ? AND status = 'PENDING'")) {
            ps.setString(1, owner);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Instant> nextClaimableAt(String destination) {
    checkDestination(destination);
    return call(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT MIN(CASE WHEN d.available_at > d.lease_until THEN d.available_at"
                      + " ELSE d.lease_until END) FROM "
                      + tDelivery
                      + " d WHERE d.destination = ? AND d.status = 'PENDING'"
                      + headCondition())) {
            ps.setString(1, destination);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              long at = rs.getLong(1);
              return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
            }
          }
        });
  }

  @Override
  public SyncStatus status(String destination) {
    checkDestination(destination);
    Instant now = clock.instant();
    return call(
        c -> {
          long pending = 0;
          long inFlight = 0;
          long delivered = 0;
          long dead = 0;
          long skipped = 0;
          Long oldest = null;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT status, COUNT(*), MIN(recorded_at),"
                      + " SUM(CASE WHEN lease_until > ? THEN 1 ELSE 0 END) FROM "
                      + tDelivery
                      + " WHERE destination = ? GROUP BY status")) {
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

  // ------------------------------------------------------------------------------ dead letters

  private String deadLetterQuery(String extra) {
    return "SELECT d.seq, d.attempts, d.last_error, d.recorded_at, d.finished_at, v.payload,"
        + " v.id, (SELECT COUNT(*) FROM "
        + tDelivery
        + " b WHERE b.destination = d.destination AND b.dossier_code = d.dossier_code"
        + " AND b.seq > d.seq AND b.status = 'PENDING') FROM "
        + tDelivery
        + " d JOIN "
        + tEvent
        + " v ON v.id = d.event_pk WHERE d.destination = ? AND d.status = 'DEAD'"
        + extra
        + " ORDER BY d.event_pk";
  }

  private DeadLetter deadLetter(String destination, ResultSet rs) throws SQLException {
    String reason = rs.getString(3);
    return new DeadLetter(
        destination,
        codec.read(rs.getString(6), rs.getLong(7)),
        rs.getLong(1),
        rs.getInt(2),
        reason == null ? "" : reason,
        Instant.ofEpochMilli(rs.getLong(4)),
        Instant.ofEpochMilli(rs.getLong(5)),
        rs.getLong(8));
  }

  @Override
  public List<DeadLetter> deadLetters(String destination) {
    checkDestination(destination);
    return call(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(deadLetterQuery(""))) {
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

  @Override
  public Optional<DeadLetter> deadLetter(String destination, UUID eventId) {
    checkDestination(destination);
    Objects.requireNonNull(eventId, "eventId");
    return call(c -> findDeadLetter(c, destination, eventId));
  }

  private Optional<DeadLetter> findDeadLetter(Connection c, String destination, UUID eventId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(deadLetterQuery(" AND v.event_id = ?"))) {
      ps.setString(1, destination);
      ps.setString(2, eventId.toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(deadLetter(destination, rs)) : Optional.empty();
      }
    }
  }

  @Override
  public OperatorAction retryDeadLetter(
      String destination, UUID eventId, String operator, String note) {
    return act(
        destination,
        eventId,
        operator,
        note,
        OperatorAction.Kind.RETRY,
        "status = 'PENDING', attempts = 0, available_at = 0, lease_owner = NULL, lease_until = 0,"
            + " finished_at = NULL, finished_by = NULL");
  }

  @Override
  public OperatorAction skipDeadLetter(
      String destination, UUID eventId, String operator, String note) {
    return act(
        destination,
        eventId,
        operator,
        note,
        OperatorAction.Kind.SKIP,
        "status = 'SKIPPED', finished_at = " + clock.millis() + ", finished_by = 'operator'");
  }

  private OperatorAction act(
      String destination,
      UUID eventId,
      String operator,
      String note,
      OperatorAction.Kind kind,
      String set) {
    checkDestination(destination);
    Objects.requireNonNull(eventId, "eventId");
    if (operator == null || operator.isBlank()) {
      throw new ConfigurationException(
          "portal.config.sync.operator", "An operator action names the operator who takes it.");
    }
    Objects.requireNonNull(note, "note");
    Instant at = Instant.ofEpochMilli(clock.millis());
    OperatorAction action =
        inTransaction(
            c -> {
              DeadLetter dead =
                  findDeadLetter(c, destination, eventId)
                      .orElseThrow(() -> notFound(destination, eventId));
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE "
                          + tDelivery
                          + " SET "
                          + set
                          + " WHERE destination = ? AND dossier_code = ? AND seq = ?"
                          + " AND status = 'DEAD'")) {
                ps.setString(1, destination);
                ps.setString(2, dead.event().dossierCode().toString());
                ps.setLong(3, dead.sequence());
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
                      clip(operator),
                      clip(note),
                      dead.reason());
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO "
                          + tAction
                          + " (acted_at, destination, event_id, dossier_code, action, operator,"
                          + " note, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, destination);
                ps.setString(3, eventId.toString());
                ps.setString(4, a.dossierCode().toString());
                ps.setString(5, kind.name());
                ps.setString(6, a.operator());
                ps.setString(7, a.note());
                ps.setString(8, clip(a.reason()));
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

  private static MotcuaException notFound(String destination, UUID eventId) {
    return new InvalidInputException(
        "sync.dead-letter.not-found",
        "No dead letter for event " + eventId + " and destination " + destination + ".",
        null);
  }

  @Override
  public List<OperatorAction> operatorActions(String destination) {
    checkDestination(destination);
    return call(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT acted_at, event_id, dossier_code, action, operator, note, reason FROM "
                      + tAction
                      + " WHERE destination = ? ORDER BY id")) {
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

  // ----------------------------------------------------------------------------------- plumbing

  /** Statements prepared on demand within one unit of work, all closed together. */
  private static final class Statements implements AutoCloseable {
    private final Connection c;
    private final List<PreparedStatement> open = new ArrayList<>();

    Statements(Connection c) {
      this.c = c;
    }

    PreparedStatement prepare(String sql) throws SQLException {
      return add(c.prepareStatement(sql));
    }

    PreparedStatement add(PreparedStatement ps) {
      open.add(ps);
      return ps;
    }

    @Override
    public void close() throws SQLException {
      SQLException first = null;
      for (PreparedStatement ps : open) {
        try {
          ps.close();
        } catch (SQLException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T call(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw sql("run an outbox query", e);
    }
  }

  private <T> T inTransaction(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return committed(c, work);
    } catch (SQLException e) {
      throw sql("run an outbox transaction", e);
    }
  }

  /**
   * Runs the work in the caller's open transaction (nothing is committed or rolled back here), or
   * in one of its own when the connection is in auto-commit mode.
   */
  private static <T> T inCallerTransaction(Connection c, SqlWork<T> work) throws SQLException {
    return c.getAutoCommit() ? committed(c, work) : work.run(c);
  }

  /** Runs the work in a transaction, commits it, and gives the connection its mode back. */
  private static <T> T committed(Connection c, SqlWork<T> work) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private Dialect dialect(Connection c) throws SQLException {
    Dialect d = dialect;
    if (d == null) {
      d = Dialect.of(c);
      checkDurability(c, d);
      dialect = d;
    }
    return d;
  }

  /**
   * Refuses (or, when the builder accepts it, warns about) a database that acknowledges commits it
   * may lose when its process is killed: H2 with a write delay (its default, 500 ms) in a file,
   * PostgreSQL with {@code synchronous_commit} off. After such a loss the outbox forgets that
   * events were delivered and delivers them again, older states after newer ones.
   */
  private void checkDurability(Connection c, Dialect d) throws SQLException {
    String risk = null;
    if (d == Dialect.H2) {
      // An in-memory database reports a write delay of 0 and no file: it loses everything with
      // its process anyway.
      Map<String, String> settings = new HashMap<>();
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                      + " WHERE SETTING_NAME IN ('WRITE_DELAY', 'MAX_COMPACT_TIME',"
                      + " 'info.FILE_SIZE')")) {
        while (rs.next()) {
          settings.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2).strip());
        }
      }
      String writeDelay = settings.getOrDefault("WRITE_DELAY", "0");
      if (!"0".equals(writeDelay)) {
        risk =
            "H2's WRITE_DELAY is "
                + writeDelay
                + " ms: commits of that last moment are lost when the process is killed."
                + " Add ;WRITE_DELAY=0 to the H2 URL";
      } else if (settings.containsKey("info.FILE_SIZE")
          && !"0".equals(settings.getOrDefault("MAX_COMPACT_TIME", "0"))) {
        // Not refused: the loss was seen with H2 2.5.252 after a compacting close followed by a
        // kill, and its cause inside H2 is not isolated (see the module README, Durability).
        LOG.warn(
            "Sync outbox {}: H2's MAX_COMPACT_TIME is {} ms. With H2 2.5.252 a file compacted at"
                + " close then reopened lost acknowledged commits when the process was killed."
                + " Add ;MAX_COMPACT_TIME=0 to every H2 URL that opens this file.",
            prefix,
            settings.get("MAX_COMPACT_TIME"));
      }
    } else {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
        if (rs.next() && "off".equalsIgnoreCase(rs.getString(1).strip())) {
          risk =
              "PostgreSQL's synchronous_commit is off: the last commits are lost when the server"
                  + " stops abruptly. Set it to on (the default)";
        }
      }
    }
    if (risk == null) {
      return;
    }
    if (!acceptCommitLoss) {
      throw new ConfigurationException(
          "sync.outbox.durability",
          risk
              + ", or build the outbox with acceptCommitLoss(true) to run anyway (portals may"
              + " then receive changes twice, or an older state after a newer one).",
          null);
    }
    LOG.warn(
        "Sync outbox {}: {}. Running anyway (acceptCommitLoss): after a crash, portals may receive"
            + " changes twice, or an older state after a newer one.",
        prefix,
        risk);
  }

  private void checkDestination(String destination) {
    Objects.requireNonNull(destination, "destination");
    if (!destinations.contains(destination)) {
      throw new InvalidInputException(
          "sync.outbox.destination",
          "Destination "
              + destination
              + " is not one of this outbox's destinations "
              + destinations
              + ".",
          null);
    }
  }

  private static MotcuaException sql(String what, SQLException e) {
    return new RetryLaterException(
        "sync.outbox.sql",
        "The sync outbox could not "
            + what
            + " (SQL state "
            + e.getSQLState()
            + ", error "
            + e.getErrorCode()
            + ").",
        e);
  }

  private static String clip(String text) {
    return text.length() <= REASON_LIMIT ? text : text.substring(0, REASON_LIMIT - 1) + "…";
  }

  @Override
  public String toString() {
    return "JdbcSyncOutbox[tables=" + prefix + "sync_*, destinations=" + destinations + "]";
  }

  /** Configures a {@link JdbcSyncOutbox}. Not thread-safe. */
  public static final class Builder {
    private DataSource dataSource;
    private final List<String> destinations = new ArrayList<>();
    private String tablePrefix = "motcua_";
    private ObjectMapper mapper;
    private Clock clock = Clock.systemUTC();
    private boolean acceptCommitLoss;

    private Builder() {}

    /**
     * Lets the outbox run on a database that acknowledges commits it may lose when its process is
     * killed (default false: refused with {@code sync.outbox.durability} at the first connection).
     * Detected: an H2 file or server database with a {@code WRITE_DELAY} above 0 (H2's default is
     * 500 ms; add {@code ;WRITE_DELAY=0} to its URL), PostgreSQL with {@code synchronous_commit}
     * off. On such a database a crash can make the outbox forget deliveries it recorded, and
     * deliver them again: a portal may then receive an older state after a newer one, and changes
     * the portal cannot deduplicate twice. When accepted, a warning is logged instead.
     *
     * @param accept true to run anyway
     * @return this builder
     */
    public Builder acceptCommitLoss(boolean accept) {
      this.acceptCommitLoss = accept;
      return this;
    }

    /**
     * Sets the database (required). Use a pooled data source in production; the outbox takes a
     * connection for each call and closes it at once.
     *
     * @param dataSource an H2 or PostgreSQL data source; not null
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Sets the destinations every event is queued for (required, at least one), such as {@code
     * "national", "provincial"}: the names a {@link SyncWorker} maps to portal clients. An event is
     * queued for the destinations configured when it is recorded.
     *
     * @param names 1 to 64 letters, digits, dots, dashes or underscores each; distinct
     * @return this builder
     */
    public Builder destinations(String... names) {
      destinations.clear();
      for (String n : names) {
        if (n == null || !DESTINATION.matcher(n).matches() || destinations.contains(n)) {
          throw new ConfigurationException(
              "portal.config.sync.destinations",
              "Destination names are distinct, 1 to 64 letters, digits, '.', '-' or '_'.");
        }
        destinations.add(n);
      }
      return this;
    }

    /**
     * Sets the prefix of the table names (default {@code motcua_}), to keep several outboxes in one
     * schema apart.
     *
     * @param prefix a lower-case letter, then up to 29 lower-case letters, digits or underscores
     * @return this builder
     */
    public Builder tablePrefix(String prefix) {
      if (prefix == null || !PREFIX.matcher(prefix).matches()) {
        throw new ConfigurationException(
            "portal.config.sync.table-prefix",
            "The table prefix is a lower-case letter, then lower-case letters, digits or '_'.");
      }
      this.tablePrefix = prefix;
      return this;
    }

    /**
     * Sets the mapper events are written and read with (default {@code MotcuaJson.mapper()}). It
     * must write motcua's events as {@code MotcuaJson} does; changing it on a filled outbox makes
     * stored events unreadable.
     *
     * @param mapper not null
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Sets the clock that stamps recorded events and operator actions and ages pending events
     * (default UTC system clock).
     *
     * @param clock not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the outbox. It connects on first use.
     *
     * @return the outbox
     * @throws ConfigurationException when the data source or the destinations are missing
     */
    public JdbcSyncOutbox build() {
      if (dataSource == null) {
        throw new ConfigurationException(
            "portal.config.sync.data-source", "JdbcSyncOutbox needs a dataSource.");
      }
      if (destinations.isEmpty()) {
        throw new ConfigurationException(
            "portal.config.sync.destinations", "JdbcSyncOutbox needs at least one destination.");
      }
      return new JdbcSyncOutbox(this);
    }
  }
}
