package io.github.motcua.core.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one JSON value into a Jackson tree, refusing duplicate property names at every level.
 *
 * <p>Jackson's own tree reader lets the last of two equal names win, so two readers of one document
 * could see two different applicants. Here each duplicate becomes a {@code duplicate-key} violation
 * at the duplicated property's path (the first value is kept, the later one skipped), and the
 * caller refuses the document. The reader keeps its own stack instead of recursing, so a nesting as
 * deep as the parser allows cannot overflow the thread's stack; a duplicate costs a path only while
 * {@link Reading} still keeps details. Package-private.
 */
final class StrictTree {

  /** Longest path built for a violation; deeper paths are cut. */
  private static final int MAX_PATH = 300;

  private StrictTree() {}

  /** An open object or array, and where it sits in its parent. */
  private static final class Frame {
    final ContainerNode<?> node;
    final String name;
    final int index;
    String currentName;
    int currentIndex = -1;

    Frame(ContainerNode<?> node, String name, int index) {
      this.node = node;
      this.name = name;
      this.index = index;
    }
  }

  /**
   * Reads the value at the parser's current token (a scalar, the start of an object or array, or a
   * property name or end of object when the object's start was already consumed), leaving the
   * parser on the value's last token.
   */
  static JsonNode read(JsonParser p, DeserializationContext ctxt, String rootPath, Reading reading)
      throws IOException {
    JsonNodeFactory factory = ctxt.getNodeFactory();
    JsonToken token = p.currentToken();
    List<Frame> stack = new ArrayList<>();
    JsonNode root;
    if (token == JsonToken.END_OBJECT) {
      // An object whose properties were all consumed before (a buffered type id): it is empty.
      return factory.objectNode();
    }
    if (token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME) {
      root = factory.objectNode();
      if (token == JsonToken.START_OBJECT) {
        token = p.nextToken();
      }
    } else if (token == JsonToken.START_ARRAY) {
      root = factory.arrayNode();
      token = p.nextToken();
    } else {
      return scalar(p, token, factory);
    }
    stack.add(new Frame((ContainerNode<?>) root, null, -1));
    while (true) {
      if (token == null) {
        throw new JsonParseException(p, "Unexpected end of input");
      }
      Frame top = stack.get(stack.size() - 1);
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        stack.remove(stack.size() - 1);
        if (stack.isEmpty()) {
          return root;
        }
        token = p.nextToken();
        continue;
      }
      JsonNode value;
      if (top.node instanceof ObjectNode object) {
        if (token != JsonToken.FIELD_NAME) {
          throw new JsonParseException(p, "Expected a property name");
        }
        String name = p.currentName();
        token = p.nextToken();
        if (object.has(name)) {
          if (reading.keepsDetail()) {
            reading.add(path(rootPath, stack, name, -1), "duplicate-key", DUPLICATE);
          } else {
            reading.add(rootPath, "duplicate-key", DUPLICATE);
          }
          p.skipChildren();
          token = p.nextToken();
          continue;
        }
        top.currentName = name;
        value = open(token, factory, p);
        object.set(name, value);
      } else {
        top.currentIndex++;
        value = open(token, factory, p);
        ((ArrayNode) top.node).add(value);
      }
      if (value.isContainerNode()) {
        stack.add(new Frame((ContainerNode<?>) value, top.currentName, top.currentIndex));
      }
      token = p.nextToken();
    }
  }

  private static final String DUPLICATE =
      "is a property name already used in this object; each name may appear once.";

  private static JsonNode open(JsonToken token, JsonNodeFactory factory, JsonParser p)
      throws IOException {
    if (token == JsonToken.START_OBJECT) {
      return factory.objectNode();
    }
    if (token == JsonToken.START_ARRAY) {
      return factory.arrayNode();
    }
    return scalar(p, token, factory);
  }

  private static JsonNode scalar(JsonParser p, JsonToken token, JsonNodeFactory factory)
      throws IOException {
    if (token == null) {
      throw new JsonParseException(p, "Unexpected end of input");
    }
    switch (token) {
      case VALUE_STRING:
        return factory.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return factory.numberNode(p.getIntValue());
          case LONG:
            return factory.numberNode(p.getLongValue());
          default:
            return factory.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
            ? factory.numberNode(p.getDecimalValue())
            : factory.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return factory.booleanNode(true);
      case VALUE_FALSE:
        return factory.booleanNode(false);
      case VALUE_NULL:
        return factory.nullNode();
      case VALUE_EMBEDDED_OBJECT:
        Object embedded = p.getEmbeddedObject();
        return embedded instanceof byte[] bytes
            ? factory.binaryNode(bytes)
            : factory.pojoNode(embedded);
      default:
        throw new JsonParseException(p, "Unexpected token " + token);
    }
  }

  /** The path of a property of the innermost open object, built from the root down. */
  private static String path(String rootPath, List<Frame> stack, String name, int index) {
    StringBuilder path = new StringBuilder(rootPath);
    for (int i = 1; i < stack.size() && path.length() <= MAX_PATH; i++) {
      Frame frame = stack.get(i);
      segment(path, frame.name, frame.index);
    }
    if (path.length() <= MAX_PATH) {
      segment(path, name, index);
    }
    return path.toString();
  }

  private static void segment(StringBuilder path, String name, int index) {
    if (name != null) {
      path.append('.').append(name.length() > MAX_PATH ? name.substring(0, MAX_PATH) : name);
    } else {
      path.append('[').append(index).append(']');
    }
  }
}
