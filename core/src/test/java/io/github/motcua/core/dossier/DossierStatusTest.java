package io.github.motcua.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DossierStatusTest {

  @Test
  void statusesAreInNationalCodeOrderWithTheNationalNames() {
    assertThat(Arrays.stream(DossierStatus.values()).map(DossierStatus::nationalCode))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(Arrays.stream(DossierStatus.values()).map(DossierStatus::vietnameseName))
        .containsExactly(
            "Mới đăng ký",
            "Được tiếp nhận",
            "Không được tiếp nhận",
            "Đang xử lý",
            "Yêu cầu bổ sung giấy tờ",
            "Yêu cầu thực hiện nghĩa vụ tài chính",
            "Công dân yêu cầu rút hồ sơ",
            "Dừng xử lý",
            "Đã xử lý xong",
            "Đã trả kết quả");
  }

  @Test
  void fromNationalCodeFindsEveryStatus() {
    for (DossierStatus status : DossierStatus.values()) {
      assertThat(DossierStatus.fromNationalCode(status.nationalCode())).isEqualTo(status);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 11, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void fromNationalCodeRejectsOtherNumbers(int code) {
    assertThatThrownBy(() -> DossierStatus.fromNationalCode(code))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("range"));
  }

  @Test
  void exactlyRefusedWithdrawnStoppedAndReturnedAreTerminal() {
    assertThat(Arrays.stream(DossierStatus.values()).filter(DossierStatus::isTerminal))
        .containsExactly(
            DossierStatus.REFUSED,
            DossierStatus.WITHDRAWN,
            DossierStatus.STOPPED,
            DossierStatus.RETURNED);
  }

  @Test
  void nationalCodesOfTheOtherVocabulariesMatchTheDomainNotes() {
    assertThat(Arrays.stream(Applicant.Kind.values()).map(Applicant.Kind::nationalCode))
        .containsExactly(1, 2, 3, 4);
    assertThat(Arrays.stream(Fee.Kind.values()).map(Fee.Kind::nationalCode)).containsExactly(1, 2);
    assertThat(Arrays.stream(Fee.CollectionStage.values()).map(Fee.CollectionStage::nationalCode))
        .containsExactly(1, 2, 4);
    assertThat(
            Arrays.stream(DossierDocument.CopyKind.values())
                .map(DossierDocument.CopyKind::nationalCode))
        .containsExactly(0, 1, 2);
  }
}
