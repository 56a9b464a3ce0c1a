package io.github.motcua.core.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** The SQL dialects motcua's stores speak, told apart by the connection's product name. */
public enum Dialect {
  /** H2 2.x, embedded or in server mode. */
  H2("h2"),
  /** PostgreSQL 10 or later. */
  POSTGRESQL("postgresql");

  private final String fileSuffix;

  Dialect(String fileSuffix) {
    this.fileSuffix = fileSuffix;
  }

  /**
   * Returns the suffix of this dialect's SQL files: {@code sync-outbox-h2.sql}.
   *
   * @return {@code h2} or {@code postgresql}
   */
  public String fileSuffix() {
    return fileSuffix;
  }

  /**
   * Detects the dialect of a connection.
   *
   * @param connection an open connection
   * @return the dialect, empty for another database
   * @throws SQLException when the metadata cannot be read
   */
  public static Optional<Dialect> of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.contains("h2")) {
      return Optional.of(H2);
    }
    if (p.contains("postgres")) {
      return Optional.of(POSTGRESQL);
    }
    return Optional.empty();
  }
}
