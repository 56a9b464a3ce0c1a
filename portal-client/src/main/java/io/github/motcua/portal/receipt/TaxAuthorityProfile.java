package io.github.motcua.portal.receipt;

import io.github.motcua.core.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how receipt data reach the tax authority: its own gateway, or a licensed e-invoice
 * provider's (tổ chức nhận, truyền, lưu trữ dữ liệu), which differ. Nothing of the wire is public,
 * so every value here is a setting marked unknown in docs/domain.md §7 [U]: the defaults describe
 * the format motcua's {@code TaxAuthorityFake} serves, documented in docs/receipts.md.
 *
 * <ul>
 *   <li>{@code POST {receiptPath}} with one receipt document: JSON {@code {taxCode, formSymbol,
 *       receiptSymbol, number, kind, issuedAt, document}} (document in Base64), or, with {@link
 *       Format#XML}, the signed XML itself with the key in the {@code X-Receipt-Key} header;
 *   <li>{@code POST {summaryPath}} with a day's summary (form 01/TH-BLĐT): JSON {@code {form,
 *       taxCode, day, lines[{formSymbol, receiptSymbol, number, kind, issuedAt, amount}]}};
 *   <li>each call carries {@code Idempotency-Key} (the document's or summary's key); a 2xx reply
 *       carries {@code acceptanceCode}, a refusal {@code code} and {@code message};
 *   <li>authentication: OAuth2 client credentials when a token URL is set, none otherwise.
 * </ul>
 *
 * <p>Immutable.
 */
public final class TaxAuthorityProfile {

  /** The body format of per-receipt transmissions. */
  public enum Format {
    /** A JSON object with the document in Base64. */
    JSON,
    /** The signed XML document as it is. */
    XML
  }

  private final String name;
  private final String baseUrl;
  private final String tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final String receiptPath;
  private final String summaryPath;
  private final Format format;
  private final Map<String, String> fieldNames;

  private TaxAuthorityProfile(Builder b) {
    this.name = b.name;
    this.baseUrl = b.baseUrl;
    this.tokenUrl = b.tokenUrl;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.receiptPath = b.receiptPath;
    this.summaryPath = b.summaryPath;
    this.format = b.format;
    this.fieldNames = Map.copyOf(b.fieldNames);
  }

  /**
   * Starts a profile.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the name used in messages and results.
   *
   * @return default {@code tax-authority}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the base URL.
   *
   * @return the URL
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the OAuth2 token URL.
   *
   * @return the URL, or null for no authentication
   */
  public String tokenUrl() {
    return tokenUrl;
  }

  /**
   * Returns the OAuth2 client id.
   *
   * @return the id, or null
   */
  public String clientId() {
    return clientId;
  }

  /**
   * Returns the OAuth2 client secret.
   *
   * @return the secret, or null
   */
  public String clientSecret() {
    return clientSecret;
  }

  /**
   * Returns the path of per-receipt transmissions.
   *
   * @return default {@code /api/v1/receipts}
   */
  public String receiptPath() {
    return receiptPath;
  }

  /**
   * Returns the path of daily summaries.
   *
   * @return default {@code /api/v1/receipt-summaries}
   */
  public String summaryPath() {
    return summaryPath;
  }

  /**
   * Returns the body format of per-receipt transmissions.
   *
   * @return default {@link Format#JSON}
   */
  public Format format() {
    return format;
  }

  /**
   * Returns the wire name of a field.
   *
   * @param field motcua's name, such as {@code receiptSymbol} or {@code acceptanceCode}
   * @return the name on the wire; the same name unless renamed
   */
  public String field(String field) {
    return fieldNames.getOrDefault(field, field);
  }

  @Override
  public String toString() {
    return "TaxAuthorityProfile[" + name + " " + baseUrl + ", " + format + "]";
  }

  /** Builds a {@link TaxAuthorityProfile}. Not thread-safe. */
  public static final class Builder {
    private String name = "tax-authority";
    private String baseUrl;
    private String tokenUrl;
    private String clientId;
    private String clientSecret;
    private String receiptPath = "/api/v1/receipts";
    private String summaryPath = "/api/v1/receipt-summaries";
    private Format format = Format.JSON;
    private final Map<String, String> fieldNames = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the name used in messages.
     *
     * @param name the name; not null
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the base URL (required).
     *
     * @param baseUrl an http(s) URL; not null
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Uses OAuth2 client credentials.
     *
     * @param tokenUrl the token URL; not null
     * @param clientId the client id; not null
     * @param clientSecret the secret; not null
     * @return this builder
     */
    public Builder clientCredentials(String tokenUrl, String clientId, String clientSecret) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * Sets the path of per-receipt transmissions [U].
     *
     * @param path such as {@code /api/v1/receipts}; not null
     * @return this builder
     */
    public Builder receiptPath(String path) {
      this.receiptPath = Objects.requireNonNull(path, "path");
      return this;
    }

    /**
     * Sets the path of daily summaries [U].
     *
     * @param path such as {@code /api/v1/receipt-summaries}; not null
     * @return this builder
     */
    public Builder summaryPath(String path) {
      this.summaryPath = Objects.requireNonNull(path, "path");
      return this;
    }

    /**
     * Sets the body format of per-receipt transmissions [U].
     *
     * @param format the format; not null
     * @return this builder
     */
    public Builder format(Format format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Renames a field on the wire [U].
     *
     * @param field motcua's name, such as {@code receiptSymbol}; not null
     * @param wireName the authority's name, such as {@code KHBLai}; not null
     * @return this builder
     */
    public Builder fieldName(String field, String wireName) {
      fieldNames.put(
          Objects.requireNonNull(field, "field"), Objects.requireNonNull(wireName, "wireName"));
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     * @throws ConfigurationException with code {@code tax.base-url} when it is missing
     */
    public TaxAuthorityProfile build() {
      if (baseUrl == null) {
        throw new ConfigurationException("portal.config.tax.base-url", "A base URL is required.");
      }
      return new TaxAuthorityProfile(this);
    }
  }
}
