package io.github.motcua.signing.xml.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Finds identifier attributes in a document. Not part of the public API. */
public final class XmlIds {

  /** The XML namespace, of {@code xml:id}. */
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  private XmlIds() {}

  /**
   * Collects every attribute that some XML signature implementation could take for an identifier:
   * {@code Id}, {@code ID} or {@code id} without a namespace, and {@code xml:id}.
   *
   * @param doc the document
   * @return each identifier value with the elements that carry it, in document order
   */
  public static Map<String, List<Element>> all(Document doc) {
    Map<String, List<Element>> out = new LinkedHashMap<>();
    collect(doc.getDocumentElement(), out);
    return out;
  }

  private static void collect(Element element, Map<String, List<Element>> out) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
      boolean id =
          (a.getNamespaceURI() == null && local.equalsIgnoreCase("id"))
              || (XML_NS.equals(a.getNamespaceURI()) && "id".equals(local));
      if (id) {
        out.computeIfAbsent(a.getValue(), k -> new ArrayList<>()).add(element);
      }
    }
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        collect((Element) n, out);
      }
    }
  }
}
