package io.github.motcua.portal;

import java.util.OptionalInt;

/**
 * An administrative procedure (thủ tục hành chính) from the national catalogue, read with {@code
 * LayThuTuc} or {@code LayDanhSachTTHC}.
 *
 * @param code the procedure code ({@code MaTTHC})
 * @param name the name ({@code TenTTHC})
 * @param fieldCode the field code ({@code MaLinhVuc}), empty text when absent
 * @param fieldName the field name ({@code TenLinhVuc}), empty text when absent
 * @param workingDays the processing time in working days ({@code ThoiHanGiaiQuyet}), when given
 */
public record NationalProcedure(
    String code, String name, String fieldCode, String fieldName, OptionalInt workingDays) {}
