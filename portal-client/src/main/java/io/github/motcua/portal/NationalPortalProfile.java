package io.github.motcua.portal;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.ReturnForm;
import io.github.motcua.core.dossier.SubmissionChannel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the National Public Service Portal's adapter (Cổng Dịch vụ công quốc gia) expects, in one
 * overridable place: paths, service names, field names, the status table, the codes of values
 * docs/domain.md §4 does not pin down, and how replies signal an expired session or an existing
 * dossier.
 *
 * <p>Defaults follow docs/domain.md §3-4: service names {@code DongBoHoSoMC}, {@code
 * CapNhatTienDoHoSoMC}, {@code TraCuuHoSo}, {@code LayThuTuc}, {@code LayDanhSachTTHC}, {@code
 * TraCuuTechID}, {@code DongBoDanhGia}; field names as listed there (confirmed by public code); the
 * ten national status codes; {@code KenhThucHien} 1 counter, 2 online, 3 post; {@code HinhThuc} 0
 * at the counter, 1 by post; the reply table ({@code 0} success; {@code 0}, {@code 3}, {@code -3}
 * with "đã tồn tại" already exists); processing steps in chunks of 10. Assumptions, marked so in
 * the README and overridable here: the paths, up to 10 records, ratings or completed steps of
 * different dossiers in one call (the {@code data[]} array takes several; how many a portal
 * accepts, and whether it takes steps of several dossiers at once, is not documented), the rating
 * fields and levels, the reply code of an expired session ({@code 401}), the "not found" wording,
 * the field holding steps in a look-up, and the national database codes.
 *
 * <p>Field names: the client builds records with the canonical names of docs/domain.md and renames
 * them through {@link #fieldNames()} (canonical → wire) just before sending, so a portal that
 * spells a field differently needs only an entry there.
 *
 * <p>Immutable and thread-safe.
 */
public final class NationalPortalProfile {

  private static final NationalPortalProfile DEFAULTS = new Builder().build();

  private final String loginPath;
  private final String servicePath;
  private final Map<String, String> serviceNames;
  private final Map<String, String> fieldNames;
  private final Map<String, Map<String, String>> serviceFieldNames;
  private final String sharePath;
  private final Map<ReturnForm, Integer> returnFormCodes;
  private final Map<String, ReplyKind> replyKinds;
  private final Set<String> alreadyExistsCodes;
  private final List<String> connectedDatabaseCodes;
  private final String stepsField;
  private final String accountProvider;
  private final Map<DossierStatus, Integer> statusCodes;
  private final Map<SubmissionChannel, Integer> channelCodes;
  private final Map<Rating.Satisfaction, Integer> satisfactionCodes;
  private final int progressChunkSize;
  private final int recordChunkSize;
  private final int sharedStepChunkSize;
  private final Set<String> sessionExpiredCodes;
  private final List<String> alreadyExistsMarkers;
  private final List<String> notFoundMarkers;
  private final Duration sessionMaxAge;

  private NationalPortalProfile(Builder b) {
    this.loginPath = b.loginPath;
    this.servicePath = b.servicePath;
    this.serviceNames = Map.copyOf(b.serviceNames);
    this.fieldNames = Map.copyOf(b.fieldNames);
    Map<String, Map<String, String>> perService = new LinkedHashMap<>();
    b.serviceFieldNames.forEach((k, v) -> perService.put(k, Map.copyOf(v)));
    this.serviceFieldNames = Map.copyOf(perService);
    this.sharePath = b.sharePath;
    this.returnFormCodes = java.util.Collections.unmodifiableMap(new EnumMap<>(b.returnFormCodes));
    this.replyKinds = Map.copyOf(b.replyKinds);
    this.alreadyExistsCodes = Set.copyOf(b.alreadyExistsCodes);
    this.connectedDatabaseCodes = List.copyOf(b.connectedDatabaseCodes);
    this.stepsField = b.stepsField;
    this.accountProvider = b.accountProvider;
    this.statusCodes = java.util.Collections.unmodifiableMap(new EnumMap<>(b.statusCodes));
    this.channelCodes = java.util.Collections.unmodifiableMap(new EnumMap<>(b.channelCodes));
    this.satisfactionCodes =
        java.util.Collections.unmodifiableMap(new EnumMap<>(b.satisfactionCodes));
    this.progressChunkSize = b.progressChunkSize;
    this.recordChunkSize = b.recordChunkSize;
    this.sharedStepChunkSize = b.sharedStepChunkSize;
    this.sessionExpiredCodes = Set.copyOf(b.sessionExpiredCodes);
    this.alreadyExistsMarkers = List.copyOf(b.alreadyExistsMarkers);
    this.notFoundMarkers = List.copyOf(b.notFoundMarkers);
    this.sessionMaxAge = b.sessionMaxAge;
  }

  /**
   * Returns the default profile described in the class comment.
   *
   * @return the defaults
   */
  public static NationalPortalProfile defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this profile's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.loginPath = loginPath;
    b.servicePath = servicePath;
    b.serviceNames.putAll(serviceNames);
    b.fieldNames.putAll(fieldNames);
    serviceFieldNames.forEach((k, v) -> b.serviceFieldNames.put(k, new LinkedHashMap<>(v)));
    b.sharePath = sharePath;
    b.returnFormCodes.putAll(returnFormCodes);
    b.replyKinds.clear();
    b.replyKinds.putAll(replyKinds);
    b.alreadyExistsCodes = alreadyExistsCodes;
    b.connectedDatabaseCodes = connectedDatabaseCodes;
    b.stepsField = stepsField;
    b.accountProvider = accountProvider;
    b.statusCodes.putAll(statusCodes);
    b.channelCodes.putAll(channelCodes);
    b.satisfactionCodes.putAll(satisfactionCodes);
    b.progressChunkSize = progressChunkSize;
    b.recordChunkSize = recordChunkSize;
    b.sharedStepChunkSize = sharedStepChunkSize;
    b.sessionExpiredCodes = sessionExpiredCodes;
    b.alreadyExistsMarkers = alreadyExistsMarkers;
    b.notFoundMarkers = notFoundMarkers;
    b.sessionMaxAge = sessionMaxAge;
    return b;
  }

  /**
   * Returns the login path (default {@code /api/adapter/login}, an assumption).
   *
   * @return the path below the adapter URL
   */
  public String loginPath() {
    return loginPath;
  }

  /**
   * Returns the integration endpoint's path (default {@code /api/adapter/service}, an assumption).
   *
   * @return the path below the adapter URL
   */
  public String servicePath() {
    return servicePath;
  }

  /**
   * Returns the wire name of a service.
   *
   * @param canonical the canonical name, such as {@code DongBoHoSoMC}
   * @return the name to send
   */
  public String service(String canonical) {
    return serviceNames.getOrDefault(canonical, canonical);
  }

  /**
   * Returns the field renames, canonical name to wire name; empty by default.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> fieldNames() {
    return fieldNames;
  }

  /**
   * Returns the field renames in force for one service: those set for every service, overridden by
   * those set for this service alone ({@link Builder#fieldName(String, String, String)}).
   *
   * @param service the canonical service name, such as {@code LayThuTuc}
   * @return canonical name to wire name, unmodifiable
   */
  public Map<String, String> fieldNames(String service) {
    Map<String, String> own = serviceFieldNames.get(service);
    if (own == null || own.isEmpty()) {
      return fieldNames;
    }
    Map<String, String> merged = new LinkedHashMap<>(fieldNames);
    merged.putAll(own);
    return Map.copyOf(merged);
  }

  /**
   * Returns the path of the sharing endpoint, which public code calls for {@code TraCuuTechID} and
   * the catalogues' dictionaries ({@code share_endpoint}); by default the integration endpoint's
   * path, as the real one is not public (docs/domain.md §4, [U]).
   *
   * @return the path below the adapter URL
   */
  public String sharePath() {
    return sharePath == null ? servicePath : sharePath;
  }

  /**
   * Returns the {@code HinhThuc} code of a return form (default at the counter 0, by post 1, as
   * public code sends it; docs/domain.md §4).
   *
   * @param form the return form
   * @return the code
   */
  public int returnFormCode(ReturnForm form) {
    return returnFormCodes.get(form);
  }

  /**
   * Classifies a reply from its {@code error_code} and message with the profile's reply table
   * (docs/domain.md §4): a code listed as success is a success, unless it is also one of the
   * "already exists" codes and its message says the dossier exists already (public code turns such
   * a reply, code {@code 0}, {@code 3} or {@code -3} with "đã tồn tại", into an update); an
   * unlisted code is {@link ReplyKind#REJECTED}, or {@link ReplyKind#NOT_FOUND} when its message
   * says the dossier does not exist.
   *
   * @param errorCode the reply's {@code error_code} as text
   * @param message the reply's message, may be null
   * @return what the reply means
   */
  public ReplyKind classify(String errorCode, String message) {
    if (alreadyExistsCodes.contains(errorCode) && saysAlreadyExists(message)) {
      return ReplyKind.ALREADY_EXISTS;
    }
    ReplyKind kind = replyKinds.get(errorCode);
    if (kind == null && sessionExpiredCodes.contains(errorCode)) {
      kind = ReplyKind.SESSION_EXPIRED;
    }
    if (kind == null || kind == ReplyKind.REJECTED) {
      return saysNotFound(message) ? ReplyKind.NOT_FOUND : ReplyKind.REJECTED;
    }
    return kind;
  }

  /**
   * Returns the reply table: {@code error_code} to what it means (default {@code 0} success, {@code
   * 401} an expired session; other codes are refusals).
   *
   * @return an unmodifiable map
   */
  public Map<String, ReplyKind> replyKinds() {
    return replyKinds;
  }

  /**
   * Returns the codes ({@code DSKetNoiCSDL[].MaCSDL}) of the national databases the unit's system
   * is connected to, sent with every dossier record; empty by default (public code sends {@code 7},
   * whose meaning is not public: docs/domain.md §4, [U]).
   *
   * @return the codes
   */
  public List<String> connectedDatabaseCodes() {
    return connectedDatabaseCodes;
  }

  /**
   * Returns the field of a {@code TraCuuHoSo} result that holds the processing steps (default
   * {@code QuaTrinhXuLy}; not shown by public code, [U]).
   *
   * @return the field name
   */
  public String stepsField() {
    return stepsField;
  }

  /**
   * Returns the {@code provider} sent with {@code TraCuuTechID} (default {@code wso2is}, as public
   * code sends it).
   *
   * @return the provider
   */
  public String accountProvider() {
    return accountProvider;
  }

  /**
   * Returns the national code of a status ({@code TrangThaiHoSo}).
   *
   * @param status the status
   * @return the code, by default {@link DossierStatus#nationalCode()}
   */
  public int statusCode(DossierStatus status) {
    return statusCodes.get(status);
  }

  /**
   * Returns the status a national code stands for.
   *
   * @param code the code
   * @return the status, empty for an unknown code
   */
  public Optional<DossierStatus> status(int code) {
    return statusCodes.entrySet().stream()
        .filter(e -> e.getValue() == code)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /**
   * Returns the {@code KenhThucHien} code of a submission channel (default counter 1, online 2,
   * post 3, as public code sends it; docs/domain.md §4).
   *
   * @param channel the channel
   * @return the code
   */
  public int channelCode(SubmissionChannel channel) {
    return channelCodes.get(channel);
  }

  /**
   * Returns the {@code MucDoHaiLong} code of a satisfaction level (default very satisfied 3,
   * satisfied 2, dissatisfied 1; an assumption).
   *
   * @param level the level
   * @return the code
   */
  public int satisfactionCode(Rating.Satisfaction level) {
    return satisfactionCodes.get(level);
  }

  /**
   * Returns how many processing steps go in one {@code CapNhatTienDoHoSoMC} call (default 10).
   *
   * @return at least 1
   */
  public int progressChunkSize() {
    return progressChunkSize;
  }

  /**
   * Returns how many dossier records go in one {@code DongBoHoSoMC} call, and how many ratings in
   * one {@code DongBoDanhGia} call, when events of several dossiers are published together ({@link
   * NationalPortalClient#publishAll}; default 10, as for steps). 1 publishes every event alone.
   *
   * @return at least 1
   */
  public int recordChunkSize() {
    return recordChunkSize;
  }

  /**
   * Returns how many completed steps of different dossiers go in one {@code CapNhatTienDoHoSoMC}
   * call when first attempts are published together ({@link NationalPortalClient#publishAll};
   * default 10, as for records: each step record names its dossier in {@code MaHoSo}). 1 publishes
   * every step alone.
   *
   * @return at least 1
   */
  public int sharedStepChunkSize() {
    return sharedStepChunkSize;
  }

  /**
   * Tells whether a reply's {@code error_code} means the session is invalid or expired.
   *
   * @param errorCode the code as text
   * @return true for an expired session (default code {@code 401})
   */
  public boolean isSessionExpired(String errorCode) {
    return sessionExpiredCodes.contains(errorCode);
  }

  /**
   * Tells whether a refusal message says the dossier already exists.
   *
   * @param message the reply message
   * @return true when it contains one of the markers ({@code đã tồn tại}, {@code already exist})
   */
  public boolean saysAlreadyExists(String message) {
    return containsAny(message, alreadyExistsMarkers);
  }

  /**
   * Tells whether a refusal message says the dossier does not exist.
   *
   * @param message the reply message
   * @return true when it contains one of the markers ({@code không tồn tại}, {@code not found})
   */
  public boolean saysNotFound(String message) {
    return containsAny(message, notFoundMarkers);
  }

  /**
   * Returns how long a session is used before a fresh login, if the portal's session lifetime is
   * known.
   *
   * @return the age, empty (the default) to log in again only when the portal rejects the session
   */
  public Optional<Duration> sessionMaxAge() {
    return Optional.ofNullable(sessionMaxAge);
  }

  private static boolean containsAny(String message, List<String> markers) {
    if (message == null) {
      return false;
    }
    String m = message.toLowerCase(Locale.ROOT);
    return markers.stream().anyMatch(k -> m.contains(k.toLowerCase(Locale.ROOT)));
  }

  /** What a reply of the national portal means, from its {@code error_code} and message. */
  public enum ReplyKind {
    /** The call succeeded. */
    SUCCESS,
    /** The dossier exists already: a create is sent again as an update. */
    ALREADY_EXISTS,
    /** The dossier does not exist: an update is sent again as a create. */
    NOT_FOUND,
    /** The session is invalid or expired: the client logs in again once and retries. */
    SESSION_EXPIRED,
    /** The portal refuses these credentials ({@link MotcuaException}). */
    AUTHENTICATION,
    /** The portal is temporarily unable to answer ({@link RetryLaterException}). */
    UNAVAILABLE,
    /** The portal refused the request ({@link InvalidInputException}). */
    REJECTED
  }

  /** Builds a {@link NationalPortalProfile}. Not thread-safe. */
  public static final class Builder {
    private String loginPath = "/api/adapter/login";
    private String servicePath = "/api/adapter/service";
    private final Map<String, String> serviceNames = new LinkedHashMap<>();
    private final Map<String, String> fieldNames = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> serviceFieldNames = new LinkedHashMap<>();
    private String sharePath;
    private final Map<ReturnForm, Integer> returnFormCodes = new EnumMap<>(ReturnForm.class);
    private final Map<String, ReplyKind> replyKinds = new LinkedHashMap<>();
    private Set<String> alreadyExistsCodes = Set.of("0", "3", "-3");
    private List<String> connectedDatabaseCodes = List.of();
    private String stepsField = "QuaTrinhXuLy";
    private String accountProvider = "wso2is";
    private final Map<DossierStatus, Integer> statusCodes = new EnumMap<>(DossierStatus.class);
    private final Map<SubmissionChannel, Integer> channelCodes =
        new EnumMap<>(SubmissionChannel.class);
    private final Map<Rating.Satisfaction, Integer> satisfactionCodes =
        new EnumMap<>(Rating.Satisfaction.class);
    private int progressChunkSize = 10;
    private int recordChunkSize = 10;
    private int sharedStepChunkSize = 10;
    private Set<String> sessionExpiredCodes = Set.of("401");
    private List<String> alreadyExistsMarkers = List.of("đã tồn tại", "already exist");
    private List<String> notFoundMarkers = List.of("không tồn tại", "not found");
    private Duration sessionMaxAge;

    private Builder() {
      for (DossierStatus s : DossierStatus.values()) {
        statusCodes.put(s, s.nationalCode());
      }
      channelCodes.put(SubmissionChannel.COUNTER, 1);
      channelCodes.put(SubmissionChannel.ONLINE_FULL, 2);
      channelCodes.put(SubmissionChannel.ONLINE_PARTIAL, 2);
      channelCodes.put(SubmissionChannel.POSTAL, 3);
      returnFormCodes.put(ReturnForm.AT_COUNTER, 0);
      returnFormCodes.put(ReturnForm.BY_POST, 1);
      replyKinds.put("0", ReplyKind.SUCCESS);
      replyKinds.put("401", ReplyKind.SESSION_EXPIRED);
      satisfactionCodes.put(Rating.Satisfaction.VERY_SATISFIED, 3);
      satisfactionCodes.put(Rating.Satisfaction.SATISFIED, 2);
      satisfactionCodes.put(Rating.Satisfaction.DISSATISFIED, 1);
    }

    /**
     * Sets the login and integration paths.
     *
     * @param loginPath the login path
     * @param servicePath the integration endpoint's path
     * @return this builder
     */
    public Builder paths(String loginPath, String servicePath) {
      this.loginPath = Objects.requireNonNull(loginPath, "loginPath");
      this.servicePath = Objects.requireNonNull(servicePath, "servicePath");
      return this;
    }

    /**
     * Renames a service.
     *
     * @param canonical the canonical name, such as {@code DongBoDanhGia}
     * @param wireName the name the portal expects
     * @return this builder
     */
    public Builder serviceName(String canonical, String wireName) {
      serviceNames.put(
          Objects.requireNonNull(canonical, "canonical"),
          Objects.requireNonNull(wireName, "wireName"));
      return this;
    }

    /**
     * Renames a field wherever it appears (records, steps, lists, ratings).
     *
     * @param canonical the canonical name, such as {@code MucDoHaiLong}
     * @param wireName the name the portal expects
     * @return this builder
     */
    public Builder fieldName(String canonical, String wireName) {
      fieldNames.put(
          Objects.requireNonNull(canonical, "canonical"),
          Objects.requireNonNull(wireName, "wireName"));
      return this;
    }

    /**
     * Renames a field for one service only, leaving the other services' names alone.
     *
     * @param service the canonical service name, such as {@code LayThuTuc}
     * @param canonical the canonical field name, such as {@code maTTHC}
     * @param wireName the name the portal expects in that service
     * @return this builder
     */
    public Builder fieldName(String service, String canonical, String wireName) {
      serviceFieldNames
          .computeIfAbsent(Objects.requireNonNull(service, "service"), k -> new LinkedHashMap<>())
          .put(
              Objects.requireNonNull(canonical, "canonical"),
              Objects.requireNonNull(wireName, "wireName"));
      return this;
    }

    /**
     * Sets the sharing endpoint's path ({@code TraCuuTechID}); null for the integration endpoint.
     *
     * @param path the path, or null
     * @return this builder
     */
    public Builder sharePath(String path) {
      this.sharePath = path;
      return this;
    }

    /**
     * Overrides the {@code HinhThuc} code of a return form.
     *
     * @param form the return form
     * @param code the code
     * @return this builder
     */
    public Builder returnFormCode(ReturnForm form, int code) {
      returnFormCodes.put(Objects.requireNonNull(form, "form"), code);
      return this;
    }

    /**
     * Sets what a reply's {@code error_code} means.
     *
     * @param errorCode the code as text
     * @param kind what it means
     * @return this builder
     */
    public Builder replyCode(String errorCode, ReplyKind kind) {
      replyKinds.put(
          Objects.requireNonNull(errorCode, "errorCode"), Objects.requireNonNull(kind, "kind"));
      return this;
    }

    /**
     * Sets the codes whose reply, with an "already exists" message, means the dossier exists.
     *
     * @param codes the codes as text (default {@code 0}, {@code 3}, {@code -3})
     * @return this builder
     */
    public Builder alreadyExistsCodes(Set<String> codes) {
      this.alreadyExistsCodes = Set.copyOf(codes);
      return this;
    }

    /**
     * Sets the national database codes sent as {@code DSKetNoiCSDL}.
     *
     * @param codes the codes, such as {@code 7}
     * @return this builder
     */
    public Builder connectedDatabaseCodes(List<String> codes) {
      this.connectedDatabaseCodes = List.copyOf(codes);
      return this;
    }

    /**
     * Sets the field of a {@code TraCuuHoSo} result that holds the steps.
     *
     * @param field the field name
     * @return this builder
     */
    public Builder stepsField(String field) {
      this.stepsField = Objects.requireNonNull(field, "field");
      return this;
    }

    /**
     * Sets the {@code provider} sent with {@code TraCuuTechID}.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder accountProvider(String provider) {
      this.accountProvider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Overrides the national code of a status.
     *
     * @param status the status
     * @param code the code
     * @return this builder
     */
    public Builder statusCode(DossierStatus status, int code) {
      statusCodes.put(Objects.requireNonNull(status, "status"), code);
      return this;
    }

    /**
     * Overrides the {@code KenhThucHien} code of a channel.
     *
     * @param channel the channel
     * @param code the code
     * @return this builder
     */
    public Builder channelCode(SubmissionChannel channel, int code) {
      channelCodes.put(Objects.requireNonNull(channel, "channel"), code);
      return this;
    }

    /**
     * Overrides the {@code MucDoHaiLong} code of a satisfaction level.
     *
     * @param level the level
     * @param code the code
     * @return this builder
     */
    public Builder satisfactionCode(Rating.Satisfaction level, int code) {
      satisfactionCodes.put(Objects.requireNonNull(level, "level"), code);
      return this;
    }

    /**
     * Sets how many processing steps go in one call.
     *
     * @param size at least 1
     * @return this builder
     */
    public Builder progressChunkSize(int size) {
      if (size < 1) {
        throw new ConfigurationException(
            "portal.config.national.progress-chunk-size", "progressChunkSize must be at least 1.");
      }
      this.progressChunkSize = size;
      return this;
    }

    /**
     * Sets how many dossier records (or ratings) of different dossiers go in one call; 1 sends each
     * event in a call of its own.
     *
     * @param size at least 1
     * @return this builder
     */
    public Builder recordChunkSize(int size) {
      if (size < 1) {
        throw new ConfigurationException(
            "portal.config.national.record-chunk-size", "recordChunkSize must be at least 1.");
      }
      this.recordChunkSize = size;
      return this;
    }

    /**
     * Sets how many completed steps of different dossiers go in one progress call; 1 sends each
     * step in a call of its own, as for a portal that takes the steps of one dossier per call.
     *
     * @param size at least 1
     * @return this builder
     */
    public Builder sharedStepChunkSize(int size) {
      if (size < 1) {
        throw new ConfigurationException(
            "portal.config.national.shared-step-chunk-size",
            "sharedStepChunkSize must be at least 1.");
      }
      this.sharedStepChunkSize = size;
      return this;
    }

    /**
     * Sets the {@code error_code}s that mean an invalid or expired session.
     *
     * @param codes the codes as text
     * @return this builder
     */
    public Builder sessionExpiredCodes(Set<String> codes) {
      this.sessionExpiredCodes = Set.copyOf(codes);
      return this;
    }

    /**
     * Sets the wording that marks an "already exists" refusal.
     *
     * @param markers substrings, matched ignoring case
     * @return this builder
     */
    public Builder alreadyExistsMarkers(List<String> markers) {
      this.alreadyExistsMarkers = List.copyOf(markers);
      return this;
    }

    /**
     * Sets the wording that marks a "not found" refusal.
     *
     * @param markers substrings, matched ignoring case
     * @return this builder
     */
    public Builder notFoundMarkers(List<String> markers) {
      this.notFoundMarkers = List.copyOf(markers);
      return this;
    }

    /**
     * Sets how long a session is used before logging in again.
     *
     * @param maxAge positive, or null to renew only when the portal rejects the session
     * @return this builder
     */
    public Builder sessionMaxAge(Duration maxAge) {
      this.sessionMaxAge = maxAge;
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     */
    public NationalPortalProfile build() {
      return new NationalPortalProfile(this);
    }
  }
}
