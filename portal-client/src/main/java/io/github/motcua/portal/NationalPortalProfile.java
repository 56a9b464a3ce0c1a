package io.github.motcua.portal;

import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Rating;
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
 * DongBoDanhGia}; field names as listed there (confirmed by public code); the ten national status
 * codes; processing steps in chunks of 10. Assumptions, marked so in the README and overridable
 * here: the paths, up to 10 records, ratings or completed steps of different dossiers in one call
 * (the {@code data[]} array takes several; how many a portal accepts, and whether it takes steps of
 * several dossiers at once, is not documented), the {@code HinhThuc} channel codes, the rating
 * fields and levels, the supplement record fields, the reply codes of an expired session ({@code
 * 401}), and the "already exists" / "not found" wording matched in reply messages.
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
   * Returns the {@code HinhThuc} code of a submission channel (default counter 0, full online 1,
   * partial online 2, post 3; an assumption).
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

  /** Builds a {@link NationalPortalProfile}. Not thread-safe. */
  public static final class Builder {
    private String loginPath = "/api/adapter/login";
    private String servicePath = "/api/adapter/service";
    private final Map<String, String> serviceNames = new LinkedHashMap<>();
    private final Map<String, String> fieldNames = new LinkedHashMap<>();
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
      channelCodes.put(SubmissionChannel.COUNTER, 0);
      channelCodes.put(SubmissionChannel.ONLINE_FULL, 1);
      channelCodes.put(SubmissionChannel.ONLINE_PARTIAL, 2);
      channelCodes.put(SubmissionChannel.POSTAL, 3);
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
     * Overrides the {@code HinhThuc} code of a channel.
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
        throw new PortalConfigurationException(
            "national.progress-chunk-size", "progressChunkSize must be at least 1.");
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
        throw new PortalConfigurationException(
            "national.record-chunk-size", "recordChunkSize must be at least 1.");
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
        throw new PortalConfigurationException(
            "national.shared-step-chunk-size", "sharedStepChunkSize must be at least 1.");
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
