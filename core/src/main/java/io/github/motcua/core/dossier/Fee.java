package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.money.Vnd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fee or charge (phí, lệ phí) due for a dossier (DanhSachLePhi): the one fee line of motcua, used
 * by the dossier, the payment order ({@code PaymentRequest}) and the e-receipt ({@code
 * ReceiptRequest}). What only one of them needs (a receipt's line numbers, the payment platform's
 * stricter lengths) lives in its mapping, not in another type.
 *
 * <p><b>A fee is due once.</b> Its identity is its {@link #code()} (MaPhiLePhi, the code in the
 * procedure's fee list): a dossier lists each code at most once, and a later event that lists the
 * same code changes that fee (before it is paid) instead of adding it again. See {@link
 * DossierLifecycle} for the rule and docs/domain.md for its source.
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
    FEE(1, "Phí"),
    /** A charge (lệ phí), code 2: collected for a state management act. */
    CHARGE(2, "Lệ phí");

    private final int nationalCode;
    private final String vietnameseName;

    Kind(int nationalCode, String vietnameseName) {
      this.nationalCode = nationalCode;
      this.vietnameseName = vietnameseName;
    }

    /**
     * Returns the Vietnamese name printed on receipts.
     *
     * @return {@code Phí} or {@code Lệ phí}
     */
    public String vietnameseName() {
      return vietnameseName;
    }

    /**
     * Returns the kind with a national code (LoaiPhiLePhi).
     *
     * @param code 1 or 2
     * @return the kind
     * @throws InvalidInputException for any other code (violation {@code kind} / {@code unknown})
     */
    public static Kind fromNationalCode(int code) {
      for (Kind k : values()) {
        if (k.nationalCode == code) {
          return k;
        }
      }
      throw new Checks("Fee").add("kind", "unknown", "is 1 (fee) or 2 (charge).").exception();
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

  /**
   * Returns a fee (phí) collected when the dossier is handed in ({@link
   * CollectionStage#AT_RECEPTION}, the usual case; use the constructor for another stage).
   *
   * @param code the fee's code
   * @param name the fee's name
   * @param amount the amount
   * @return the fee
   * @throws InvalidInputException listing every broken rule
   */
  public static Fee fee(String code, String name, Vnd amount) {
    return new Fee(Kind.FEE, code, name, amount, CollectionStage.AT_RECEPTION);
  }

  /**
   * Returns a charge (lệ phí) collected when the dossier is handed in ({@link
   * CollectionStage#AT_RECEPTION}; use the constructor for another stage).
   *
   * @param code the charge's code
   * @param name the charge's name
   * @param amount the amount
   * @return the charge
   * @throws InvalidInputException listing every broken rule
   */
  public static Fee charge(String code, String name, Vnd amount) {
    return new Fee(Kind.CHARGE, code, name, amount, CollectionStage.AT_RECEPTION);
  }

  /**
   * Tells whether another line is the same fee: the same {@link #code()}, whatever its amount.
   *
   * @param other the other line; not null
   * @return true when both have the same code
   */
  public boolean isSameFee(Fee other) {
    return code.equals(other.code);
  }

  /**
   * Returns the lines with each fee once: a later line with the same {@link #code()} replaces an
   * earlier one, in the earlier one's position. This reads a list written before the rule "a fee is
   * due once" existed, where a repeated fee was listed twice.
   *
   * @param fees the lines, in order; not null, no null element
   * @return an unmodifiable list with distinct codes
   */
  public static List<Fee> oncePerCode(List<Fee> fees) {
    Map<String, Fee> byCode = new LinkedHashMap<>();
    for (Fee f : fees) {
      byCode.put(f.code(), f);
    }
    return List.copyOf(new ArrayList<>(byCode.values()));
  }
}
