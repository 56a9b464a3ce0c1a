package io.github.motcua.portal.sync.internal;

import io.github.motcua.core.ConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The SQL dialects the JDBC outbox speaks, told apart by the connection's product name. */
public enum Dialect {
  /** H2 2.x, embedded or in server mode. */
  H2("sync-outbox-h2.sql"),
  /** PostgreSQL 10 or later. */
  POSTGRESQL("sync-outbox-postgresql.sql");

  private final String schemaResource;

  Dialect(String schemaResource) {
    this.schemaResource = schemaResource;
  }

  /**
   * Returns the class-path resource holding the schema.
   *
   * @return a path under {@code META-INF/motcua/sql/}
   */
  public String schemaResource() {
    return "META-INF/motcua/sql/" + schemaResource;
  }

  /**
   * Detects the dialect of a connection.
   *
   * @param connection an open connection
   * @return the dialect
   * @throws SQLException when the metadata cannot be read
   * @throws ConfigurationException with code {@code sync.outbox.dialect} for another database
   */
  public static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.contains("h2")) {
      return H2;
    }
    if (p.contains("postgres")) {
      return POSTGRESQL;
    }
    throw new ConfigurationException(
        "sync.outbox.dialect",
        "The JDBC outbox supports H2 and PostgreSQL, not " + product + ".",
        null);
  }
}
