package io.github.motcua.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.id.ProcedureCode;
import org.junit.jupiter.api.Test;

/** The procedure's processing time limit in canonical JSON. */
class ProcessingTimeJsonTest {

  private static final ProcedureRef WITH_LIMIT =
      new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch")
          .withProcessingTime(ProcessingTime.ofWorkingDays(3));

  @Test
  void processingTimeIsWrittenAsTextAndReadBack() throws Exception {
    String json = MotcuaJson.mapper().writeValueAsString(WITH_LIMIT);
    assertThat(json).contains("\"processingTime\":\"3 working days\"");
    assertThat(MotcuaJson.mapper().readValue(json, ProcedureRef.class)).isEqualTo(WITH_LIMIT);
  }

  @Test
  void procedureWithoutLimitHasNoProcessingTimeField() throws Exception {
    ProcedureRef none =
        new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch");
    String json = MotcuaJson.mapper().writeValueAsString(none);
    assertThat(json).doesNotContain("processingTime");
    assertThat(MotcuaJson.mapper().readValue(json, ProcedureRef.class)).isEqualTo(none);
  }

  @Test
  void malformedProcessingTimeIsReportedWithItsPath() {
    String json =
        "{\"code\":\"1.001193\",\"name\":\"x\",\"fieldCode\":\"HT\",\"fieldName\":\"y\","
            + "\"processingTime\":\"three days\"}";
    assertThatThrownBy(() -> MotcuaJson.mapper().readValue(json, ProcedureRef.class))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .anySatisfy(
                        v -> {
                          assertThat(v.path()).isEqualTo("$.processingTime");
                          assertThat(v.code()).isEqualTo("processing-time.format");
                        }));
  }
}
