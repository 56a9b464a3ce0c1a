package io.github.motcua.core.internal.jdbc;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of one motcua store, shared by the sync outbox, the payment order store and the
 * receipt number allocator so that all three follow one convention:
 *
 * <ul>
 *   <li>SQL lives in files under {@code META-INF/motcua/sql/}: {@code <name>-<dialect>.sql}, the
 *       schema (for the integrator's migrations, or {@link #createSchemaIfMissing()}), and the
 *       named statements the store runs, those of every dialect in {@code <name>-statements.sql}
 *       and those a dialect writes its own way in {@code <name>-statements-<dialect>.sql}. They are
 *       read once, with {@code motcua_} replaced by the validated {@link TablePrefix table prefix}.
 *   <li>Instants are stored as milliseconds since the epoch ({@code BIGINT}): no time zone of the
 *       database or the driver can shift them.
 *   <li>The dialect is detected from the first connection, which also checks durability: a database
 *       that acknowledges commits it may lose is refused unless the store accepts it.
 *   <li>Failures are the store's own exceptions, built by its {@link Errors} from a {@link Failure}
 *       kind.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class JdbcStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

  /** What failed; each store turns it into its own exception and code. */
  public enum Failure {
    /** A statement failed, or no connection could be had. */
    SQL,
    /** A schema or statement file is missing or broken, or the schema cannot be created. */
    SCHEMA,
    /** The database is neither H2 nor PostgreSQL. */
    DIALECT,
    /** The database acknowledges commits it may lose, and the store does not accept that. */
    DURABILITY
  }

  /** Builds a store's exception for a failure. */
  @FunctionalInterface
  public interface Errors {
    /**
     * Builds the exception.
     *
     * @param failure the kind of failure
     * @param message a message for people, free of personal data
     * @param cause the cause, may be null
     * @return the exception to throw
     */
    RuntimeException error(Failure failure, String message, Throwable cause);
  }

  /** Opens a connection: a {@code DataSource}, or the driver manager. */
  @FunctionalInterface
  public interface Connections {
    /**
     * Opens a connection, which the caller closes.
     *
     * @return the connection
     * @throws SQLException when none can be had
     */
    Connection open() throws SQLException;
  }

  /**
   * Work on a connection.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param c the connection
     * @return the result
     * @throws SQLException when the database fails
     */
    T run(Connection c) throws SQLException;
  }

  private final String name;
  private final Class<?> owner;
  private final String files;
  private final Connections connections;
  private final String prefix;
  private final boolean acceptCommitLoss;
  private final Errors errors;
  private final Map<Dialect, Map<String, String>> statements = new EnumMap<>(Dialect.class);
  private volatile Dialect dialect;

  /**
   * Creates the database side of a store.
   *
   * @param name the store's name in messages, such as {@code "sync outbox"}
   * @param owner the store's class, whose class loader sees its SQL files
   * @param files the files' common name, such as {@code sync-outbox}
   * @param connections where connections come from
   * @param tablePrefix the table prefix, valid by {@link TablePrefix#isValid}
   * @param acceptCommitLoss true to warn instead of refusing a database that may lose commits
   * @param errors builds the store's exceptions
   */
  public JdbcStore(
      String name,
      Class<?> owner,
      String files,
      Connections connections,
      String tablePrefix,
      boolean acceptCommitLoss,
      Errors errors) {
    this.name = Objects.requireNonNull(name, "name");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.files = Objects.requireNonNull(files, "files");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.prefix = TablePrefix.check(tablePrefix);
    this.acceptCommitLoss = acceptCommitLoss;
    this.errors = Objects.requireNonNull(errors, "errors");
  }

  /**
   * Returns the table prefix.
   *
   * @return for example {@code motcua_}
   */
  public String tablePrefix() {
    return prefix;
  }

  /**
   * Creates the store's tables, indexes and columns that do not exist yet, from its schema file;
   * what exists is left alone, so that a process starting next to running ones does not wait for
   * their transactions. Several processes may call it at once on a new database.
   *
   * @throws RuntimeException the store's {@link Failure#SCHEMA} error when a statement fails
   */
  public void createSchemaIfMissing() {
    try (Connection c = connections.open()) {
      Dialect d = dialect(c);
      Schema.install(c, schemaFile(d).statements(prefix));
      LOG.debug("{} schema ready ({}, prefix {})", name, d, prefix);
    } catch (SQLException e) {
      throw errors.error(
          Failure.SCHEMA,
          "The " + name + " schema cannot be created (SQL state " + e.getSQLState() + ").",
          e);
    }
  }

  private SqlFile schemaFile(Dialect d) {
    try {
      return SqlFile.load(owner, files + "-" + d.fileSuffix() + ".sql");
    } catch (UncheckedIOException e) {
      throw errors.error(Failure.SCHEMA, "The " + name + " schema file is missing.", e);
    }
  }

  /**
   * Returns the detected dialect, connecting once if needed.
   *
   * @return the dialect
   */
  public Dialect dialect() {
    Dialect d = dialect;
    return d != null ? d : call("connect", this::dialect);
  }

  /**
   * Returns the dialect of a connection to this store's database, detecting it and checking
   * durability at the first connection.
   *
   * @param c an open connection
   * @return the dialect
   * @throws SQLException when the metadata cannot be read
   */
  public Dialect dialect(Connection c) throws SQLException {
    Dialect d = dialect;
    if (d == null) {
      String product = c.getMetaData().getDatabaseProductName();
      d =
          Dialect.of(c)
              .orElseThrow(
                  () ->
                      errors.error(
                          Failure.DIALECT,
                          "The " + name + " supports H2 and PostgreSQL, not " + product + ".",
                          null));
      checkDurability(c, d);
      dialect = d;
    }
    return d;
  }

  private void checkDurability(Connection c, Dialect d) throws SQLException {
    String label = name + " " + prefix;
    String risk = Durability.risk(c, d, label).orElse(null);
    if (risk == null) {
      return;
    }
    if (!acceptCommitLoss) {
      throw errors.error(
          Failure.DURABILITY,
          risk
              + ", or build the "
              + name
              + " with acceptCommitLoss(true) to run anyway (what it recorded may then be lost,"
              + " and done again).",
          null);
    }
    LOG.warn("{}: {}. Running anyway (acceptCommitLoss).", label, risk);
  }

  /**
   * Returns one of the store's named statements in a dialect.
   *
   * @param d the dialect
   * @param statement the statement's name in the file
   * @return the SQL text, tables renamed
   * @throws RuntimeException the store's {@link Failure#SCHEMA} error when the file or the
   *     statement is missing
   */
  public String sql(Dialect d, String statement) {
    Map<String, String> all;
    synchronized (statements) {
      all = statements.get(d);
      if (all == null) {
        all = Map.copyOf(loadStatements(d));
        statements.put(d, all);
      }
    }
    String sql = all.get(statement);
    if (sql == null) {
      throw errors.error(
          Failure.SCHEMA,
          "The " + name + " has no statement " + statement + " for " + d + ".",
          null);
    }
    return sql;
  }

  /**
   * Reads the named statements of a dialect: those every dialect runs ({@code
   * <name>-statements.sql}) and the dialect's own ({@code <name>-statements-<dialect>.sql}); either
   * file may be absent, not both, and a name is given once.
   */
  private Map<String, String> loadStatements(Dialect d) {
    String common = files + "-statements.sql";
    String own = files + "-statements-" + d.fileSuffix() + ".sql";
    try {
      Optional<SqlFile> shared = SqlFile.find(owner, common);
      Optional<SqlFile> dialects = SqlFile.find(owner, own);
      if (shared.isEmpty() && dialects.isEmpty()) {
        throw new IllegalStateException("neither " + common + " nor " + own + " is there");
      }
      Map<String, String> all = new HashMap<>();
      shared.ifPresent(f -> all.putAll(f.named(prefix)));
      if (dialects.isPresent()) {
        for (Map.Entry<String, String> e : dialects.get().named(prefix).entrySet()) {
          if (all.put(e.getKey(), e.getValue()) != null) {
            throw new IllegalStateException(own + " repeats " + e.getKey() + " of " + common);
          }
        }
      }
      return all;
    } catch (UncheckedIOException | IllegalStateException e) {
      throw errors.error(Failure.SCHEMA, "The " + name + " statement files are broken.", e);
    }
  }

  /**
   * Returns a named statement in the dialect of a connection.
   *
   * @param c an open connection to this store's database
   * @param statement the statement's name
   * @return the SQL text
   * @throws SQLException when the dialect cannot be detected
   */
  public String sql(Connection c, String statement) throws SQLException {
    return sql(dialect(c), statement);
  }

  /**
   * Runs work on a connection of its own (auto-commit as the pool gives it).
   *
   * @param what what is done, for the error message: "read the dead letters"
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   */
  public <T> T call(String what, Work<T> work) {
    try (Connection c = connections.open()) {
      return work.run(c);
    } catch (SQLException e) {
      throw sqlFailure(what, e);
    }
  }

  /**
   * Runs work in a transaction of its own, committed when it returns and rolled back when it
   * throws.
   *
   * @param what what is done, for the error message
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   */
  public <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = connections.open()) {
      return committed(c, work);
    } catch (SQLException e) {
      throw sqlFailure(what, e);
    }
  }

  /**
   * Runs work in the caller's open transaction (nothing is committed or rolled back here), or in
   * one of its own when the connection is in auto-commit mode.
   *
   * @param c the caller's connection
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   * @throws SQLException when the database fails
   */
  public static <T> T inCallerTransaction(Connection c, Work<T> work) throws SQLException {
    return c.getAutoCommit() ? committed(c, work) : work.run(c);
  }

  /**
   * Runs work in a transaction, commits it, and gives the connection its mode back.
   *
   * @param c the connection
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   * @throws SQLException when the database fails (the transaction is then rolled back)
   */
  public static <T> T committed(Connection c, Work<T> work) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      commit(c);
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /**
   * One commit at a time on an embedded H2 file. H2 2.5.252's store skips writing a commit when
   * another thread stored a newer version while it waited for the store lock, although that store
   * may have begun before this transaction was committed; when the process is then killed, commits
   * it had acknowledged are gone (the outbox's embedded crash test lost claims and settlements of
   * the killed worker's last moments under load). Commits that never wait for each other cannot be
   * skipped. PostgreSQL commits are not serialised.
   */
  private static final Object H2_FILE_COMMITS = new Object();

  private static void commit(Connection c) throws SQLException {
    String url = c.getMetaData().getURL();
    if (url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")) {
      synchronized (H2_FILE_COMMITS) {
        c.commit();
      }
    } else {
      c.commit();
    }
  }

  /**
   * Builds the store's error for a failed statement.
   *
   * @param what what was being done: "record event ..."
   * @param e the failure
   * @return the store's {@link Failure#SQL} error, naming the SQL state and error code
   */
  public RuntimeException sqlFailure(String what, SQLException e) {
    return errors.error(
        Failure.SQL,
        "The "
            + name
            + " could not "
            + what
            + " (SQL state "
            + e.getSQLState()
            + ", error "
            + e.getErrorCode()
            + ").",
        e);
  }

  /**
   * Tells whether a failure, or one chained to it, has one of the SQL states.
   *
   * @param e the failure
   * @param states SQL states such as {@code 23505}
   * @return true when one matches
   */
  public static boolean hasState(SQLException e, String... states) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      for (String s : states) {
        if (s.equals(x.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "JdbcStore[" + name + ", " + prefix + "]";
  }
}
