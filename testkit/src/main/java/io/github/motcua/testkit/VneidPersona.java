package io.github.motcua.testkit;

import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fictional account that {@link VneidFake} logs in as: its subject, its assurance level and the
 * userinfo claims it releases, under the national single sign-on's claim names and in the shapes
 * public integrations receive them ({@code SoDinhDanh}, {@code SoCMND}, {@code HoVaTen}, {@code
 * NgayThangNamSinh} as {@code yyyyMMdd}, {@code GioiTinh} as a number, {@code TechID}, ...; see
 * docs/domain.md §5). The named personas are invented people with structurally valid personal
 * identification numbers (checked with {@link PersonalId#parse(String)}) that belong to nobody
 * known.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the handle only.
 */
public final class VneidPersona {

  /** Nguyễn Văn An, born 15 April 1990 in Hà Nội; level 2 citizen with e-mail and tax code. */
  public static final VneidPersona NGUYEN_VAN_AN =
      citizen(
          "nguyen-van-an",
          "4f6a1c1e-0d55-4c43-9a51-6f3c1c0a0001",
          2,
          "001090012345",
          "Nguyễn Văn An",
          "19900415",
          1,
          "0912345678",
          "an.nguyen@example.vn",
          true);

  /** Trần Thị Bình, born 20 February 1985 in Thanh Hóa; level 1 citizen without e-mail. */
  public static final VneidPersona TRAN_THI_BINH =
      citizen(
          "tran-thi-binh",
          "4f6a1c1e-0d55-4c43-9a51-6f3c1c0a0002",
          1,
          "038185004321",
          "Trần Thị Bình",
          "19850220",
          2,
          "0987654321",
          null,
          false);

  /** Lê Hoàng Cường, born 9 September 2003 in Hồ Chí Minh City; level 2 citizen. */
  public static final VneidPersona LE_HOANG_CUONG =
      citizen(
          "le-hoang-cuong",
          "4f6a1c1e-0d55-4c43-9a51-6f3c1c0a0003",
          2,
          "079203001122",
          "Lê Hoàng Cường",
          "20030909",
          1,
          "0901122334",
          "cuong.le@example.vn",
          false);

  /**
   * Hoàng Văn Dũng, born 2 March 1962; an older account that carries only the 9-digit identity card
   * number ({@code SoCMND}), no {@code SoDinhDanh}; level 1 citizen.
   */
  public static final VneidPersona HOANG_VAN_DUNG_CMND_ONLY = cmndOnly();

  /**
   * Vũ Thị Hoa, born 30 June 1995; a level 2 citizen whose {@code MaSoThue} fails its check digit
   * and whose {@code GioiTinh} is a value no table lists (0), as accounts with unverified optional
   * data send them: the login succeeds with warnings.
   */
  public static final VneidPersona VU_THI_HOA_INVALID_TAX_CODE = invalidOptionalClaims();

  /**
   * Công ty TNHH Thương mại Sen Vàng (a fictional company, tax code 0109124451), represented by
   * Phạm Minh Đức; level 2 organisation account.
   */
  public static final VneidPersona SEN_VANG_COMPANY = organisation();

  private final String handle;
  private final String subject;
  private final int level;
  private final Map<String, Object> claims;

  private VneidPersona(String handle, String subject, int level, Map<String, Object> claims) {
    this.handle = Objects.requireNonNull(handle, "handle");
    this.subject = Objects.requireNonNull(subject, "subject");
    if (level != 1 && level != 2) {
      throw new IllegalArgumentException("level is 1 or 2");
    }
    this.level = level;
    this.claims = Map.copyOf(claims);
  }

  private static VneidPersona citizen(
      String handle,
      String subject,
      int level,
      String personalId,
      String fullName,
      String dateOfBirth,
      int sex,
      String phone,
      String email,
      boolean taxCode) {
    String id = PersonalId.parse(personalId).value();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("SoDinhDanh", id);
    claims.put("HoVaTen", fullName);
    claims.put("NgayThangNamSinh", dateOfBirth);
    claims.put("GioiTinh", sex);
    claims.put("SoDienThoai", phone);
    if (email != null) {
      claims.put("ThuDienTu", email);
    }
    if (taxCode) {
      claims.put("MaSoThue", TaxCode.parse(id).value());
    }
    claims.put("LoaiTaiKhoan", "1");
    claims.put("TechID", techId(subject));
    claims.put("loginIdp", "VNeID");
    return new VneidPersona(handle, subject, level, claims);
  }

  /** A portal account id shaped like a GUID, derived from the subject so it is stable. */
  private static String techId(String subject) {
    return "8c1e" + subject.substring(4);
  }

  private static VneidPersona cmndOnly() {
    String subject = "4f6a1c1e-0d55-4c43-9a51-6f3c1c0a0004";
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("SoCMND", "012345678");
    claims.put("HoVaTen", "Hoàng Văn Dũng");
    claims.put("NgayThangNamSinh", "19620302");
    claims.put("GioiTinh", 1);
    claims.put("SoDienThoai", "0913000111");
    claims.put("LoaiTaiKhoan", "1");
    claims.put("TechID", techId(subject));
    claims.put("loginIdp", "DVCQG");
    return new VneidPersona("hoang-van-dung-cmnd-only", subject, 1, claims);
  }

  private static VneidPersona invalidOptionalClaims() {
    String subject = "4f6a1c1e-0d55-4c43-9a51-6f3c1c0a0005";
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("SoDinhDanh", PersonalId.parse("001195007788").value());
    claims.put("HoVaTen", "Vũ Thị Hoa");
    claims.put("NgayThangNamSinh", "19950630");
    claims.put("GioiTinh", 0);
    claims.put("SoDienThoai", "0934555666");
    // Ten digits whose check digit is wrong (0314409058 is valid; ...059 is not).
    claims.put("MaSoThue", "0314409059");
    claims.put("LoaiTaiKhoan", "1");
    claims.put("TechID", techId(subject));
    claims.put("loginIdp", "VNeID");
    return new VneidPersona("vu-thi-hoa-invalid-tax-code", subject, 2, claims);
  }

  private static VneidPersona organisation() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("SoDinhDanh", PersonalId.parse("001080005678").value());
    claims.put("HoVaTen", "Phạm Minh Đức");
    claims.put("NgayThangNamSinh", "19800312");
    claims.put("GioiTinh", 1);
    claims.put("SoDienThoai", "0243123456");
    claims.put("ThuDienTu", "lienhe@senvang.example.vn");
    claims.put("LoaiTaiKhoan", "2");
    claims.put("MaSoDoanhNghiep", TaxCode.parse("0109124451").value());
    claims.put("TenDoanhNghiep", "Công ty TNHH Thương mại Sen Vàng");
    claims.put("TechID", "8c1e1c1e-0d55-4c43-9a51-6f3c1c0a0010");
    claims.put("loginIdp", "VNeID");
    return new VneidPersona("sen-vang-company", "4f6a1c1e-0d55-4c43-9a51-6f3c1c0a0010", 2, claims);
  }

  /**
   * Creates a persona with arbitrary claims, for tests of unusual or hostile claim values.
   *
   * @param handle a name for test output
   * @param subject the {@code sub}
   * @param level the assurance level, 1 or 2
   * @param claims the userinfo claims (besides {@code sub} and {@code loAs})
   * @return the persona
   */
  public static VneidPersona custom(
      String handle, String subject, int level, Map<String, Object> claims) {
    return new VneidPersona(handle, subject, level, claims);
  }

  /**
   * Returns the handle, such as {@code nguyen-van-an}.
   *
   * @return the handle
   */
  public String handle() {
    return handle;
  }

  /**
   * Returns the subject identifier the fake issues for this persona.
   *
   * @return the {@code sub}
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the assurance level, 1 or 2; sent as {@code acr} {@code LoA1} / {@code LoA2}.
   *
   * @return the level
   */
  public int level() {
    return level;
  }

  /**
   * Returns the userinfo claims, without {@code sub} and {@code loAs}.
   *
   * @return the claims
   */
  public Map<String, Object> claims() {
    return claims;
  }

  /**
   * Returns the personal ID claim, for assertions.
   *
   * @return the 12 digits, or null for a custom persona without one
   */
  public String personalId() {
    Object v = claims.get("SoDinhDanh");
    return v == null ? null : v.toString();
  }

  @Override
  public String toString() {
    return "VneidPersona[" + handle + ", level " + level + "]";
  }
}
