package io.github.motcua.examples.commune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.testkit.Interop;
import io.github.motcua.testkit.MotcuaSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small quarter with {@code --jdbc-url} on PostgreSQL (where {@code MOTCUA_TEST_POSTGRES_URL} is
 * set, as {@code .ci/run} does; skipped otherwise, failed under {@code
 * -Dmotcua.requireInterop=true}): the outbox, the receipt numbers and the local records live in a
 * schema of their own, created for the test and dropped after it, so that runs do not see one
 * another's tables.
 */
class CommuneSimulationPostgresTest {

  @TempDir Path out;

  private String baseUrl;
  private final String schema =
      "cqtest" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private MotcuaSandbox sandbox;
  private String printed = "";

  @BeforeEach
  void createSchema() throws SQLException {
    baseUrl = Interop.fromSystemProperty().requirePostgres("the commune quarter on PostgreSQL");
    try (Connection c = DriverManager.getConnection(baseUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (sandbox != null) {
      sandbox.close();
    }
    if (baseUrl == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(baseUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private String schemaUrl() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private QuarterResult runQuarter(String... extra) {
    sandbox = CommuneSimulation.sandbox(new SimulatedClock(), 5).start();
    String[] args =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(
                    "--dossiers",
                    "60",
                    "--fault-rate",
                    "0.2",
                    "--seed",
                    "5",
                    "--jdbc-url",
                    schemaUrl(),
                    "--out",
                    out.toString()),
                java.util.stream.Stream.of(extra))
            .toArray(String[]::new);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuarterResult result =
        CommuneSimulation.run(
            QuarterOptions.parse(args),
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            sandbox);
    sandbox.close();
    sandbox = null;
    printed = bytes.toString(StandardCharsets.UTF_8);
    return result;
  }

  @Test
  void aQuarterOnPostgresqlReconcilesAndKeepsItsRecordsInTheGivenSchema() throws SQLException {
    QuarterResult result = runQuarter();

    assertThat(result.reconciliation().problems()).isEmpty();
    assertThat(result.reconciliation().lost()).isZero();
    assertThat(result.reconciliation().duplicated()).isZero();
    assertThat(result.succeeded()).as(printed).isTrue();
    assertThat(result.faultsInjected()).isPositive();
    try (Connection c = DriverManager.getConnection(baseUrl);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + schema + ".cq_dossier")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(60);
    }
    assertThat(out.resolve("commune.mv.db")).doesNotExist();
  }

  @Test
  void aSecondQuarterOnTheSameSchemaStartsFromCleanTables() {
    QuarterResult first = runQuarter();
    assertThat(first.succeeded()).as(printed).isTrue();
    QuarterResult second = runQuarter();

    assertThat(second.succeeded()).as(printed).isTrue();
    assertThat(second.events()).isEqualTo(first.events());
    assertThat(second.receiptsIssued()).isEqualTo(first.receiptsIssued());
    assertThat(schema.toLowerCase(Locale.ROOT)).isEqualTo(schema);
  }
}
