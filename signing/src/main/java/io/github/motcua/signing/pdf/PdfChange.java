package io.github.motcua.signing.pdf;

import java.util.Objects;

/**
 * One change a later revision of a PDF made after a signature (thay đổi sau khi ký): which object,
 * what kind of change, in words.
 *
 * @param kind what the change touches
 * @param object where: {@code "page 1"}, {@code "catalog"}, {@code "field amount"}, {@code
 *     "trailer"}
 * @param description what changed, such as {@code "what the page draws: /Contents"}
 */
public record PdfChange(Kind kind, String object, String description) {

  /** What a change touches, and whether it is allowed after signing. */
  public enum Kind {
    /** A signature, document time-stamp, validation data, or the entries that hold them. */
    SIGNATURE(true),
    /** Document information or XMP metadata. */
    METADATA(true),
    /**
     * A form field's value and its appearance filled in, which a signature allows unless a
     * certification signature forbids all changes (DocMDP P=1).
     */
    FORM_FILL(true),
    /**
     * An annotation added, changed or removed where a certification signature allows it (DocMDP
     * P=3).
     */
    COMMENT(true),
    /** A form field other than a signature changed beyond filling, or filled where not allowed. */
    FORM_FIELD(false),
    /** An annotation other than a signature widget. */
    ANNOTATION(false),
    /** A page, the page tree, a content stream or a resource it draws. */
    PAGE_CONTENT(false),
    /** Anything else: the catalog, actions, unknown objects. */
    OTHER(false);

    private final boolean allowedAfterSigning;

    Kind(boolean allowedAfterSigning) {
      this.allowedAfterSigning = allowedAfterSigning;
    }

    /**
     * Tells whether such a change leaves what was signed as it was (PAdES lets later signers add
     * signatures, time-stamps and validation data).
     *
     * @return true for {@link #SIGNATURE}, {@link #METADATA}, {@link #FORM_FILL} and {@link
     *     #COMMENT}
     */
    public boolean allowedAfterSigning() {
      return allowedAfterSigning;
    }
  }

  /**
   * Validates the parts.
   *
   * @throws NullPointerException when a part is null
   */
  public PdfChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public String toString() {
    return kind + " " + object + ": " + description;
  }
}
