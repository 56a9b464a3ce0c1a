package io.github.motcua.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlFileTest {

  @Test
  void splitsASchemaAndRenamesOnlyNamesThatStartWithTheDefaultPrefix() {
    List<String> statements =
        SqlFile.load(SqlFileTest.class, "test-store-h2.sql").statements("app_");
    assertThat(statements)
        .containsExactly(
            "CREATE TABLE IF NOT EXISTS app_thing (\n  id BIGINT NOT NULL,\n"
                + "  note VARCHAR(20) DEFAULT 'motcua_ stays'\n)",
            "CREATE INDEX IF NOT EXISTS app_thing_ix ON app_thing (id)");
  }

  @Test
  void readsNamedStatementsWithoutCommentsOrSemicolons() {
    Map<String, String> named =
        SqlFile.load(SqlFileTest.class, "test-store-statements-h2.sql").named("motcua_");
    assertThat(named)
        .containsOnlyKeys("thing.find", "thing.count")
        .containsEntry("thing.find", "SELECT id FROM motcua_thing\n WHERE id = ?")
        .containsEntry("thing.count", "SELECT COUNT(*) FROM motcua_thing");
  }

  @Test
  void refusesAPrefixThatCouldInjectSql() {
    SqlFile file = SqlFile.load(SqlFileTest.class, "test-store-h2.sql");
    for (String hostile :
        new String[] {"x; DROP TABLE y; --", "App_", "1a_", "a b", "", "a".repeat(31), "a$1_"}) {
      assertThat(TablePrefix.isValid(hostile)).as(hostile).isFalse();
      assertThatThrownBy(() -> file.statements(hostile))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> file.statements(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsAMissingFile() {
    assertThatThrownBy(() -> SqlFile.load(SqlFileTest.class, "no-such-store-h2.sql"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("META-INF/motcua/sql/no-such-store-h2.sql");
  }

  @Test
  void refusesAStatementWithoutAName() {
    SqlFile file = SqlFile.load(SqlFileTest.class, "test-store-h2.sql");
    assertThatThrownBy(() -> file.named("motcua_")).isInstanceOf(IllegalStateException.class);
  }
}
