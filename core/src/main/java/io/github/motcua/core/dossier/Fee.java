package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.money.Vnd;

/**
 * A fee or charge (phí, lệ phí) due for a dossier (DanhSachLePhi).
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind fee or charge (LoaiPhiLePhi); not null
 * @param code the fee's code (MaPhiLePhi), at most 500 characters; not null
 * @param name the fee's name (TenPhiLePhi), at most 500 characters; not null
 * @param amount the amount (Gia), zero or more; not null
 * @param stage when it is collected (HinhThucThu); not null
 */
public record Fee(Kind kind, String code, String name, Vnd amount, CollectionStage stage) {

  /** Fee or charge, with the national codes. */
  public enum Kind {
    /** A fee (phí), code 1: pays for a service. */
    FEE(1),
    /** A charge (lệ phí), code 2: collected for a state management act. */
    CHARGE(2);

    private final int nationalCode;

    Kind(int nationalCode) {
      this.nationalCode = nationalCode;
    }

    /**
     * Returns the national code.
     *
     * @return 1 or 2
     */
    public int nationalCode() {
      return nationalCode;
    }
  }

  /** When a fee is collected (HinhThucThu), with the codes of a ministry's published catalogue. */
  public enum CollectionStage {
    /** At reception (khi nộp hồ sơ), code 1. */
    AT_RECEPTION(1),
    /** When supplementing the dossier (khi bổ sung), code 2. */
    AT_SUPPLEMENT(2),
    /** When the result is handed over (khi trả kết quả), code 4. */
    AT_RESULT(4);

    private final int nationalCode;

    CollectionStage(int nationalCode) {
      this.nationalCode = nationalCode;
    }

    /**
     * Returns the catalogue code.
     *
     * @return 1, 2 or 4
     */
    public int nationalCode() {
      return nationalCode;
    }
  }

  /**
   * Validates the fee.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public Fee {
    Checks c = new Checks("Fee");
    c.required("kind", kind);
    c.text("code", code, Checks.SHORT_TEXT);
    c.text("name", name, Checks.SHORT_TEXT);
    if (c.required("amount", amount)) {
      c.that(!amount.isNegative(), "amount", "range", "is zero or more.");
    }
    c.required("stage", stage);
    c.throwIfAny();
  }
}
