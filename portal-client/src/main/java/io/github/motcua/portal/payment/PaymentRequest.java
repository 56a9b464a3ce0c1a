package io.github.motcua.portal.payment;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.money.Vnd;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A payment order for a dossier's fees: what {@link PaymentPlatformClient#initiate(PaymentRequest)}
 * sends to the payment platform of the National Public Service Portal.
 *
 * <p>The reference ({@code MaThamChieu}) has exactly 20 characters (letters and digits) and must be
 * unique per partner; {@link PaymentPlatformClient#newReference()} makes one. The amount is the sum
 * of the fee items. The order is what a later callback is checked against.
 *
 * <p>The items are the dossier's own {@link Fee} lines; the order adds two rules of its own: each
 * amount is more than zero đồng, and each fee code appears once (a fee is due once).
 *
 * @param reference the partner's 20-character order reference
 * @param dossierCode the dossier the fees belong to
 * @param items the fee lines, at least one, each with a positive amount and its own code
 * @param payer who pays
 * @param description the transaction description ({@code ThongTinGiaoDich}), without personal data
 * @param payerIp the IP address sent as {@code Ip}, or null for the client's own address (public
 *     code sends the partner server's address)
 * @param bankCode a preselected bank ({@code MaNganHang}), or null to let the payer choose
 * @param receipt the procedure, agency and beneficiary printed on the platform's bill ({@code
 *     ThongTinBienLai}); empty fields are taken from the client's defaults
 */
public record PaymentRequest(
    String reference,
    DossierCode dossierCode,
    List<Fee> items,
    Payer payer,
    String description,
    String payerIp,
    String bankCode,
    ReceiptDetails receipt) {

  /**
   * Validates the order.
   *
   * @throws InvalidInputException with code {@code payment.reference}, {@code payment.items},
   *     {@code payment.fee-item} (an amount of zero, or a fee code listed twice: the message names
   *     the code), {@code payment.dossier}, {@code payment.payer} or {@code payment.description}
   */
  public PaymentRequest {
    if (reference == null
        || reference.length() != 20
        || !reference.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
      throw new InvalidInputException(
          "payment.reference", "A payment reference is exactly 20 ASCII letters or digits.");
    }
    if (dossierCode == null) {
      throw new InvalidInputException("payment.dossier", "A payment order names its dossier.");
    }
    if (items == null || items.isEmpty() || items.stream().anyMatch(java.util.Objects::isNull)) {
      throw new InvalidInputException(
          "payment.items", "A payment order has at least one fee item.");
    }
    items = List.copyOf(items);
    Set<String> codes = new HashSet<>();
    for (Fee item : items) {
      if (item.amount().amount() <= 0) {
        throw new InvalidInputException(
            "payment.fee-item", "The fee " + item.code() + "'s amount must be positive.");
      }
      if (!codes.add(item.code())) {
        throw new InvalidInputException(
            "payment.fee-item", "The fee " + item.code() + " is listed twice; a fee is due once.");
      }
    }
    if (payer == null) {
      throw new InvalidInputException("payment.payer", "A payment order names its payer.");
    }
    if (description == null || description.isBlank()) {
      throw new InvalidInputException(
          "payment.description", "A payment order has a description (ThongTinGiaoDich).");
    }
    if (description.contains("|")) {
      throw new InvalidInputException(
          "payment.description",
          "The description must not contain '|', the checksum's field separator.");
    }
    if (payerIp != null && payerIp.contains("|")) {
      throw new SecurityRefusalException("payment.ip", "An IP address must not contain '|'.");
    }
    if (bankCode != null && bankCode.contains("|")) {
      throw new InvalidInputException("payment.bank-code", "A bank code must not contain '|'.");
    }
    if (receipt == null) {
      receipt = ReceiptDetails.empty();
    }
    amountOf(items);
  }

  /**
   * Creates an order without receipt details.
   *
   * @param reference the 20-character reference
   * @param dossierCode the dossier
   * @param items the fee items
   * @param payer the payer
   * @param description the description
   * @param payerIp the IP address sent as {@code Ip}, or null for the client's
   * @param bankCode the preselected bank, or null
   */
  public PaymentRequest(
      String reference,
      DossierCode dossierCode,
      List<Fee> items,
      Payer payer,
      String description,
      String payerIp,
      String bankCode) {
    this(reference, dossierCode, items, payer, description, payerIp, bankCode, null);
  }

  /**
   * Returns a copy with receipt details.
   *
   * @param details the procedure, agency and beneficiary
   * @return the new order
   */
  public PaymentRequest withReceipt(ReceiptDetails details) {
    return new PaymentRequest(
        reference, dossierCode, items, payer, description, payerIp, bankCode, details);
  }

  /**
   * Creates an order without IP address or preselected bank.
   *
   * @param reference the 20-character reference
   * @param dossierCode the dossier
   * @param items the fee items
   * @param payer the payer
   * @param description the description
   * @return the order
   */
  public static PaymentRequest of(
      String reference, DossierCode dossierCode, List<Fee> items, Payer payer, String description) {
    return new PaymentRequest(reference, dossierCode, items, payer, description, null, null);
  }

  /**
   * Returns the amount to pay: the sum of the items.
   *
   * @return the total
   */
  public Vnd amount() {
    return amountOf(items);
  }

  private static Vnd amountOf(List<Fee> items) {
    Vnd total = Vnd.ZERO;
    for (Fee item : Objects.requireNonNull(items)) {
      total = total.plus(item.amount());
    }
    return total;
  }
}
