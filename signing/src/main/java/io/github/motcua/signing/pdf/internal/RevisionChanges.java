package io.github.motcua.signing.pdf.internal;

import io.github.motcua.signing.pdf.PdfChange;
import io.github.motcua.signing.pdf.PdfChange.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds what the revisions after a signed one changed: every object defined after the signed
 * revision's end (in the file or in an object stream written there), compared with the same object
 * in the signed revision, classified as a signature addition (allowed) or a change to pages, forms,
 * annotations or anything else (not allowed).
 *
 * <p>New objects are reported only when they are signature parts: any other new object takes effect
 * only through an existing object that now refers to it, and that object is reported.
 */
public final class RevisionChanges {

  private static final Set<COSName> CATALOG_SIGNATURE_KEYS =
      Set.of(COSName.ACRO_FORM, COSName.getPDFName("DSS"), COSName.getPDFName("Extensions"));
  private static final Set<COSName> ACROFORM_SIGNATURE_KEYS =
      Set.of(COSName.FIELDS, COSName.SIG_FLAGS, COSName.DR, COSName.DA);
  private static final Set<COSName> FIELD_SIGNING_KEYS =
      Set.of(COSName.V, COSName.AP, COSName.F, COSName.P);

  private RevisionChanges() {}

  /**
   * Lists the changes.
   *
   * @param full the whole document, loaded
   * @param signed the signed revision (the file up to the end of the byte range), loaded
   * @param revisionEnd where the signed revision ends in the file
   * @return the changes, by object number
   */
  public static List<PdfChange> between(PDDocument full, PDDocument signed, long revisionEnd) {
    Map<COSObjectKey, Long> xref = full.getDocument().getXrefTable();
    Map<COSObjectKey, Long> oldXref = signed.getDocument().getXrefTable();
    Map<Long, COSObjectKey> streams = new TreeMap<>();
    for (COSObjectKey key : xref.keySet()) {
      streams.putIfAbsent(key.getNumber(), key);
    }
    Map<COSObjectKey, PdfChange> out = new TreeMap<>();
    for (Map.Entry<COSObjectKey, Long> entry : xref.entrySet()) {
      long offset = entry.getValue();
      if (offset < 0) {
        COSObjectKey stream = streams.get(-offset);
        Long streamOffset = stream == null ? null : xref.get(stream);
        offset = streamOffset == null ? Long.MAX_VALUE : streamOffset;
      }
      if (offset < revisionEnd) {
        continue;
      }
      COSObjectKey key = entry.getKey();
      COSBase now = resolve(full.getDocument().getObjectFromPool(key));
      if (now == null || isXrefOrObjectStream(now)) {
        continue;
      }
      COSObjectKey oldKey = find(oldXref, key);
      COSBase before =
          oldKey == null ? null : resolve(signed.getDocument().getObjectFromPool(oldKey));
      PdfChange change = classify(key, before, now, signed, full);
      if (change != null) {
        out.put(key, change);
      }
    }
    return new ArrayList<>(out.values());
  }

  private static COSObjectKey find(Map<COSObjectKey, Long> xref, COSObjectKey key) {
    for (COSObjectKey candidate : xref.keySet()) {
      if (candidate.getNumber() == key.getNumber()
          && candidate.getGeneration() == key.getGeneration()) {
        return candidate;
      }
    }
    return null;
  }

  private static PdfChange classify(
      COSObjectKey key, COSBase before, COSBase now, PDDocument signed, PDDocument full) {
    String ref = key.getNumber() + " " + key.getGeneration() + " R";
    if (before == null) {
      return isSignaturePart(now)
          ? new PdfChange(Kind.SIGNATURE, ref, describe(now) + " added")
          : null;
    }
    if (before instanceof COSArray oldArray && now instanceof COSArray newArray) {
      if (sameValue(oldArray, newArray)) {
        return null;
      }
      return onlySignaturesAdded(oldArray, newArray)
          ? new PdfChange(Kind.SIGNATURE, ref, "signature widgets or fields added to an array")
          : new PdfChange(Kind.OTHER, ref, "array changed");
    }
    if (!(before instanceof COSDictionary oldDict) || !(now instanceof COSDictionary newDict)) {
      return sameValue(before, now) ? null : new PdfChange(Kind.OTHER, ref, "value changed");
    }
    Set<COSName> changed = changedKeys(oldDict, newDict);
    boolean dataChanged = oldDict instanceof COSStream && !sameStreamData(oldDict, newDict);
    if (changed.isEmpty() && !dataChanged) {
      return null; // rewritten unchanged
    }
    String what = describe(newDict) + ": " + names(changed) + (dataChanged ? " stream data" : "");
    COSName type = newDict.getCOSName(COSName.TYPE);
    if (isSignaturePart(oldDict) && isSignaturePart(newDict)) {
      if (isSignatureField(oldDict)
          && oldDict.getItem(COSName.V) != null
          && changed.contains(COSName.V)) {
        return new PdfChange(Kind.FORM_FIELD, ref, "a signed signature field now holds another");
      }
      return FIELD_SIGNING_KEYS.containsAll(changed) || isSignatureDictionary(newDict)
          ? new PdfChange(Kind.SIGNATURE, ref, what)
          : new PdfChange(Kind.OTHER, ref, what);
    }
    if (COSName.CATALOG.equals(type)) {
      return CATALOG_SIGNATURE_KEYS.containsAll(changed)
          ? new PdfChange(Kind.SIGNATURE, ref, what)
          : new PdfChange(Kind.OTHER, ref, what);
    }
    if (COSName.PAGE.equals(type)) {
      if (Set.of(COSName.ANNOTS).containsAll(changed)
          && onlySignaturesAdded(
              oldDict.getCOSArray(COSName.ANNOTS), newDict.getCOSArray(COSName.ANNOTS))) {
        return new PdfChange(Kind.SIGNATURE, ref, "signature widget added to a page");
      }
      return new PdfChange(Kind.PAGE_CONTENT, ref, what);
    }
    if (COSName.PAGES.equals(type) || oldDict instanceof COSStream && !isMetadata(newDict)) {
      return new PdfChange(Kind.PAGE_CONTENT, ref, what);
    }
    if (isMetadata(newDict) || isInfo(key, signed, full)) {
      return new PdfChange(Kind.METADATA, ref, what);
    }
    if (newDict.containsKey(COSName.FIELDS) && !newDict.containsKey(COSName.FT)) {
      boolean allowed =
          ACROFORM_SIGNATURE_KEYS.containsAll(changed)
              && onlySignaturesAdded(
                  oldDict.getCOSArray(COSName.FIELDS), newDict.getCOSArray(COSName.FIELDS));
      return new PdfChange(allowed ? Kind.SIGNATURE : Kind.FORM_FIELD, ref, what);
    }
    if (newDict.containsKey(COSName.FT) || newDict.containsKey(COSName.PARENT)) {
      return new PdfChange(Kind.FORM_FIELD, ref, what);
    }
    if (COSName.ANNOT.equals(type) || newDict.containsKey(COSName.RECT)) {
      return new PdfChange(Kind.ANNOTATION, ref, what);
    }
    return new PdfChange(Kind.OTHER, ref, what);
  }

  private static boolean isInfo(COSObjectKey key, PDDocument signed, PDDocument full) {
    for (PDDocument document : List.of(signed, full)) {
      COSBase info = document.getDocument().getTrailer().getItem(COSName.INFO);
      if (info instanceof COSObject object
          && object.getKey() != null
          && object.getKey().getNumber() == key.getNumber()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMetadata(COSDictionary dict) {
    return COSName.METADATA.equals(dict.getCOSName(COSName.TYPE));
  }

  private static boolean isSignaturePart(COSBase base) {
    if (!(base instanceof COSDictionary dict)) {
      return false;
    }
    COSName type = dict.getCOSName(COSName.TYPE);
    return isSignatureDictionary(dict)
        || COSName.getPDFName("DSS").equals(type)
        || COSName.getPDFName("VRI").equals(type)
        || isSignatureField(dict);
  }

  private static boolean isSignatureDictionary(COSDictionary dict) {
    COSName type = dict.getCOSName(COSName.TYPE);
    return COSName.SIG.equals(type)
        || COSName.DOC_TIME_STAMP.equals(type)
        || dict.containsKey(COSName.BYTERANGE) && dict.containsKey(COSName.CONTENTS);
  }

  private static boolean isSignatureField(COSDictionary dict) {
    if (COSName.SIG.equals(dict.getCOSName(COSName.FT))) {
      return true;
    }
    COSBase parent = dict.getDictionaryObject(COSName.PARENT);
    return COSName.WIDGET.equals(dict.getCOSName(COSName.SUBTYPE))
        && parent instanceof COSDictionary p
        && COSName.SIG.equals(p.getCOSName(COSName.FT));
  }

  /** The new array keeps every old element, in order, and adds only signature parts. */
  private static boolean onlySignaturesAdded(COSArray before, COSArray now) {
    List<COSBase> old = before == null ? List.of() : elements(before);
    List<COSBase> current = now == null ? List.of() : elements(now);
    if (current.size() < old.size()) {
      return false;
    }
    for (int i = 0; i < old.size(); i++) {
      if (!sameValue(old.get(i), current.get(i))) {
        return false;
      }
    }
    for (int i = old.size(); i < current.size(); i++) {
      if (!isSignaturePart(resolve(current.get(i)))) {
        return false;
      }
    }
    return true;
  }

  private static List<COSBase> elements(COSArray array) {
    List<COSBase> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      out.add(array.get(i));
    }
    return out;
  }

  private static Set<COSName> changedKeys(COSDictionary before, COSDictionary now) {
    Set<COSName> keys = new HashSet<>(before.keySet());
    keys.addAll(now.keySet());
    Set<COSName> changed = new java.util.TreeSet<>(); // sorted, for stable descriptions
    for (COSName key : keys) {
      if (COSName.LENGTH.equals(key)) {
        continue; // a stream's length follows its data, compared separately
      }
      if (!sameValue(before.getItem(key), now.getItem(key))) {
        changed.add(key);
      }
    }
    return changed;
  }

  /** Compares values as written: indirect references by object number, direct values deeply. */
  private static boolean sameValue(COSBase a, COSBase b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof COSObject x && b instanceof COSObject y) {
      return x.getKey() != null && y.getKey() != null && sameKey(x.getKey(), y.getKey());
    }
    if (a instanceof COSObject || b instanceof COSObject) {
      return false;
    }
    if (a instanceof COSArray x && b instanceof COSArray y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!sameValue(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof COSDictionary x && b instanceof COSDictionary y) {
      if (x instanceof COSStream != y instanceof COSStream) {
        return false;
      }
      return changedKeys(x, y).isEmpty() && (!(x instanceof COSStream) || sameStreamData(x, y));
    }
    if (a instanceof org.apache.pdfbox.cos.COSString x
        && b instanceof org.apache.pdfbox.cos.COSString y) {
      return Arrays.equals(x.getBytes(), y.getBytes());
    }
    return a.equals(b);
  }

  private static boolean sameKey(COSObjectKey a, COSObjectKey b) {
    return a.getNumber() == b.getNumber() && a.getGeneration() == b.getGeneration();
  }

  private static boolean sameStreamData(COSDictionary a, COSDictionary b) {
    if (!(a instanceof COSStream x) || !(b instanceof COSStream y)) {
      return false;
    }
    try (InputStream in1 = x.createRawInputStream();
        InputStream in2 = y.createRawInputStream()) {
      return Arrays.equals(in1.readAllBytes(), in2.readAllBytes());
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isXrefOrObjectStream(COSBase base) {
    if (!(base instanceof COSDictionary dict)) {
      return false;
    }
    COSName type = dict.getCOSName(COSName.TYPE);
    return COSName.XREF.equals(type) || COSName.OBJ_STM.equals(type);
  }

  private static COSBase resolve(COSBase base) {
    return base instanceof COSObject object ? object.getObject() : base;
  }

  private static String describe(COSBase base) {
    if (!(base instanceof COSDictionary dict)) {
      return "object";
    }
    COSName type = dict.getCOSName(COSName.TYPE);
    if (isSignatureDictionary(dict)) {
      return COSName.DOC_TIME_STAMP.equals(type) ? "document time-stamp" : "signature";
    }
    if (isSignatureField(dict)) {
      return "signature field";
    }
    if (type != null) {
      return type.getName();
    }
    return dict instanceof COSStream ? "stream" : "dictionary";
  }

  private static String names(Set<COSName> keys) {
    StringBuilder out = new StringBuilder();
    for (COSName key : keys) {
      out.append(out.length() == 0 ? "/" : " /").append(key.getName());
    }
    return out.toString();
  }
}
