package io.github.motcua.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.motcua.testkit.Interop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox harnesses leave no table behind, on H2 as on a shared PostgreSQL. */
class BenchmarkTablesTest {

  private static DataSource h2(Path dir) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0");
    return h2;
  }

  private static List<String> tables(DataSource ds, String prefix) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          out.add(name);
        }
      }
    }
    return out;
  }

  @Test
  void dropsTheTablesOfItsPrefixOnlyWithWhatReferencesThem(@TempDir Path dir) throws Exception {
    DataSource ds = h2(dir);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE run1_event (id BIGINT PRIMARY KEY)");
      s.execute("CREATE TABLE run1_delivery (event BIGINT REFERENCES run1_event (id))");
      s.execute("CREATE TABLE run2_event (id BIGINT PRIMARY KEY)");
    }

    assertThat(BenchmarkTables.drop(ds, "run1_")).hasSize(2);

    assertThat(tables(ds, "run1_")).isEmpty();
    assertThat(tables(ds, "run2_")).hasSize(1);
  }

  @Test
  void refusesAPrefixThatIsNotAPlainName(@TempDir Path dir) {
    assertThatThrownBy(() -> BenchmarkTables.drop(h2(dir), "x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix");
  }

  @Test
  void deletesAFolderWithItsFiles(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(folder.resolve("f.txt"), "x");

    BenchmarkTables.deleteFolder(dir.resolve("a"));
    BenchmarkTables.deleteFolder(dir.resolve("a")); // gone already: nothing to do

    assertThat(dir.resolve("a")).doesNotExist();
  }

  @Test
  void theOutboxHarnessesLeaveNoTableInPostgresql() throws Exception {
    String url = Interop.fromSystemProperty().requirePostgres("the benchmarks' PostgreSQL harness");
    try (HikariDataSource ds = new HikariDataSource()) {
      ds.setJdbcUrl(url);
      List<String> before = tables(ds, "bench");
      List<String> rawBefore = tables(ds, "raw");
      PrintStream out = System.out;
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        OutboxThroughput.main(new String[] {"400", url});
        OutboxJdbcBaseline.main(new String[] {"400", url});
      } finally {
        System.setOut(out);
      }

      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("complete: true");
      assertThat(tables(ds, "bench")).containsExactlyInAnyOrderElementsOf(before);
      assertThat(tables(ds, "raw")).containsExactlyInAnyOrderElementsOf(rawBefore);
    }
  }
}
