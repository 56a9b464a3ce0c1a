package io.github.motcua.portal.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.internal.jdbc.JdbcStore;
import io.github.motcua.core.internal.jdbc.TablePrefix;
import io.github.motcua.core.json.MotcuaJson;
import io.github.motcua.portal.sync.internal.EventCodec;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

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
 * <p>The SQL it runs is shipped too, as named statements: {@code sync-outbox-statements.sql} for
 * those both dialects share, {@code sync-outbox-statements-h2.sql} and {@code
 * sync-outbox-statements-postgresql.sql} for those each writes its own way. Its work is split by
 * job: the event log (writers), leases and outcomes (workers), dead letters (operators).
 *
 * <p>Thread-safe: every call takes its own connection from the data source (except {@link
 * #enqueue(Connection, DossierEvent)}, which uses the caller's). No static state.
 */
public final class JdbcSyncOutbox implements SyncOutbox {

  private static final Pattern DESTINATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final JdbcStore db;
  private final List<String> destinations;
  private final OutboxEventLog log;
  private final OutboxLeases leases;
  private final DeadLetterDesk deadLetters;

  private JdbcSyncOutbox(Builder b) {
    this.destinations = List.copyOf(b.destinations);
    this.db =
        new JdbcStore(
            "sync outbox",
            JdbcSyncOutbox.class,
            "sync-outbox",
            b.dataSource::getConnection,
            b.tablePrefix,
            b.acceptCommitLoss,
            JdbcSyncOutbox::error);
    OutboxContext ctx =
        new OutboxContext(
            db,
            destinations,
            new EventCodec(b.mapper == null ? MotcuaJson.mapper() : b.mapper),
            b.clock);
    this.log = new OutboxEventLog(ctx);
    this.leases = new OutboxLeases(ctx);
    this.deadLetters = new DeadLetterDesk(ctx);
  }

  private static RuntimeException error(
      JdbcStore.Failure failure, String message, Throwable cause) {
    return switch (failure) {
      case SQL -> new RetryLaterException("sync.outbox.sql", message, cause);
      case SCHEMA -> new ConfigurationException("sync.outbox.schema", message, cause);
      case DIALECT -> new ConfigurationException("sync.outbox.dialect", message, cause);
      case DURABILITY -> new ConfigurationException("sync.outbox.durability", message, cause);
    };
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
   * @throws ConfigurationException with code {@code sync.outbox.schema} when a statement fails,
   *     {@code sync.outbox.durability} when the database may lose acknowledged commits (see {@link
   *     Builder#acceptCommitLoss(boolean)})
   */
  public JdbcSyncOutbox createSchemaIfMissing() {
    db.createSchemaIfMissing();
    return this;
  }

  /**
   * Returns the detected dialect, connecting once if needed.
   *
   * @return {@code H2} or {@code POSTGRESQL}
   */
  public String dialectName() {
    return db.dialect().name();
  }

  /**
   * Returns the table name prefix.
   *
   * @return for example {@code motcua_}
   */
  public String tablePrefix() {
    return db.tablePrefix();
  }

  @Override
  public List<String> destinations() {
    return destinations;
  }

  // ------------------------------------------------------------------------------- the writer's

  @Override
  public long enqueue(Connection transaction, DossierEvent event) {
    Objects.requireNonNull(event, "event");
    return enqueueAll(transaction, List.of(event)).get(0);
  }

  @Override
  public long enqueue(DossierEvent event) {
    return log.enqueue(event);
  }

  /**
   * Records the events in fewer statements than one {@link #enqueue(Connection, DossierEvent)}
   * each: one sequence update per dossier, one batch of delivery rows.
   */
  @Override
  public List<Long> enqueueAll(Connection transaction, List<? extends DossierEvent> events) {
    return log.enqueueAll(transaction, events);
  }

  @Override
  public List<DossierEvent> events(DossierCode dossier) {
    return log.events(dossier, Long.MAX_VALUE);
  }

  @Override
  public List<DossierEvent> events(DossierCode dossier, long upToSequence) {
    return log.events(dossier, upToSequence);
  }

  // ------------------------------------------------------------------------------- the worker's

  @Override
  public List<ClaimedDelivery> claim(
      String destination, String owner, int max, Instant now, Duration lease) {
    return leases.claim(destination, owner, max, now, lease);
  }

  @Override
  public boolean renew(ClaimedDelivery delivery, Instant until) {
    return leases.renew(delivery, until);
  }

  @Override
  public boolean markDelivered(ClaimedDelivery delivery, Instant now) {
    return settle(List.of(DeliveryOutcome.delivered(delivery, now))).get(0);
  }

  @Override
  public boolean markFailed(
      ClaimedDelivery delivery, int attempts, Instant nextAttemptAt, String reason) {
    return settle(List.of(DeliveryOutcome.failed(delivery, attempts, nextAttemptAt, reason)))
        .get(0);
  }

  @Override
  public boolean markDead(ClaimedDelivery delivery, int attempts, Instant now, String reason) {
    return settle(List.of(DeliveryOutcome.dead(delivery, attempts, now, reason))).get(0);
  }

  /**
   * Records every outcome in one transaction, with one batched statement per kind of outcome, in
   * key order (so that two settling workers lock rows in the same order). The single {@code mark*}
   * methods settle a list of one.
   */
  @Override
  public List<Boolean> settle(List<DeliveryOutcome> outcomes) {
    return leases.settle(outcomes);
  }

  @Override
  public int release(String owner) {
    return leases.release(owner);
  }

  @Override
  public Optional<Instant> nextClaimableAt(String destination) {
    return leases.nextClaimableAt(destination);
  }

  // ----------------------------------------------------------------------------- the operator's

  @Override
  public SyncStatus status(String destination) {
    return leases.status(destination);
  }

  @Override
  public List<DeadLetter> deadLetters(String destination) {
    return deadLetters.deadLetters(destination);
  }

  @Override
  public Optional<DeadLetter> deadLetter(String destination, UUID eventId) {
    return deadLetters.deadLetter(destination, eventId);
  }

  @Override
  public OperatorAction retryDeadLetter(
      String destination, UUID eventId, String operator, String note) {
    return deadLetters.retry(destination, eventId, operator, note);
  }

  @Override
  public OperatorAction skipDeadLetter(
      String destination, UUID eventId, String operator, String note) {
    return deadLetters.skip(destination, eventId, operator, note);
  }

  @Override
  public List<OperatorAction> operatorActions(String destination) {
    return deadLetters.operatorActions(destination);
  }

  @Override
  public String toString() {
    return "JdbcSyncOutbox[tables="
        + db.tablePrefix()
        + "sync_*, destinations="
        + destinations
        + "]";
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
      if (!TablePrefix.isValid(prefix)) {
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
