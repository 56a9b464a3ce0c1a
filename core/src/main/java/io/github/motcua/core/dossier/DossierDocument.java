package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
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
 * @param resultCode the code of a result in the national procedure catalogue ({@code MAKETQUA}): on
 *     a result document, the result it is ({@code MaGiayToKetQua}); on a submitted document, the
 *     result that replaces it ({@code MaKetQuaThayThe}); at most 500 characters; not null, may be
 *     empty. A reused submitted document with a result code was reused from another dossier's
 *     result ({@code DuocTaiSuDung} 2; docs/domain.md §4)
 * @param fromNationalStore whether the document was taken from the national portal's data store
 *     (kho dữ liệu, {@code DuocLayTuKhoDMQG})
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
    Optional<String> location,
    Optional<String> resultCode,
    boolean fromNationalStore) {

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
   * @throws InvalidInputException listing every broken rule
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
    c.optionalText("resultCode", resultCode, Checks.SHORT_TEXT);
    c.throwIfAny();
  }

  /**
   * Creates a document without a result code, not taken from the national data store.
   *
   * @param documentId the identifier
   * @param componentCode the component code, may be empty
   * @param name the name
   * @param mediaType the media type
   * @param sizeBytes the size
   * @param sha256 the digest
   * @param digitised whether digitised
   * @param reused whether reused
   * @param copyKind the kind of copy
   * @param location where the file is, may be empty
   * @throws InvalidInputException listing every broken rule
   */
  public DossierDocument(
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
    this(
        documentId,
        componentCode,
        name,
        mediaType,
        sizeBytes,
        sha256,
        digitised,
        reused,
        copyKind,
        location,
        Optional.empty(),
        false);
  }

  /**
   * Returns a copy with a national result code ({@code MaGiayToKetQua} on a result, {@code
   * MaKetQuaThayThe} on a submitted document).
   *
   * @param code the code, or null for none
   * @return the document
   */
  public DossierDocument withResultCode(String code) {
    return new DossierDocument(
        documentId,
        componentCode,
        name,
        mediaType,
        sizeBytes,
        sha256,
        digitised,
        reused,
        copyKind,
        location,
        Optional.ofNullable(code),
        fromNationalStore);
  }

  /**
   * Returns a copy marked as taken (or not) from the national portal's data store.
   *
   * @param fromStore true when taken from the store ({@code DuocLayTuKhoDMQG} 1)
   * @return the document
   */
  public DossierDocument withFromNationalStore(boolean fromStore) {
    return new DossierDocument(
        documentId,
        componentCode,
        name,
        mediaType,
        sizeBytes,
        sha256,
        digitised,
        reused,
        copyKind,
        location,
        resultCode,
        fromStore);
  }
}
