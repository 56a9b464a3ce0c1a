package io.github.motcua.signing.xml;

import io.github.motcua.core.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the element a caller expects to be signed sits: the local names of the elements from the
 * document element down to it, without namespace, each one the only child of that name of its
 * parent. For a receipt: {@code SignedElementPath.of("EReceipt", "ReceiptData")}.
 *
 * <p>{@link XmlSignatureVerifier} accepts a signature only when its reference resolves to this very
 * element, so that a signed element moved elsewhere and a forged one put in its place (signature
 * wrapping) never validates the forged content.
 *
 * @param names the element names, the document element first; at least one
 */
public record SignedElementPath(List<String> names) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /**
   * Creates a path.
   *
   * @throws InvalidInputException with code {@code xml.structure} when a name is not an XML name
   */
  public SignedElementPath {
    names = List.copyOf(names);
    if (names.isEmpty() || !names.stream().allMatch(n -> NAME.matcher(n).matches())) {
      throw new InvalidInputException(
          "xml.structure", "A signed element path is one or more XML names.");
    }
  }

  /**
   * Creates a path.
   *
   * @param names the element names, the document element first
   * @return the path
   */
  public static SignedElementPath of(String... names) {
    return new SignedElementPath(List.of(names));
  }

  @Override
  public String toString() {
    return "/" + String.join("/", names);
  }
}
