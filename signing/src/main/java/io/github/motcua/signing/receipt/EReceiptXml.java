package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.signing.receipt.internal.Fields;
import io.github.motcua.signing.xml.internal.HardenedXml;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes and reads the XML form of an {@link EReceipt}, the format documented in {@code
 * docs/receipts.md}: a root {@code EReceipt} holding the signed data element {@code ReceiptData
 * Id="data"} (format version, general information, content) and, once signed, a {@code Signatures}
 * element with an enveloped W3C XML signature over {@code #data}. The layout follows the published
 * Vietnamese e-invoice format (a data element with an Id, general info, content, then the
 * signature); the tax authority's own tag names for receipts are not public, so the names are
 * motcua's.
 *
 * <p>Reading is strict and hardened: the document is parsed without DTDs or entities, within a size
 * limit, and must follow the format exactly (no unknown or repeated elements). Reading does not
 * check a signature: use {@code EReceiptVerifier} for receipts from elsewhere.
 *
 * <p>Stateless and thread-safe.
 */
public final class EReceiptXml {

  /** The root element's name. */
  public static final String ROOT = "EReceipt";

  /** The signed data element's name. */
  public static final String DATA = "ReceiptData";

  /** The {@code Id} of the signed data element, referenced by the signature as {@code #data}. */
  public static final String DATA_ID = "data";

  /** The element that holds the signatures, after the data element. */
  public static final String SIGNATURES = "Signatures";

  /** The root element of a cancellation document. */
  public static final String CANCELLATION_ROOT = "EReceiptCancellation";

  /** The signed data element of a cancellation document. */
  public static final String CANCELLATION_DATA = "CancellationData";

  /** The format version this class writes and reads. */
  public static final String FORMAT_VERSION = "1.0";

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

  private EReceiptXml() {}

  /**
   * Writes a receipt as an unsigned XML document, indented, ready for {@code XmlSigner}.
   *
   * @param receipt the receipt; not null
   * @return a new document whose data element's {@code Id} attribute is registered as an ID
   */
  public static Document toDocument(EReceipt receipt) {
    Objects.requireNonNull(receipt, "receipt");
    Document doc = HardenedXml.newDocument();
    Element root = doc.createElement(ROOT);
    doc.appendChild(root);
    Element data = child(root, DATA, 1);
    data.setAttribute("Id", DATA_ID);
    data.setIdAttribute("Id", true);
    text(data, "FormatVersion", FORMAT_VERSION, 2);
    Element general = child(data, "GeneralInfo", 2);
    text(general, "FormSymbol", receipt.formSymbol(), 3);
    text(general, "SeriesSymbol", receipt.seriesSymbol(), 3);
    text(general, "Number", Long.toString(receipt.number()), 3);
    text(
        general,
        "IssuedAt",
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            receipt.issuedAt().atZone(Fields.VIETNAM).toOffsetDateTime()),
        3);
    text(general, "LookupCode", receipt.lookupCode(), 3);
    receipt.dossierCode().ifPresent(d -> text(general, "DossierCode", d.value(), 3));
    receipt.correction().ifPresent(c -> writeCorrection(general, c));
    close(general, 2);
    Element content = child(data, "Content", 2);
    Element unit = child(content, "CollectingUnit", 3);
    CollectingUnit u = receipt.collectingUnit();
    text(unit, "Name", u.name(), 4);
    text(unit, "TaxCode", u.taxCode().value(), 4);
    text(unit, "AgencyCode", u.agencyCode().value(), 4);
    text(unit, "Address", u.address(), 4);
    close(unit, 3);
    Element payer = child(content, "Payer", 3);
    Payer p = receipt.payer();
    text(payer, "Name", p.name(), 4);
    p.personalId().ifPresent(id -> text(payer, "PersonalId", id.value(), 4));
    p.taxCode().ifPresent(t -> text(payer, "TaxCode", t.value(), 4));
    p.address().ifPresent(a -> text(payer, "Address", a, 4));
    close(payer, 3);
    Element items = child(content, "Items", 3);
    for (Fee item : receipt.items()) {
      Element e = child(items, "Item", 4);
      text(e, "Kind", item.kind().name(), 5);
      text(e, "Code", item.code(), 5);
      text(e, "Name", item.name(), 5);
      text(e, "Amount", Long.toString(item.amount().amount()), 5);
      if (item.stage() != Fee.CollectionStage.AT_RECEPTION) {
        // Written only when it is not the usual stage, so that receipts stay as they were.
        text(e, "Stage", item.stage().name(), 5);
      }
      close(e, 4);
    }
    close(items, 3);
    text(content, "Total", Long.toString(receipt.total().amount()), 3);
    text(content, "TotalInWords", receipt.totalInWords(), 3);
    Element payment = child(content, "Payment", 3);
    text(payment, "Method", receipt.paymentMethod().name(), 4);
    receipt.paymentReference().ifPresent(r -> text(payment, "Reference", r, 4));
    close(payment, 3);
    close(content, 2);
    close(data, 1);
    close(root, 0);
    return doc;
  }

  private static void writeCorrection(Element general, ReceiptCorrection c) {
    Element e = child(general, "Correction", 3);
    text(e, "Kind", c.kind().name(), 4);
    writeReference(e, c.original(), 4);
    text(e, "Reason", c.reason(), 4);
    close(e, 3);
  }

  private static void writeReference(Element parent, ReceiptReference r, int depth) {
    Element e = child(parent, "Original", depth);
    text(e, "FormSymbol", r.series().formSymbol(), depth + 1);
    text(e, "SeriesSymbol", r.series().seriesSymbol(), depth + 1);
    text(e, "Number", Long.toString(r.number()), depth + 1);
    text(e, "IssuedAt", vietnamTime(r.issuedAt()), depth + 1);
    close(e, depth);
  }

  private static String vietnamTime(java.time.Instant at) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        at.atZone(Fields.VIETNAM).toOffsetDateTime());
  }

  private static ReceiptReference readReference(Reader r, TaxCode unit) {
    return new ReceiptReference(
        ReceiptSeries.of(unit, r.text("FormSymbol"), r.text("SeriesSymbol")),
        number(r.text("Number")),
        instant(r.text("IssuedAt")));
  }

  /**
   * Writes a cancellation as an unsigned XML document: a root {@code EReceiptCancellation} holding
   * the signed data element {@code CancellationData Id="data"} (format version, the collecting
   * unit's name and tax code, the original receipt's form symbol, receipt symbol, number and date,
   * the reason and the time of cancellation).
   *
   * @param cancellation the cancellation; not null
   * @return a new document whose data element's {@code Id} attribute is registered as an ID
   */
  public static Document toDocument(ReceiptCancellation cancellation) {
    Objects.requireNonNull(cancellation, "cancellation");
    Document doc = HardenedXml.newDocument();
    Element root = doc.createElement(CANCELLATION_ROOT);
    doc.appendChild(root);
    Element data = child(root, CANCELLATION_DATA, 1);
    data.setAttribute("Id", DATA_ID);
    data.setIdAttribute("Id", true);
    text(data, "FormatVersion", FORMAT_VERSION, 2);
    text(data, "UnitName", cancellation.unitName(), 2);
    text(data, "UnitTaxCode", cancellation.original().series().unitTaxCode().value(), 2);
    writeReference(data, cancellation.original(), 2);
    text(data, "Reason", cancellation.reason(), 2);
    text(data, "CancelledAt", vietnamTime(cancellation.cancelledAt()), 2);
    close(data, 1);
    close(root, 0);
    return doc;
  }

  /**
   * Reads a cancellation, signed or not, without checking the signature.
   *
   * @param xml the document; not null
   * @return the cancellation
   * @throws InvalidInputException when the document is not a cancellation document
   * @throws InvalidInputException when it breaks a content rule
   */
  public static ReceiptCancellation readCancellation(byte[] xml) {
    return cancellationFromDataElement(
        dataElement(xml, HardenedXml.DEFAULT_MAX_BYTES, CANCELLATION_ROOT, CANCELLATION_DATA));
  }

  /** Parses a document, hardened, and returns the one data element under the expected root. */
  private static Element dataElement(byte[] xml, int maxBytes, String rootName, String dataName) {
    Objects.requireNonNull(xml, "xml");
    Document doc;
    try {
      doc = HardenedXml.parse(xml, maxBytes);
    } catch (InvalidInputException e) {
      throw wrap(e);
    }
    Element root = doc.getDocumentElement();
    if (!isNamed(root, rootName)) {
      throw structure("The root element is not " + rootName + ".");
    }
    return only(root, dataName);
  }

  static ReceiptCancellation cancellationFromDataElement(Element data) {
    if (!isNamed(data, CANCELLATION_DATA)) {
      throw structure("The data element is not " + CANCELLATION_DATA + ".");
    }
    Reader r =
        new Reader(
            data, "FormatVersion", "UnitName", "UnitTaxCode", "Original", "Reason", "CancelledAt");
    if (!FORMAT_VERSION.equals(r.text("FormatVersion"))) {
      throw new InvalidInputException(
          "receipt-xml.version", "Format version " + FORMAT_VERSION + " is expected.");
    }
    TaxCode unit = identifier("unit.tax-code", () -> TaxCode.parse(r.text("UnitTaxCode")));
    ReceiptReference original =
        readReference(
            r.child("Original", "FormSymbol", "SeriesSymbol", "Number", "IssuedAt"), unit);
    return new ReceiptCancellation(
        r.text("UnitName"), original, r.text("Reason"), instant(r.text("CancelledAt")));
  }

  /**
   * Writes a receipt as unsigned XML, UTF-8.
   *
   * @param receipt the receipt; not null
   * @return the document's bytes
   */
  public static byte[] write(EReceipt receipt) {
    return HardenedXml.serialize(toDocument(receipt));
  }

  /**
   * Reads a receipt, signed or not, without checking the signature, within the default size limit
   * of 1 MiB.
   *
   * @param xml the document; not null
   * @return the receipt
   * @throws InvalidInputException when the document is not a receipt document (code {@code
   *     receipt-xml.*}, including {@code receipt-xml.doctype}, {@code receipt-xml.too-large} and
   *     {@code receipt-xml.malformed})
   * @throws InvalidInputException when the receipt breaks a content rule
   */
  public static EReceipt read(byte[] xml) {
    return read(xml, HardenedXml.DEFAULT_MAX_BYTES);
  }

  /**
   * Reads a receipt from a stream (not closed), reading at most 1 MiB.
   *
   * @param in the stream; not null
   * @return the receipt
   * @throws InvalidInputException see {@link #read(byte[])}
   * @throws InvalidInputException see {@link #read(byte[])}
   */
  public static EReceipt read(InputStream in) {
    try {
      return read(HardenedXml.readBounded(in, HardenedXml.DEFAULT_MAX_BYTES));
    } catch (InvalidInputException e) {
      throw wrap(e);
    }
  }

  /**
   * Reads a receipt with a size limit.
   *
   * @param xml the document; not null
   * @param maxBytes the largest document accepted
   * @return the receipt
   * @throws InvalidInputException see {@link #read(byte[])}
   * @throws InvalidInputException see {@link #read(byte[])}
   */
  public static EReceipt read(byte[] xml, int maxBytes) {
    return fromDataElement(dataElement(xml, maxBytes, ROOT, DATA));
  }

  /**
   * Reads the receipt held by a {@code ReceiptData} element.
   *
   * @param data the element
   * @return the receipt
   */
  static EReceipt fromDataElement(Element data) {
    return fromDataElement(data, ReceiptRules.inForce());
  }

  /**
   * Reads the receipt held by a {@code ReceiptData} element, checking it against given rules.
   *
   * @param data the element
   * @param rules the rules
   * @return the receipt
   */
  static EReceipt fromDataElement(Element data, ReceiptRules rules) {
    if (!isNamed(data, DATA)) {
      throw structure("The data element is not " + DATA + ".");
    }
    Reader r = new Reader(data, "FormatVersion", "GeneralInfo", "Content");
    String version = r.text("FormatVersion");
    if (!FORMAT_VERSION.equals(version)) {
      throw new InvalidInputException(
          "receipt-xml.version", "Format version " + FORMAT_VERSION + " is expected.");
    }
    Reader general =
        r.child(
            "GeneralInfo",
            "FormSymbol",
            "SeriesSymbol",
            "Number",
            "IssuedAt",
            "LookupCode",
            "DossierCode",
            "Correction");
    Reader content =
        r.child("Content", "CollectingUnit", "Payer", "Items", "Total", "TotalInWords", "Payment");
    Reader unitXml = content.child("CollectingUnit", "Name", "TaxCode", "AgencyCode", "Address");
    CollectingUnit unit =
        new CollectingUnit(
            unitXml.text("Name"),
            identifier("unit.tax-code", () -> TaxCode.parse(unitXml.text("TaxCode"))),
            identifier("unit.agency-code", () -> AgencyCode.parse(unitXml.text("AgencyCode"))),
            unitXml.text("Address"));
    Reader payerXml = content.child("Payer", "Name", "PersonalId", "TaxCode", "Address");
    String personalId = payerXml.optionalText("PersonalId");
    String payerTaxCode = payerXml.optionalText("TaxCode");
    String payerName = payerXml.text("Name");
    String payerAddress = payerXml.optionalText("Address");
    if (personalId != null && payerTaxCode != null) {
      throw structure("A payer has a personal ID or a tax code, not both.");
    }
    Payer payer =
        Fields.payer(
            payerName,
            personalId == null
                ? null
                : identifier("payer.personal-id", () -> PersonalId.parse(personalId)),
            payerTaxCode == null
                ? null
                : identifier("payer.tax-code", () -> TaxCode.parse(payerTaxCode)),
            payerAddress);
    Reader itemsXml = content.child("Items", "Item");
    List<Fee> items = new ArrayList<>();
    for (Element e : itemsXml.all("Item")) {
      Reader item = new Reader(e, "Kind", "Code", "Name", "Amount", "Stage");
      Fee.Kind kind = enumValue(Fee.Kind.class, item.text("Kind"), "Kind");
      String stage = item.optionalText("Stage");
      items.add(
          Fields.item(
              kind,
              item.text("Code"),
              item.text("Name"),
              amount(item.text("Amount")),
              stage == null
                  ? Fee.CollectionStage.AT_RECEPTION
                  : enumValue(Fee.CollectionStage.class, stage, "Stage")));
    }
    Reader payment = content.child("Payment", "Method", "Reference");
    String dossier = general.optionalText("DossierCode");
    ReceiptCorrection correction = null;
    if (general.optional("Correction") != null) {
      Reader c = general.child("Correction", "Kind", "Original", "Reason");
      correction =
          new ReceiptCorrection(
              enumValue(ReceiptCorrection.Kind.class, c.text("Kind"), "Kind"),
              readReference(
                  c.child("Original", "FormSymbol", "SeriesSymbol", "Number", "IssuedAt"),
                  unit.taxCode()),
              c.text("Reason"));
    }
    return EReceipt.builder()
        .rules(rules)
        .correction(correction)
        .series(
            ReceiptSeries.of(
                unit.taxCode(), general.text("FormSymbol"), general.text("SeriesSymbol")))
        .number(number(general.text("Number")))
        .issuedAt(instant(general.text("IssuedAt")))
        .lookupCode(general.text("LookupCode"))
        .dossierCode(
            dossier == null ? null : identifier("dossier-code", () -> DossierCode.parse(dossier)))
        .collectingUnit(unit)
        .payer(payer)
        .items(items)
        .total(amount(content.text("Total")))
        .totalInWords(content.text("TotalInWords"))
        .paymentMethod(enumValue(PaymentMethod.class, payment.text("Method"), "Method"))
        .paymentReference(payment.optionalText("Reference"))
        .build();
  }

  // ---- writing helpers: indentation is written as text so that what is signed is what is shown

  private static Element child(Element parent, String name, int depth) {
    Document doc = parent.getOwnerDocument();
    parent.appendChild(doc.createTextNode("\n" + "  ".repeat(depth)));
    Element e = doc.createElement(name);
    parent.appendChild(e);
    return e;
  }

  private static void text(Element parent, String name, String value, int depth) {
    child(parent, name, depth).setTextContent(value);
  }

  private static void close(Element e, int depth) {
    e.appendChild(e.getOwnerDocument().createTextNode("\n" + "  ".repeat(depth)));
  }

  // ---- reading helpers

  private static boolean isNamed(Node node, String name) {
    return node.getNodeType() == Node.ELEMENT_NODE
        && node.getNamespaceURI() == null
        && name.equals(node.getLocalName());
  }

  private static Element only(Element parent, String name) {
    Element found = null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (isNamed(n, name)) {
        if (found != null) {
          throw structure("More than one " + name + " element.");
        }
        found = (Element) n;
      }
    }
    if (found == null) {
      throw structure("The " + name + " element is missing.");
    }
    return found;
  }

  /** Reads the children of one element, refusing unknown, repeated and mixed content. */
  private static final class Reader {
    private final Element element;
    private final List<String> allowed;

    Reader(Element element, String... allowed) {
      this.element = element;
      this.allowed = List.of(allowed);
      for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n.getNodeType() == Node.ELEMENT_NODE) {
          if (n.getNamespaceURI() != null || !this.allowed.contains(n.getLocalName())) {
            throw structure(
                "Unexpected element " + n.getNodeName() + " in " + element.getLocalName() + ".");
          }
        } else if (n.getNodeType() == Node.TEXT_NODE
            || n.getNodeType() == Node.CDATA_SECTION_NODE) {
          if (!n.getNodeValue().isBlank()) {
            throw structure("Unexpected text in " + element.getLocalName() + ".");
          }
        }
      }
    }

    List<Element> all(String name) {
      List<Element> out = new ArrayList<>();
      for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (isNamed(n, name)) {
          out.add((Element) n);
        }
      }
      return out;
    }

    Element optional(String name) {
      List<Element> found = all(name);
      if (found.size() > 1) {
        throw structure("More than one " + name + " element in " + element.getLocalName() + ".");
      }
      return found.isEmpty() ? null : found.get(0);
    }

    Reader child(String name, String... allowed) {
      Element e = optional(name);
      if (e == null) {
        throw structure("The " + name + " element is missing in " + element.getLocalName() + ".");
      }
      return new Reader(e, allowed);
    }

    String optionalText(String name) {
      Element e = optional(name);
      if (e == null) {
        return null;
      }
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n.getNodeType() != Node.TEXT_NODE && n.getNodeType() != Node.CDATA_SECTION_NODE) {
          throw structure("The " + name + " element holds more than text.");
        }
      }
      return e.getTextContent();
    }

    String text(String name) {
      String value = optionalText(name);
      if (value == null) {
        throw structure("The " + name + " element is missing in " + element.getLocalName() + ".");
      }
      return value;
    }
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T identifier(String field, Parse<T> parse) {
    try {
      return parse.get();
    } catch (MotcuaException e) {
      if (e.code().startsWith("receipt.") || e.code().startsWith("receipt-xml.")) {
        throw e;
      }
      throw new InvalidInputException("receipt." + field + "." + "invalid", e.getMessage(), e);
    }
  }

  private static long number(String text) {
    if (!DIGITS.matcher(text).matches()) {
      throw new InvalidInputException(
          "receipt-xml.value", "A receipt number is written in digits.");
    }
    return Long.parseLong(text);
  }

  private static Vnd amount(String text) {
    if (!DIGITS.matcher(text).matches()) {
      throw new InvalidInputException(
          "receipt-xml.value", "An amount is a whole number of đồng written in digits only.");
    }
    return Vnd.of(Long.parseLong(text));
  }

  private static java.time.Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "receipt-xml.value", "IssuedAt is an ISO-8601 date and time with an offset.", e);
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    throw new InvalidInputException("receipt-xml.value", "Unknown value of " + name + ".");
  }

  private static InvalidInputException structure(String message) {
    return new InvalidInputException("receipt-xml.structure", message);
  }

  private static InvalidInputException wrap(InvalidInputException e) {
    String rule = e.code().substring(e.code().indexOf('.') + 1);
    return new InvalidInputException("receipt-xml." + rule, e.getMessage(), e);
  }
}
