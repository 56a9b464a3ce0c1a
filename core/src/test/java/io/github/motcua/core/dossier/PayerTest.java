package io.github.motcua.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one payer: validated at construction, masked in toString(). */
class PayerTest {

  private static final PersonalId ID = PersonalId.parse("038203001234");
  private static final TaxCode TAX = TaxCode.parse("0100109106");

  @Test
  void stripsAndKeepsEveryField() {
    Payer p = Payer.of("  Nguyễn Văn An ", ID, TAX, "  Số 1, xã Quảng Phú ");

    assertThat(p.name()).isEqualTo("Nguyễn Văn An");
    assertThat(p.personalId()).contains(ID);
    assertThat(p.taxCode()).contains(TAX);
    assertThat(p.address()).contains("Số 1, xã Quảng Phú");
    assertThat(Payer.named("An", "  ").address()).isEmpty();
    assertThat(p).isEqualTo(Payer.of("Nguyễn Văn An", ID, TAX, "Số 1, xã Quảng Phú"));
  }

  @Test
  void toStringMasksTheNameAndIdentifiersAndLeavesTheAddressOut() {
    String text = Payer.person("Nguyễn Văn An", ID, "Số 1 Thôn Đông").toString();

    assertThat(text)
        .contains("N* V* A*", "038******234")
        .doesNotContain("Nguyễn", "038203001234", "Thôn Đông");
  }

  @Test
  void comesFromADossiersApplicant() {
    Applicant a =
        Applicant.citizen("Nguyễn Văn An", ID)
            .withContact(new Contact(Optional.empty(), Optional.empty(), Optional.of("Số 1")));

    assertThat(Payer.of(a)).isEqualTo(Payer.person("Nguyễn Văn An", ID, "Số 1"));
    assertThat(Payer.of(Applicant.enterprise("Công ty Bình An", TAX)))
        .isEqualTo(Payer.organisation("Công ty Bình An", TAX, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "An\u0007", "An\uD800", "An\uDC00b", "An\uFFFF"})
  void refusesABadNameWithAStableCode(String name) {
    assertThatThrownBy(() -> Payer.named(name))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("dossier.invalid");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("name");
                        assertThat(v.code()).isIn("blank", "characters");
                      });
              assertThat(e.getMessage()).doesNotContain("An");
            });
  }

  @Test
  void countsLengthsInCodePoints() {
    String astral = "𠀀".repeat(Payer.MAX_NAME);
    assertThat(Payer.named(astral).name()).isEqualTo(astral);
    assertThatThrownBy(() -> Payer.named(astral + "𠀀"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations()).extracting(Violation::code).containsExactly("too-long"));
    assertThatThrownBy(() -> Payer.named("An", "x".repeat(Payer.MAX_ADDRESS + 1)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("address"));
  }

  @Test
  void refusesMissingValues() {
    assertThatThrownBy(() -> Payer.named(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Payer.person("An", null, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("personalId"));
    assertThatThrownBy(() -> Payer.organisation("An", null, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("taxCode"));
  }

  @Test
  void feeKindsCarryTheirNationalCodesAndNames() {
    assertThat(Fee.Kind.fromNationalCode(1)).isEqualTo(Fee.Kind.FEE);
    assertThat(Fee.Kind.fromNationalCode(2).vietnameseName()).isEqualTo("Lệ phí");
    assertThatThrownBy(() -> Fee.Kind.fromNationalCode(3))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("unknown"));
  }
}
