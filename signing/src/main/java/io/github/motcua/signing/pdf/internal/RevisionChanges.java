package io.github.motcua.signing.pdf.internal;

import io.github.motcua.signing.pdf.PdfChange;
import io.github.motcua.signing.pdf.PdfChange.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Finds what the revisions after a signed one changed by comparing what the two revisions render
 * and do, never what the new objects say about themselves: every page (its content streams,
 * resources, fonts and images, followed to the last byte, with attributes inherited from the page
 * tree), every annotation and form field, and the document catalogue (actions, names, optional
 * content, outlines). A changed object counts wherever it is used, whatever its {@code /Type} says
 * and whether or not the trailer's {@code /Info} points at it; an xref entry that makes an old
 * object number point at other bytes is a change like any other.
 *
 * <p>Allowed after signing: new signature fields and their signatures, document time-stamps,
 * validation data ({@code /DSS}), extensions and metadata; form filling (values and their
 * appearances) unless a certification signature forbids it (DocMDP P=1); annotations only where a
 * certification signature allows them (P=3). Everything else is a change that breaks the signature.
 */
public final class RevisionChanges {

  /** Thrown when the comparison would visit more objects than allowed. */
  public static final class TooManyObjects extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyObjects() {
      super("too many objects", null, false, false);
    }
  }

  private static final COSName DSS = COSName.getPDFName("DSS");
  private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");
  private static final Set<COSName> CATALOG_ALLOWED =
      Set.of(COSName.ACRO_FORM, DSS, EXTENSIONS, COSName.PAGES, COSName.METADATA);
  private static final Set<COSName> ACROFORM_ALLOWED = Set.of(COSName.FIELDS, COSName.SIG_FLAGS);
  private static final Set<COSName> INHERITED =
      Set.of(COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX, COSName.ROTATE);
  private static final Set<COSName> FILLING = Set.of(COSName.V, COSName.AP, COSName.AS);
  private static final Set<COSName> FORM_FILLING =
      Set.of(COSName.DA, COSName.DR, COSName.NEED_APPEARANCES);
  private static final int MAX_DEPTH = 256;

  private RevisionChanges() {}

  /**
   * Lists the changes.
   *
   * @param full the whole document, loaded
   * @param signed the signed revision (the file up to the end of the byte range), loaded
   * @param docMdp the DocMDP permission of the document's certification signature (1, 2 or 3), or 0
   *     without one (form filling and new signatures allowed, annotations not)
   * @param maxObjects the most objects visited
   * @return the changes
   * @throws TooManyObjects when more objects would be visited
   */
  public static List<PdfChange> between(
      PDDocument full, PDDocument signed, int docMdp, int maxObjects) {
    int[] budget = {maxObjects};
    Hasher before = new Hasher(signed, budget);
    Hasher after = new Hasher(full, budget);
    boolean fill = docMdp != 1;
    List<PdfChange> out = new ArrayList<>();
    catalog(before, after, fill, out);
    pages(before, after, fill, docMdp == 3, out);
    fields(before, after, fill, docMdp, out);
    COSBase infoBefore = signed.getDocument().getTrailer().getDictionaryObject(COSName.INFO);
    COSBase infoAfter = full.getDocument().getTrailer().getDictionaryObject(COSName.INFO);
    if (!Arrays.equals(before.hash(infoBefore, Set.of()), after.hash(infoAfter, Set.of()))) {
      out.add(new PdfChange(Kind.METADATA, "trailer", "document information dictionary"));
    }
    return out;
  }

  private static void catalog(Hasher before, Hasher after, boolean fill, List<PdfChange> out) {
    COSDictionary old = before.document.getDocumentCatalog().getCOSObject();
    COSDictionary now = after.document.getDocumentCatalog().getCOSObject();
    Set<COSName> changed = before.changedKeys(old, after, now, Set.of());
    Set<COSName> disallowed = new TreeSet<>(changed);
    disallowed.removeAll(CATALOG_ALLOWED);
    if (!disallowed.isEmpty()) {
      out.add(new PdfChange(Kind.OTHER, "catalog", "document catalogue: " + names(disallowed)));
    }
    if (changed.contains(DSS) || changed.contains(EXTENSIONS)) {
      out.add(new PdfChange(Kind.SIGNATURE, "catalog", "validation data or extensions"));
    }
    if (changed.contains(COSName.METADATA)) {
      out.add(new PdfChange(Kind.METADATA, "catalog", "XMP metadata"));
    }
    COSDictionary oldForm = dict(old.getDictionaryObject(COSName.ACRO_FORM));
    COSDictionary newForm = dict(now.getDictionaryObject(COSName.ACRO_FORM));
    if (oldForm != null || newForm != null) {
      Set<COSName> form =
          new TreeSet<>(
              before.changedKeys(
                  oldForm == null ? new COSDictionary() : oldForm,
                  after,
                  newForm == null ? new COSDictionary() : newForm,
                  Set.of()));
      form.removeAll(ACROFORM_ALLOWED);
      Set<COSName> filling = new TreeSet<>(form);
      filling.retainAll(FORM_FILLING);
      if (fill && !filling.isEmpty()) {
        // Filling in a form may add the fonts its new appearances use.
        out.add(new PdfChange(Kind.FORM_FILL, "AcroForm", "form defaults " + names(filling)));
        form.removeAll(FORM_FILLING);
      }
      if (!form.isEmpty()) {
        out.add(new PdfChange(Kind.FORM_FIELD, "AcroForm", "interactive form: " + names(form)));
      }
    }
  }

  private static void pages(
      Hasher before, Hasher after, boolean fill, boolean annotate, List<PdfChange> out) {
    List<PDPage> old = before.pages;
    List<PDPage> now = after.pages;
    if (old.size() != now.size()) {
      out.add(
          new PdfChange(
              Kind.PAGE_CONTENT, "pages", "page count " + old.size() + " -> " + now.size()));
    }
    for (int i = 0; i < Math.min(old.size(), now.size()); i++) {
      String where = "page " + (i + 1);
      COSDictionary a = effective(old.get(i).getCOSObject());
      COSDictionary b = effective(now.get(i).getCOSObject());
      Set<COSName> changed =
          before.changedKeys(a, after, b, Set.of(COSName.ANNOTS, COSName.PARENT));
      if (!changed.isEmpty()) {
        out.add(new PdfChange(Kind.PAGE_CONTENT, where, "what the page draws: " + names(changed)));
      }
      annotations(before, a, after, b, where, fill, annotate, out);
    }
  }

  /** The page dictionary with the attributes it inherits from the page tree filled in. */
  private static COSDictionary effective(COSDictionary page) {
    COSDictionary copy = new COSDictionary();
    for (Map.Entry<COSName, COSBase> e : page.entrySet()) {
      copy.setItem(e.getKey(), e.getValue());
    }
    int depth = 0;
    for (COSDictionary node = dict(page.getDictionaryObject(COSName.PARENT));
        node != null && depth < MAX_DEPTH;
        node = dict(node.getDictionaryObject(COSName.PARENT)), depth++) {
      for (COSName key : INHERITED) {
        if (!copy.containsKey(key) && node.containsKey(key)) {
          copy.setItem(key, node.getItem(key));
        }
      }
    }
    return copy;
  }

  private static void annotations(
      Hasher before,
      COSDictionary oldPage,
      Hasher after,
      COSDictionary newPage,
      String where,
      boolean fill,
      boolean annotate,
      List<PdfChange> out) {
    List<COSDictionary> oldAnnots = annots(oldPage);
    List<COSDictionary> newAnnots = annots(newPage);
    List<String> oldOthers = new ArrayList<>();
    List<String> newOthers = new ArrayList<>();
    int oldSignatures = 0;
    for (COSDictionary annot : oldAnnots) {
      if (isSignatureWidget(annot)) {
        oldSignatures++;
      } else {
        oldOthers.add(hex(before.hash(annot, skipFor(annot, fill))));
      }
    }
    int newSignatures = 0;
    for (COSDictionary annot : newAnnots) {
      if (isSignatureWidget(annot)) {
        newSignatures++;
      } else {
        newOthers.add(hex(after.hash(annot, skipFor(annot, fill))));
      }
    }
    if (!oldOthers.equals(newOthers)) {
      out.add(
          new PdfChange(
              annotate ? Kind.COMMENT : Kind.ANNOTATION,
              where,
              "annotations or form widgets: " + oldOthers.size() + " -> " + newOthers.size()));
    }
    if (newSignatures < oldSignatures) {
      out.add(new PdfChange(Kind.OTHER, where, "a signature widget was removed"));
    } else if (newSignatures > oldSignatures) {
      out.add(new PdfChange(Kind.SIGNATURE, where, "signature widget added"));
    }
  }

  private static Set<COSName> skipFor(COSDictionary annot, boolean fill) {
    return fill && COSName.WIDGET.equals(annot.getCOSName(COSName.SUBTYPE))
        ? Set.of(COSName.PARENT, COSName.V, COSName.AP, COSName.AS)
        : Set.of(COSName.PARENT);
  }

  private static void fields(
      Hasher before, Hasher after, boolean fill, int docMdp, List<PdfChange> out) {
    Map<String, COSDictionary> old = terminalFields(before.document);
    Map<String, COSDictionary> now = terminalFields(after.document);
    for (Map.Entry<String, COSDictionary> entry : old.entrySet()) {
      String where = "field " + entry.getKey();
      COSDictionary a = entry.getValue();
      COSDictionary b = now.get(entry.getKey());
      if (b == null) {
        out.add(new PdfChange(Kind.FORM_FIELD, where, "removed"));
        continue;
      }
      if (isSignatureField(a)) {
        COSBase signedValue = a.getDictionaryObject(COSName.V);
        if (signedValue != null
            && !Arrays.equals(
                before.hash(signedValue, Set.of()),
                after.hash(b.getDictionaryObject(COSName.V), Set.of()))) {
          out.add(new PdfChange(Kind.FORM_FIELD, where, "a signed signature field holds another"));
        } else if (signedValue == null && b.getDictionaryObject(COSName.V) != null) {
          out.add(new PdfChange(Kind.SIGNATURE, where, "an empty signature field was signed"));
        }
        continue;
      }
      Set<COSName> changed =
          before.changedKeys(a, after, b, Set.of(COSName.PARENT, COSName.KIDS, COSName.P));
      Set<COSName> filled = new TreeSet<>(changed);
      filled.retainAll(FILLING);
      changed.removeAll(FILLING);
      if (!changed.isEmpty()) {
        out.add(new PdfChange(Kind.FORM_FIELD, where, names(changed)));
      }
      if (!filled.isEmpty()) {
        out.add(
            new PdfChange(
                fill ? Kind.FORM_FILL : Kind.FORM_FIELD,
                where,
                "value or appearance " + names(filled)));
      }
    }
    for (Map.Entry<String, COSDictionary> entry : now.entrySet()) {
      if (old.containsKey(entry.getKey())) {
        continue;
      }
      COSDictionary field = entry.getValue();
      String where = "field " + entry.getKey();
      if (!isSignatureField(field)) {
        out.add(new PdfChange(Kind.FORM_FIELD, where, "added"));
        continue;
      }
      COSDictionary value = dict(field.getDictionaryObject(COSName.V));
      boolean timestamp =
          value != null && COSName.DOC_TIME_STAMP.equals(value.getCOSName(COSName.TYPE));
      if (docMdp == 1 && !timestamp) {
        out.add(
            new PdfChange(Kind.FORM_FIELD, where, "a signature added to a document certified P=1"));
      } else {
        out.add(
            new PdfChange(
                Kind.SIGNATURE,
                where,
                timestamp ? "document time-stamp added" : "signature added"));
      }
    }
  }

  /** Terminal fields by fully qualified name (bounded depth, cycles ignored). */
  private static Map<String, COSDictionary> terminalFields(PDDocument document) {
    Map<String, COSDictionary> out = new LinkedHashMap<>();
    COSDictionary form =
        dict(document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.ACRO_FORM));
    if (form == null) {
      return out;
    }
    collect(form.getDictionaryObject(COSName.FIELDS), "", out, 0, new IdentityHashMap<>());
    return out;
  }

  private static void collect(
      COSBase kids,
      String prefix,
      Map<String, COSDictionary> out,
      int depth,
      Map<COSDictionary, Boolean> seen) {
    if (!(kids instanceof COSArray array) || depth > 32) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      COSDictionary field = dict(array.getObject(i));
      if (field == null || seen.put(field, Boolean.TRUE) != null) {
        continue;
      }
      String partial = field.getString(COSName.T);
      String name =
          partial == null ? prefix + "#" + i : prefix.isEmpty() ? partial : prefix + "." + partial;
      COSBase children = field.getDictionaryObject(COSName.KIDS);
      boolean hasFieldKids = false;
      if (children instanceof COSArray childArray) {
        for (int k = 0; k < childArray.size(); k++) {
          COSDictionary child = dict(childArray.getObject(k));
          hasFieldKids |= child != null && child.containsKey(COSName.T);
        }
      }
      if (hasFieldKids) {
        collect(children, name, out, depth + 1, seen);
      } else {
        out.putIfAbsent(name, field);
      }
    }
  }

  private static List<COSDictionary> annots(COSDictionary page) {
    List<COSDictionary> out = new ArrayList<>();
    if (page.getDictionaryObject(COSName.ANNOTS) instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        COSDictionary annot = dict(array.getObject(i));
        if (annot != null) {
          out.add(annot);
        }
      }
    }
    return out;
  }

  private static boolean isSignatureWidget(COSDictionary annot) {
    return COSName.WIDGET.equals(annot.getCOSName(COSName.SUBTYPE)) && isSignatureField(annot);
  }

  private static boolean isSignatureField(COSDictionary dict) {
    if (COSName.SIG.equals(dict.getCOSName(COSName.FT))) {
      return true;
    }
    COSDictionary parent = dict(dict.getDictionaryObject(COSName.PARENT));
    return parent != null && COSName.SIG.equals(parent.getCOSName(COSName.FT));
  }

  private static COSDictionary dict(COSBase base) {
    COSBase resolved = base instanceof COSObject object ? object.getObject() : base;
    return resolved instanceof COSDictionary d ? d : null;
  }

  private static String names(Set<COSName> keys) {
    StringBuilder out = new StringBuilder();
    for (COSName key : keys) {
      out.append(out.length() == 0 ? "/" : " /").append(key.getName());
    }
    return out.toString();
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  /**
   * Hashes what an object is, followed through references: pages are named by their position rather
   * than followed (so an outline or a link that points at a page does not pull in its annotations),
   * and the budget bounds the objects visited.
   */
  private static final class Hasher {
    final PDDocument document;
    final List<PDPage> pages = new ArrayList<>();
    private final Map<COSDictionary, Integer> pageIndex = new IdentityHashMap<>();
    private final Map<COSBase, byte[]> memo = new IdentityHashMap<>();
    private final Map<COSBase, Boolean> open = new IdentityHashMap<>();
    private final int[] budget;

    Hasher(PDDocument document, int[] budget) {
      this.document = document;
      this.budget = budget;
      for (PDPage page : document.getPages()) {
        spend();
        pageIndex.putIfAbsent(page.getCOSObject(), pages.size());
        pages.add(page);
      }
    }

    private void spend() {
      if (--budget[0] < 0) {
        throw new TooManyObjects();
      }
    }

    /** The keys whose values differ between two dictionaries, less {@code skip}. */
    Set<COSName> changedKeys(COSDictionary a, Hasher other, COSDictionary b, Set<COSName> skip) {
      Set<COSName> keys = new TreeSet<>(a.keySet());
      keys.addAll(b.keySet());
      keys.removeAll(skip);
      Set<COSName> changed = new TreeSet<>();
      for (COSName key : keys) {
        if (!Arrays.equals(hash(a.getItem(key), Set.of()), other.hash(b.getItem(key), Set.of()))) {
          changed.add(key);
        }
      }
      return changed;
    }

    byte[] hash(COSBase base, Set<COSName> skip) {
      MessageDigest digest = sha256();
      feed(base, skip, digest, 0);
      return digest.digest();
    }

    private void feed(COSBase base, Set<COSName> skip, MessageDigest out, int depth) {
      if (depth > MAX_DEPTH) {
        throw new TooManyObjects();
      }
      COSBase value = base instanceof COSObject object ? object.getObject() : base;
      if (value == null || value instanceof COSNull) {
        out.update((byte) 'n');
        return;
      }
      Integer page = value instanceof COSDictionary d ? pageIndex.get(d) : null;
      if (page != null && depth > 0) {
        out.update(("page:" + page + ";").getBytes(StandardCharsets.US_ASCII));
        return;
      }
      boolean composite = value instanceof COSDictionary || value instanceof COSArray;
      if (composite && skip.isEmpty()) {
        byte[] known = memo.get(value);
        if (known != null) {
          out.update(known);
          return;
        }
        if (open.containsKey(value)) {
          out.update((byte) 'c'); // a cycle: the object is being hashed further up
          return;
        }
      }
      spend();
      if (value instanceof COSDictionary dict) {
        MessageDigest own = sha256();
        open.put(value, Boolean.TRUE);
        own.update(value instanceof COSStream ? (byte) 'S' : (byte) 'D');
        for (COSName key : new TreeSet<>(dict.keySet())) {
          if (skip.contains(key) || (value instanceof COSStream && COSName.LENGTH.equals(key))) {
            continue;
          }
          own.update(("/" + key.getName() + " ").getBytes(StandardCharsets.UTF_8));
          feed(dict.getItem(key), Set.of(), own, depth + 1);
        }
        if (value instanceof COSStream stream) {
          own.update(streamHash(stream));
        }
        open.remove(value);
        byte[] result = own.digest();
        if (skip.isEmpty()) {
          memo.put(value, result);
        }
        out.update(result);
      } else if (value instanceof COSArray array) {
        MessageDigest own = sha256();
        open.put(value, Boolean.TRUE);
        own.update((byte) '[');
        for (int i = 0; i < array.size(); i++) {
          feed(array.get(i), Set.of(), own, depth + 1);
        }
        open.remove(value);
        byte[] result = own.digest();
        memo.put(value, result);
        out.update(result);
      } else if (value instanceof COSString s) {
        out.update((byte) 's');
        out.update(s.getBytes());
        out.update((byte) ')');
      } else if (value instanceof COSName n) {
        out.update(("/" + n.getName() + " ").getBytes(StandardCharsets.UTF_8));
      } else if (value instanceof COSInteger i) {
        out.update(("i" + i.longValue() + " ").getBytes(StandardCharsets.US_ASCII));
      } else if (value instanceof COSFloat f) {
        out.update(("f" + f.floatValue() + " ").getBytes(StandardCharsets.US_ASCII));
      } else if (value instanceof COSBoolean b) {
        out.update(b.getValue() ? (byte) 'T' : (byte) 'F');
      } else {
        out.update(value.toString().getBytes(StandardCharsets.UTF_8));
      }
    }

    private static byte[] streamHash(COSStream stream) {
      MessageDigest digest = sha256();
      try (InputStream in = stream.createRawInputStream()) {
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
      } catch (IOException e) {
        digest.update("unreadable".getBytes(StandardCharsets.US_ASCII));
      }
      return digest.digest();
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required by the Java platform", e);
      }
    }
  }
}
