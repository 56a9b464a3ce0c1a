package io.github.motcua.core.dossier;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A document (giấy tờ, thành phần hồ sơ) submitted with a dossier, or a result document handed
 * back: one file with its digest and the flags the national portal reports (TaiLieuNop,
 * DanhSachGiayToKetQua).
 *
 * <p>Immutable and thread-safe. The SHA-256 digest is normalised to lower-case hex.
 *
 * @param documentId the integrator's identifier of the file (TepDinhKemId, GiayToId), at most 500
 *     characters; not null
 * @param componentCode the code of the dossier component it fulfils (MaThanhPhanHoSo), at most 500
 *     characters; not null, may be empty
 * @param name the document's name (TenTepDinhKem, TenGiayTo), at most 500 characters; not null
 * @param mediaType the file's media type, such as {@code application/pdf}; not null
 * @param sizeBytes the file's size in bytes, zero or more
 * @param sha256 the SHA-256 digest of the file, 64 hex digits; not null
 * @param digitised whether the paper was digitised at the one-stop shop (DuocSoHoa)
 * @param reused whether the document was reused from the citizen's data store instead of being
 *     submitted again (DuocTaiSuDung)
 * @param copyKind whether the document is an original, a copy or electronic; not null
 * @param location where the file can be fetched (DuongDanTaiTepTin), such as a URL or a storage
 *     path, at most 4000 characters; not null, may be empty
 */
public record DossierDocument(
    String documentId,
    Optional<String> componentCode,
    String name,
    String mediaType,
    long sizeBytes,
    String sha256,
    boolean digitised,
    boolean reused,
    CopyKind copyKind,
    Optional<String> location) {

  private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[^\\s/]+");
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");

  /** The kind of copy a document is, with the codes of a ministry's published catalogue. */
  public enum CopyKind {
    /** An original (bản chính), code 0. */
    ORIGINAL(0),
    /** A copy (bản sao), code 1. */
    COPY(1),
    /** An electronic document (bản điện tử), code 2. */
    ELECTRONIC(2);

    private final int nationalCode;

    CopyKind(int nationalCode) {
      this.nationalCode = nationalCode;
    }

    /**
     * Returns the catalogue code.
     *
     * @return 0 to 2
     */
    public int nationalCode() {
      return nationalCode;
    }
  }

  /**
   * Validates the document.
   *
   * @throws InvalidDossierException listing every broken rule
   */
  public DossierDocument {
    Checks c = new Checks("DossierDocument");
    c.text("documentId", documentId, Checks.SHORT_TEXT);
    c.optionalText("componentCode", componentCode, Checks.SHORT_TEXT);
    c.text("name", name, Checks.SHORT_TEXT);
    if (c.required("mediaType", mediaType)) {
      c.that(
          mediaType.length() <= 255 && MEDIA_TYPE.matcher(mediaType).matches(),
          "mediaType",
          "format",
          "is a media type such as application/pdf.");
    }
    c.that(sizeBytes >= 0, "sizeBytes", "range", "is zero or more.");
    if (c.required("sha256", sha256)) {
      c.that(
          sha256.length() == 64 && HEX.matcher(sha256).matches(),
          "sha256",
          "format",
          "is 64 hexadecimal digits.");
      sha256 = sha256.toLowerCase(Locale.ROOT);
    }
    c.required("copyKind", copyKind);
    c.optionalText("location", location, Checks.LONG_TEXT);
    c.throwIfAny();
  }
}
