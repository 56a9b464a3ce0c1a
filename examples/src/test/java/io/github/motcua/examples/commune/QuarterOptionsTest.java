package io.github.motcua.examples.commune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.MotcuaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line of the commune quarter: defaults, both spellings, and hostile input. */
class QuarterOptionsTest {

  @TempDir Path dir;

  @Test
  void noOptionsGiveTheFoundingStorysQuarter() {
    QuarterOptions o = QuarterOptions.parse("--out", dir.toString());
    assertThat(o.dossiers()).isEqualTo(1873);
    assertThat(o.online()).isEqualTo(1871);
    assertThat(o.faultRate()).isEqualTo(0.1);
    assertThat(o.seed()).isEqualTo(1873);
    assertThat(o.jdbcUrl()).isNull();
    assertThat(o.out()).isEqualTo(dir);
  }

  @Test
  void bothSpellingsAndThousandsSeparatorsAreRead() {
    QuarterOptions o =
        QuarterOptions.parse(
            "--dossiers=1,000",
            "--online-share",
            "0.5",
            "--fault-rate= 0.2 ",
            "--seed",
            "-7",
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1:5432/motcua",
            "--out=" + dir);
    assertThat(o.dossiers()).isEqualTo(1000);
    assertThat(o.online()).isEqualTo(500);
    assertThat(o.faultRate()).isEqualTo(0.2);
    assertThat(o.seed()).isEqualTo(-7);
    assertThat(o.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/motcua");
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of(new String[] {"--dossiers"}, "quarter.dossiers"),
        Arguments.of(new String[] {"--dossiers", "--seed", "3"}, "quarter.dossiers"),
        Arguments.of(new String[] {"--dossiers="}, "quarter.dossiers"),
        Arguments.of(new String[] {"--dossiers", "   "}, "quarter.dossiers"),
        Arguments.of(new String[] {"--dossiers", "0"}, "quarter.dossiers"),
        Arguments.of(new String[] {"--dossiers", "-5"}, "quarter.dossiers"),
        Arguments.of(new String[] {"--dossiers", "1e3"}, "quarter.dossiers"),
        Arguments.of(new String[] {"--dossiers", "99999999999"}, "quarter.dossiers"),
        Arguments.of(new String[] {"--dossiers", "1000001"}, "quarter.dossiers"),
        Arguments.of(new String[] {"--dossiers", "12", "--dossiers", "13"}, "quarter.dossiers"),
        Arguments.of(new String[] {"--online-share", "1.5"}, "quarter.online-share"),
        Arguments.of(new String[] {"--online-share", "-0.1"}, "quarter.online-share"),
        Arguments.of(new String[] {"--online-share", "NaN"}, "quarter.online-share"),
        Arguments.of(new String[] {"--online-share", "half"}, "quarter.online-share"),
        Arguments.of(new String[] {"--fault-rate", "0.95"}, "quarter.fault-rate"),
        Arguments.of(new String[] {"--fault-rate", "Infinity"}, "quarter.fault-rate"),
        Arguments.of(new String[] {"--fault-rate", "NaN"}, "quarter.fault-rate"),
        Arguments.of(new String[] {"--fault-rate", "10%"}, "quarter.fault-rate"),
        Arguments.of(new String[] {"--seed", "0x10"}, "quarter.seed"),
        Arguments.of(new String[] {"--seed", "18446744073709551616"}, "quarter.seed"),
        Arguments.of(new String[] {"--jdbc-url", "jdbc:h2:mem:x"}, "quarter.jdbc-url"),
        Arguments.of(new String[] {"--jdbc-url", "jdbc:postgresql://"}, "quarter.jdbc-url"),
        Arguments.of(
            new String[] {"--jdbc-url", "jdbc:postgresql://h/db\u0000"}, "quarter.jdbc-url"),
        Arguments.of(new String[] {"--out", ""}, "quarter.out"),
        Arguments.of(new String[] {"--out", "bad\u0000name"}, "quarter.out"),
        Arguments.of(new String[] {"--dossier", "5"}, "quarter.option"),
        Arguments.of(new String[] {"dossiers", "5"}, "quarter.option"),
        Arguments.of(new String[] {"--", "5"}, "quarter.option"),
        Arguments.of(new String[] {"--=5"}, "quarter.option"),
        Arguments.of(new String[] {"--DOSSIERS", "5"}, "quarter.option"));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostileCommandLinesAreRefusedWithACodeNamingTheOption(String[] args, String code) {
    assertThatThrownBy(() -> QuarterOptions.parse(args))
        .isInstanceOfSatisfying(MotcuaException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void anOutputFolderThatIsAFileIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    assertThatThrownBy(() -> QuarterOptions.parse("--out", file.toString()))
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("quarter.out"));
  }

  @Test
  void anUnknownOptionIsShownShortAndWithoutControlCharacters() {
    String evil = "--x\u001b[2J" + "y".repeat(200);
    assertThatThrownBy(() -> QuarterOptions.parse(evil, "1"))
        .isInstanceOf(MotcuaException.class)
        .hasMessageNotContaining("\u001b")
        .hasMessageNotContaining("y".repeat(100));
  }

  @Test
  void theDatabasePasswordNeverShowsInTheOptionsText() {
    QuarterOptions o =
        QuarterOptions.parse(
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1/motcua?user=motcua&password=s3cr3t&ssl=false",
            "--out",
            dir.toString());
    assertThat(o.toString()).doesNotContain("s3cr3t").contains("password=***").contains("ssl");
  }
}
