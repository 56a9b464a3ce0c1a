package io.github.motcua.testkit;

import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fictional account that {@link VneidFake} logs in as: its subject, its assurance level and the
 * userinfo claims it releases, under the national single sign-on's claim names ({@code SoDinhDanh},
 * {@code HoVaTen}, {@code NgayThangNamSinh}, ...). The named personas are invented people with
 * structurally valid personal identification numbers (checked with {@link
 * PersonalId#parse(String)}) that belong to nobody known.
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
          "Nam",
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
          "Nữ",
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
          "Nam",
          "0901122334",
          "cuong.le@example.vn",
          false);

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
      String sex,
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
    claims.put("TechID", "tech-" + handle);
    claims.put("loginIdp", "VNeID");
    return new VneidPersona(handle, subject, level, claims);
  }

  private static VneidPersona organisation() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("SoDinhDanh", PersonalId.parse("001080005678").value());
    claims.put("HoVaTen", "Phạm Minh Đức");
    claims.put("NgayThangNamSinh", "19800312");
    claims.put("GioiTinh", "Nam");
    claims.put("SoDienThoai", "0243123456");
    claims.put("ThuDienTu", "lienhe@senvang.example.vn");
    claims.put("LoaiTaiKhoan", "2");
    claims.put("MaSoDoanhNghiep", TaxCode.parse("0109124451").value());
    claims.put("TenDoanhNghiep", "Công ty TNHH Thương mại Sen Vàng");
    claims.put("TechID", "tech-sen-vang");
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
