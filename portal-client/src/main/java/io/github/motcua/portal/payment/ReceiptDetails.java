package io.github.motcua.portal.payment;

/**
 * What the payment platform prints on its bill besides the payer and the fees: the procedure and
 * public service, the collecting agency and the beneficiary account ({@code ThongTinBienLai} fields
 * {@code MaTTHC, TenTTHC, MaDVC, TenDVC, MaDonVi, TenDonVi, TKThuHuong, MaNHThuHuong,
 * TenTKThuHuong}; docs/domain.md §8). Public code fills each with empty text when unknown; so does
 * this record.
 *
 * @param procedureCode {@code MaTTHC}, the procedure's code in the national catalogue
 * @param procedureName {@code TenTTHC}
 * @param serviceCode {@code MaDVC}, the public service's code
 * @param serviceName {@code TenDVC}
 * @param agencyCode {@code MaDonVi}, the collecting agency's code
 * @param agencyName {@code TenDonVi}
 * @param beneficiaryAccount {@code TKThuHuong}, the account the fees are paid into
 * @param beneficiaryBank {@code MaNHThuHuong}, that account's bank
 * @param beneficiaryName {@code TenTKThuHuong}, that account's name
 */
public record ReceiptDetails(
    String procedureCode,
    String procedureName,
    String serviceCode,
    String serviceName,
    String agencyCode,
    String agencyName,
    String beneficiaryAccount,
    String beneficiaryBank,
    String beneficiaryName) {

  private static final ReceiptDetails EMPTY =
      new ReceiptDetails("", "", "", "", "", "", "", "", "");

  /** Replaces null by empty text. */
  public ReceiptDetails {
    procedureCode = text(procedureCode);
    procedureName = text(procedureName);
    serviceCode = text(serviceCode);
    serviceName = text(serviceName);
    agencyCode = text(agencyCode);
    agencyName = text(agencyName);
    beneficiaryAccount = text(beneficiaryAccount);
    beneficiaryBank = text(beneficiaryBank);
    beneficiaryName = text(beneficiaryName);
  }

  /**
   * Returns details with every field empty.
   *
   * @return the empty details
   */
  public static ReceiptDetails empty() {
    return EMPTY;
  }

  /**
   * Returns details naming the procedure and its public service.
   *
   * @param procedureCode {@code MaTTHC}
   * @param procedureName {@code TenTTHC}
   * @param serviceCode {@code MaDVC}
   * @param serviceName {@code TenDVC}
   * @return the details, other fields empty
   */
  public static ReceiptDetails procedure(
      String procedureCode, String procedureName, String serviceCode, String serviceName) {
    return new ReceiptDetails(
        procedureCode, procedureName, serviceCode, serviceName, "", "", "", "", "");
  }

  /**
   * Returns a copy naming the collecting agency.
   *
   * @param code {@code MaDonVi}
   * @param name {@code TenDonVi}
   * @return the new details
   */
  public ReceiptDetails withAgency(String code, String name) {
    return new ReceiptDetails(
        procedureCode,
        procedureName,
        serviceCode,
        serviceName,
        code,
        name,
        beneficiaryAccount,
        beneficiaryBank,
        beneficiaryName);
  }

  /**
   * Returns a copy naming the beneficiary account.
   *
   * @param account {@code TKThuHuong}
   * @param bank {@code MaNHThuHuong}
   * @param name {@code TenTKThuHuong}
   * @return the new details
   */
  public ReceiptDetails withBeneficiary(String account, String bank, String name) {
    return new ReceiptDetails(
        procedureCode,
        procedureName,
        serviceCode,
        serviceName,
        agencyCode,
        agencyName,
        account,
        bank,
        name);
  }

  /**
   * Fills this record's empty fields from other details.
   *
   * @param defaults the details to take empty fields from
   * @return the merged details
   */
  public ReceiptDetails orElse(ReceiptDetails defaults) {
    return new ReceiptDetails(
        or(procedureCode, defaults.procedureCode),
        or(procedureName, defaults.procedureName),
        or(serviceCode, defaults.serviceCode),
        or(serviceName, defaults.serviceName),
        or(agencyCode, defaults.agencyCode),
        or(agencyName, defaults.agencyName),
        or(beneficiaryAccount, defaults.beneficiaryAccount),
        or(beneficiaryBank, defaults.beneficiaryBank),
        or(beneficiaryName, defaults.beneficiaryName));
  }

  private static String or(String a, String b) {
    return a.isEmpty() ? b : a;
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }
}
