package io.github.motcua.signing.receipt;

/**
 * A receipt, or one of its parts, breaks a rule: its code is {@code receipt.<field>.<rule>}, such
 * as {@code receipt.total.sum} (the total is not the sum of the items) or {@code
 * receipt.series-symbol.format}. {@link #field()} names the field.
 */
public class InvalidReceiptException extends ReceiptException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates an exception with code {@code receipt.<field>.<rule>}.
   *
   * @param field the field that breaks the rule, such as {@code total}; not null
   * @param rule the rule, such as {@code sum}; not null
   * @param message a message for people, free of personal data; not null
   */
  public InvalidReceiptException(String field, String rule, String message) {
    super("receipt." + field + "." + rule, message);
    this.field = field;
  }

  /**
   * Creates an exception with code {@code receipt.<field>.<rule>} and a cause.
   *
   * @param field the field that breaks the rule; not null
   * @param rule the rule; not null
   * @param message a message for people, free of personal data; not null
   * @param cause the underlying cause, such as an invalid identifier; may be null
   */
  public InvalidReceiptException(String field, String rule, String message, Throwable cause) {
    super("receipt." + field + "." + rule, message, cause);
    this.field = field;
  }

  /**
   * Returns the field that breaks a rule.
   *
   * @return the field name as used in the code, such as {@code payer.name}
   */
  public String field() {
    return field;
  }
}
