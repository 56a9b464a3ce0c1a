package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.signing.Check;
import io.github.motcua.signing.SignatureReport;
import io.github.motcua.signing.SignerIdentity;
import io.github.motcua.signing.SignerReport;
import io.github.motcua.signing.receipt.internal.Fields;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a receipt as a page for people (bản thể hiện của biên lai điện tử): one self-contained,
 * printable HTML5 document in Vietnamese (UTF-8, inline styles, no script, no external font, image
 * or link), with the collecting unit, the form and series symbols and the number, the payer, the
 * items, the total in figures and in words, the payment, the signature status and the lookup code.
 * Fonts come from the reader's system (any font with Vietnamese glyphs; the stack names common
 * ones), so diacritics render without downloads.
 *
 * <p>Every value is HTML-escaped. Stateless and thread-safe.
 */
public final class EReceiptHtml {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

  private EReceiptHtml() {}

  /**
   * Renders a verified receipt.
   *
   * @param verification the result of {@link EReceiptVerifier#verify(byte[])}, whose receipt is
   *     present; not null
   * @param lookupSite where citizens look receipts up, printed next to the lookup code; may be null
   * @return the HTML document
   * @throws InvalidInputException with code {@code receipt.html.receipt.required} when the
   *     verification holds no receipt
   */
  public static String render(EReceiptVerification verification, String lookupSite) {
    Objects.requireNonNull(verification, "verification");
    EReceipt receipt =
        verification
            .receipt()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "receipt.html.receipt.required",
                        "The verification holds no receipt to show: its signed content did not"
                            + " verify."));
    String html = render(receipt, verification.report(), lookupSite);
    String status =
        switch (verification.status()) {
          case CANCELLED -> "Biên lai này đã bị hủy.";
          case REPLACED -> "Biên lai này đã được thay thế bằng biên lai khác.";
          case ADJUSTED -> "Biên lai này đã được điều chỉnh bằng biên lai khác.";
          case NOT_REGISTERED -> "Biên lai này không có trong sổ của đơn vị thu.";
          default -> null;
        };
    return status == null
        ? html
        : html.replace("<h1>", "<p class=\"correction\"><b>" + esc(status) + "</b></p>\n<h1>");
  }

  /**
   * Renders a receipt with a signature status.
   *
   * @param receipt the receipt; not null
   * @param report the signature report, or null when the signature was not checked
   * @param lookupSite where citizens look receipts up; may be null
   * @return the HTML document
   */
  public static String render(EReceipt receipt, SignatureReport report, String lookupSite) {
    Objects.requireNonNull(receipt, "receipt");
    ZonedDateTime issued = receipt.issuedAt().atZone(Fields.VIETNAM);
    CollectingUnit unit = receipt.collectingUnit();
    Payer payer = receipt.payer();
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Biên lai ")
        .append(esc(receipt.seriesSymbol()))
        .append(" số ")
        .append(esc(receipt.printedNumber()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<main class=\"receipt\">\n");

    h.append("<header>\n<div class=\"unit\">\n<p class=\"unit-name\">")
        .append(esc(unit.name()))
        .append("</p>\n<p>Mã số thuế: ")
        .append(esc(unit.taxCode().value()))
        .append("</p>\n<p>Mã định danh: ")
        .append(esc(unit.agencyCode().value()))
        .append("</p>\n<p>Địa chỉ: ")
        .append(esc(unit.address()))
        .append("</p>\n</div>\n<div class=\"symbols\">\n<p>Mẫu số: <b>")
        .append(esc(receipt.formSymbol()))
        .append("</b></p>\n<p>Ký hiệu: <b>")
        .append(esc(receipt.seriesSymbol()))
        .append("</b></p>\n<p>Số: <b class=\"number\">")
        .append(esc(receipt.printedNumber()))
        .append("</b></p>\n</div>\n</header>\n");

    h.append("<h1>BIÊN LAI THU PHÍ, LỆ PHÍ</h1>\n<p class=\"subtitle\">(Biên lai điện tử)</p>\n")
        .append("<p class=\"date\">Ngày ")
        .append(String.format(Locale.ROOT, "%02d", issued.getDayOfMonth()))
        .append(" tháng ")
        .append(String.format(Locale.ROOT, "%02d", issued.getMonthValue()))
        .append(" năm ")
        .append(issued.getYear())
        .append(", lúc ")
        .append(TIME.format(issued))
        .append("</p>\n");

    receipt
        .correction()
        .ifPresent(
            c ->
                h.append("<p class=\"correction\">")
                    .append(
                        switch (c.kind()) {
                          case REPLACEMENT -> "Thay thế cho biên lai ";
                          case ADJUSTMENT_INCREASE -> "Điều chỉnh tăng biên lai ";
                          case ADJUSTMENT_DECREASE -> "Điều chỉnh giảm biên lai ";
                        })
                    .append("mẫu số ")
                    .append(esc(c.original().series().formSymbol()))
                    .append(", ký hiệu ")
                    .append(esc(c.original().series().seriesSymbol()))
                    .append(", số ")
                    .append(c.original().number())
                    .append(", ngày ")
                    .append(c.original().issuedAt().atZone(Fields.VIETNAM).toLocalDate())
                    .append(". Lý do: ")
                    .append(esc(c.reason()))
                    .append("</p>\n"));

    h.append("<section class=\"payer\">\n<p>Tên người nộp: <b>")
        .append(esc(payer.name()))
        .append("</b></p>\n");
    payer
        .personalId()
        .ifPresent(
            id -> h.append("<p>Số định danh cá nhân: ").append(esc(id.value())).append("</p>\n"));
    payer
        .taxCode()
        .ifPresent(t -> h.append("<p>Mã số thuế: ").append(esc(t.value())).append("</p>\n"));
    payer.address().ifPresent(a -> h.append("<p>Địa chỉ: ").append(esc(a)).append("</p>\n"));
    receipt
        .dossierCode()
        .ifPresent(d -> h.append("<p>Mã hồ sơ: ").append(esc(d.value())).append("</p>\n"));
    h.append("</section>\n");

    h.append("<table>\n<thead><tr><th>STT</th><th>Nội dung thu</th><th>Loại</th><th>Mã</th>")
        .append("<th class=\"amount\">Số tiền (VNĐ)</th></tr></thead>\n<tbody>\n");
    int i = 1;
    for (Fee item : receipt.items()) {
      h.append("<tr><td class=\"center\">")
          .append(i++)
          .append("</td><td>")
          .append(esc(item.name()))
          .append("</td><td>")
          .append(esc(item.kind().vietnameseName()))
          .append("</td><td>")
          .append(esc(item.code()))
          .append("</td><td class=\"amount\">")
          .append(esc(figures(item.amount().format())))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n<tfoot><tr><td colspan=\"4\">Tổng cộng</td><td class=\"amount total\">")
        .append(esc(figures(receipt.total().format())))
        .append("</td></tr></tfoot>\n</table>\n");
    h.append("<p class=\"words\">Số tiền bằng chữ: <b>")
        .append(esc(receipt.totalInWords()))
        .append(".</b></p>\n");

    h.append("<p>Hình thức thanh toán: ").append(esc(receipt.paymentMethod().vietnameseName()));
    receipt.paymentReference().ifPresent(r -> h.append(" — Mã giao dịch: ").append(esc(r)));
    h.append("</p>\n");

    h.append(signatureBlock(report));

    h.append("<footer>\n<p>Mã tra cứu: <b class=\"lookup\">")
        .append(esc(receipt.lookupCode()))
        .append("</b></p>\n");
    if (lookupSite != null && !lookupSite.isBlank()) {
      h.append("<p>Tra cứu biên lai tại: ").append(esc(lookupSite.strip())).append("</p>\n");
    }
    h.append("</footer>\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String signatureBlock(SignatureReport report) {
    StringBuilder h = new StringBuilder();
    if (report == null) {
      return "<section class=\"signature unknown\"><p><b>Chưa kiểm tra chữ ký số.</b></p></section>\n";
    }
    String css;
    String title;
    switch (report.verdict()) {
      case VALID:
        css = "valid";
        title = "Chữ ký số hợp lệ";
        break;
      case INVALID:
        css = "invalid";
        title = "Chữ ký số KHÔNG hợp lệ";
        break;
      default:
        css = "unknown";
        title = "Chưa xác định được tính hợp lệ của chữ ký số";
        break;
    }
    h.append("<section class=\"signature ")
        .append(css)
        .append("\">\n<p><b>")
        .append(title)
        .append("</b></p>\n");
    Optional<SignerReport> signer = report.signers().stream().findFirst();
    signer
        .flatMap(SignerReport::signer)
        .flatMap(EReceiptHtml::signerName)
        .ifPresent(n -> h.append("<p>Ký bởi: ").append(esc(n)).append("</p>\n"));
    // The proven time, else the signer's own claim; never the time of the check.
    signer
        .flatMap(r -> r.signingTimeProven() ? r.signingTime() : r.claimedSigningTime())
        .ifPresent(t -> h.append("<p>Ký ngày: ").append(esc(dateTime(t))).append("</p>\n"));
    if (!report.isValid()) {
      h.append("<p class=\"reasons\">Lý do: ");
      boolean first = true;
      for (Check problem : report.problems()) {
        if (!first) {
          h.append(", ");
        }
        h.append(esc(problem.reason().code()));
        first = false;
      }
      h.append("</p>\n");
    }
    h.append("<p class=\"checked\">Kiểm tra lúc: ")
        .append(esc(dateTime(report.validatedAt())))
        .append("</p>\n</section>\n");
    return h.toString();
  }

  private static Optional<String> signerName(SignerIdentity identity) {
    // The signer of a receipt is the collecting unit: its organisation or common name is shown.
    return identity.organisation().or(identity::commonName);
  }

  private static String dateTime(Instant instant) {
    return DATE_TIME.format(instant.atZone(Fields.VIETNAM));
  }

  /** Drops the unit symbol: the table header says VNĐ. */
  private static String figures(String formatted) {
    return formatted.endsWith(" đ") ? formatted.substring(0, formatted.length() - 2) : formatted;
  }

  private static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  private static final String STYLE =
      "@page { size: A5 portrait; margin: 12mm; }\n"
          + "* { box-sizing: border-box; }\n"
          + "body { margin: 0; background: #f3f3f3; color: #111;"
          + " font-family: 'Times New Roman', 'Noto Serif', 'DejaVu Serif', 'Liberation Serif',"
          + " serif; font-size: 14px; line-height: 1.45; }\n"
          + ".receipt { max-width: 720px; margin: 16px auto; padding: 24px 28px; background: #fff;"
          + " border: 1px solid #999; }\n"
          + "header { display: flex; justify-content: space-between; gap: 16px; }\n"
          + "header p, section p, footer p { margin: 2px 0; }\n"
          + ".unit-name { font-weight: bold; text-transform: uppercase; }\n"
          + ".symbols { text-align: right; white-space: nowrap; }\n"
          + ".number { color: #b00000; font-size: 16px; }\n"
          + "h1 { text-align: center; font-size: 20px; margin: 18px 0 0; letter-spacing: .5px; }\n"
          + ".subtitle, .date { text-align: center; margin: 2px 0; font-style: italic; }\n"
          + ".payer { margin: 14px 0 10px; }\n"
          + "table { width: 100%; border-collapse: collapse; margin: 8px 0; }\n"
          + "th, td { border: 1px solid #555; padding: 4px 6px; vertical-align: top; }\n"
          + "th { background: #eee; }\n"
          + ".amount { text-align: right; white-space: nowrap; }\n"
          + ".center { text-align: center; }\n"
          + "tfoot td { font-weight: bold; }\n"
          + ".words { margin: 8px 0; }\n"
          + ".signature { margin: 16px 0 8px auto; max-width: 340px; padding: 8px 12px;"
          + " border: 2px solid #777; }\n"
          + ".signature.valid { border-color: #1a7f37; color: #1a5f2a; }\n"
          + ".signature.invalid { border-color: #b00000; color: #8a0000; }\n"
          + ".signature.unknown { border-color: #9a6700; color: #6b4a00; }\n"
          + ".reasons, .checked { font-size: 12px; }\n"
          + "footer { margin-top: 12px; border-top: 1px dashed #999; padding-top: 8px; }\n"
          + ".lookup { font-family: 'DejaVu Sans Mono', 'Courier New', monospace;"
          + " letter-spacing: 1px; }\n"
          + "@media print { body { background: #fff; } .receipt { border: none; margin: 0;"
          + " padding: 0; max-width: none; } }\n";
}
