package io.github.motcua.signing.xml.internal;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one XML parser and serialiser of the signing module, hardened against hostile input: the
 * JDK's own implementation (never one found on the class path), secure processing, no DTD at all
 * (so no entity of any kind, internal or external), no external access, no XInclude, a bounded
 * input size and element depth, and no comments or processing instructions in the result. Not part
 * of the public API.
 */
public final class HardenedXml {

  /** The default size limit: 1 MiB, far above any receipt. */
  public static final int DEFAULT_MAX_BYTES = 1 << 20;

  /** The deepest element nesting accepted. */
  public static final int MAX_DEPTH = 64;

  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private HardenedXml() {}

  /**
   * Reads at most {@code maxBytes} from a stream.
   *
   * @param in the stream, not closed here
   * @param maxBytes the limit
   * @return the bytes
   * @throws InvalidInputException with code {@code xml.too-large} past the limit, {@code
   *     xml.malformed} when the stream fails
   */
  public static byte[] readBounded(InputStream in, int maxBytes) {
    try {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new InvalidInputException("xml.malformed", "The document could not be read.", e);
    }
  }

  /**
   * Parses a document with namespaces.
   *
   * @param xml the document's bytes
   * @param maxBytes the size limit
   * @return the document, with no DTD, comment or processing instruction
   * @throws InvalidInputException with code {@code xml.too-large}, {@code xml.doctype}, {@code
   *     xml.malformed}, {@code xml.comment} or {@code xml.processing-instruction}
   */
  public static Document parse(byte[] xml, int maxBytes) {
    if (xml.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    Document doc;
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("External entities are not resolved.");
          });
      doc = builder.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("DOCTYPE")) {
        throw new InvalidInputException(
            "xml.doctype", "The document declares a DTD; DTDs and entities are refused.", e);
      }
      if (message.contains("maxElementDepth") || message.contains("depth")) {
        throw new InvalidInputException(
            "xml.malformed", "The document nests elements deeper than " + MAX_DEPTH + ".", e);
      }
      throw new InvalidInputException(
          "xml.malformed", "The document is not well-formed XML: " + firstLine(message), e);
    } catch (IOException | ParserConfigurationException e) {
      throw new InvalidInputException("xml.malformed", "The document could not be parsed.", e);
    }
    if (doc.getDoctype() != null) {
      throw new InvalidInputException("xml.doctype", "The document declares a DTD.");
    }
    refuseHiddenNodes(doc);
    return doc;
  }

  /**
   * Creates an empty namespace-aware document.
   *
   * @return the document
   */
  public static Document newDocument() {
    try {
      Document doc = factory().newDocumentBuilder().newDocument();
      doc.setXmlStandalone(true);
      return doc;
    } catch (ParserConfigurationException e) {
      throw new ConfigurationException(
          "xml.parser", "The JDK's XML parser cannot be configured securely.", e);
    }
  }

  /**
   * Serialises a document as UTF-8 with an XML declaration, exactly as it is (no re-indentation,
   * which would break a signature).
   *
   * @param doc the document
   * @return the bytes
   */
  public static byte[] serialize(Document doc) {
    try {
      TransformerFactory tf = TransformerFactory.newDefaultInstance();
      tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.INDENT, "no");
      doc.setXmlStandalone(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new InvalidInputException("xml.malformed", "The document could not be written.", e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setValidating(false);
    return f;
  }

  private static void refuseHiddenNodes(Node node) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      switch (child.getNodeType()) {
        case Node.COMMENT_NODE:
          throw new InvalidInputException(
              "xml.comment",
              "The document contains a comment; comments are refused because canonicalisation"
                  + " leaves them out of what is signed.");
        case Node.PROCESSING_INSTRUCTION_NODE:
          throw new InvalidInputException(
              "xml.processing-instruction", "The document contains a processing instruction.");
        case Node.ENTITY_REFERENCE_NODE:
          throw new InvalidInputException("xml.doctype", "The document uses an entity.");
        case Node.ELEMENT_NODE:
          refuseHiddenNodes(child);
          break;
        default:
          break;
      }
    }
  }

  private static InvalidInputException tooLarge(int maxBytes) {
    return new InvalidInputException(
        "xml.too-large", "The document is larger than the limit of " + maxBytes + " bytes.");
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
