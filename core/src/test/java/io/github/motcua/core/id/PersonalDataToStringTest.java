package io.github.motcua.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Identifier types that hold personal data never print it whole. */
class PersonalDataToStringTest {

  static IntStream seeds() {
    return IntStream.range(0, 500);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void personalIdsAndPersonalTaxCodesPrintMasked(int seed) {
    Random random = new Random(seed);
    String value =
        String.format("%03d", random.nextInt(100))
            + random.nextInt(2)
            + String.format("%02d", random.nextInt(100))
            + String.format("%06d", random.nextInt(1_000_000));
    PersonalId id = PersonalId.parse(value);
    TaxCode taxCode = TaxCode.parse(value);
    for (Object holder : new Object[] {id, taxCode}) {
      assertThat(holder.toString())
          .doesNotContain(value)
          .doesNotContain(value.substring(3, 9))
          .hasSize(12)
          .startsWith(value.substring(0, 3))
          .endsWith(value.substring(9));
    }
    assertThat(String.valueOf(taxCode.personalId())).doesNotContain(value);
  }
}
