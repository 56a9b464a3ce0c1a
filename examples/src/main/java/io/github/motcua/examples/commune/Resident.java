package io.github.motcua.examples.commune;

import io.github.motcua.core.id.PersonalId;
import io.github.motcua.testkit.VneidPersona;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A fictional resident of the commune: a structurally valid personal ID (birth registered in Thanh
 * Hóa, code 038), a Vietnamese name, and the VNeID persona the identity fake logs them in as.
 *
 * @param index the resident's number in the population
 * @param name the full name
 * @param personalId the personal identification number
 * @param birthDate the date of birth
 * @param female the sex
 * @param phone a mobile number
 * @param address the hamlet they live in
 */
record Resident(
    int index,
    String name,
    PersonalId personalId,
    LocalDate birthDate,
    boolean female,
    String phone,
    String address) {

  private static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Trịnh", "Mai"
  };
  private static final String[] MIDDLE_MALE = {"Văn", "Đức", "Minh", "Hữu", "Quang", "Xuân"};
  private static final String[] MIDDLE_FEMALE = {"Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Kim"};
  private static final String[] GIVEN_MALE = {
    "An", "Bình", "Cường", "Dũng", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Thắng",
    "Tuấn", "Việt"
  };
  private static final String[] GIVEN_FEMALE = {
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Ngân", "Phương",
    "Thảo", "Trang", "Yến"
  };
  private static final String[] HAMLETS = {
    "Thôn Phú Lộc", "Thôn Đông", "Thôn Tây", "Thôn Trung Hòa", "Thôn Yên Vực", "Thôn Văn Phú"
  };

  /**
   * Draws a population of residents.
   *
   * @param count how many
   * @param random the seeded generator
   * @return the residents, with distinct personal IDs
   */
  static List<Resident> population(int count, Random random) {
    List<Resident> out = new ArrayList<>(count);
    java.util.Set<String> ids = new java.util.HashSet<>();
    while (out.size() < count) {
      boolean female = random.nextBoolean();
      int year = 1945 + random.nextInt(62); // adults born 1945-2006
      LocalDate birth = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
      int centuryDigit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
      String id =
          String.format("038%d%02d%06d", centuryDigit, year % 100, random.nextInt(1_000_000));
      if (!ids.add(id)) {
        continue;
      }
      String name =
          FAMILY[random.nextInt(FAMILY.length)]
              + " "
              + (female
                  ? MIDDLE_FEMALE[random.nextInt(MIDDLE_FEMALE.length)]
                  : MIDDLE_MALE[random.nextInt(MIDDLE_MALE.length)])
              + " "
              + (female
                  ? GIVEN_FEMALE[random.nextInt(GIVEN_FEMALE.length)]
                  : GIVEN_MALE[random.nextInt(GIVEN_MALE.length)]);
      String phone = "09" + String.format("%08d", random.nextInt(100_000_000));
      out.add(
          new Resident(
              out.size(),
              name,
              PersonalId.parse(id),
              birth,
              female,
              phone,
              HAMLETS[random.nextInt(HAMLETS.length)] + ", xã Quảng Phú, tỉnh Thanh Hóa"));
    }
    return out;
  }

  /**
   * Returns the level-2 VNeID persona of this resident.
   *
   * @return the persona the identity fake consents as
   */
  VneidPersona persona() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("SoDinhDanh", personalId.value());
    claims.put("HoVaTen", name);
    claims.put("NgayThangNamSinh", birthDate.format(DateTimeFormatter.BASIC_ISO_DATE));
    claims.put("GioiTinh", female ? 2 : 1);
    claims.put("SoDienThoai", phone);
    claims.put("LoaiTaiKhoan", "1");
    claims.put("TechID", "tech-resident-" + index);
    claims.put("loginIdp", "VNeID");
    UUID subject = new UUID(0x1873_0000_0000_0000L, index);
    return VneidPersona.custom("resident-" + index, subject.toString(), 2, claims);
  }

  @Override
  public String toString() {
    return "Resident[" + index + ", " + personalId + "]";
  }
}
