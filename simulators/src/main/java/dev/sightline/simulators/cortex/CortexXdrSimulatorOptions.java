package dev.sightline.simulators.cortex;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything that defines a simulated Cortex XDR tenant and its server. The tenant is a pure
 * function of {@code (seed, offset, hosts)} and the UTC day the simulator starts (see the README).
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param hosts number of fleet machines in the tenant
 * @param seed fleet and tenant seed (the same seed as a CrowdStrike simulator gives the same
 *     machines)
 * @param offset first fleet machine: the tenant shows machines {@code [offset, offset + hosts)}
 * @param keyId the only API key id accepted ({@code x-xdr-auth-id})
 * @param key that key's secret
 * @param security whether the key is a standard key (sent raw) or an advanced key (hashed with a
 *     nonce and a timestamp); a request signed the other way is refused with 401
 * @param role the key's role; see {@code RolePermissions} and the README for what each role may
 *     call
 * @param vulnerabilityLicense whether the tenant has the Host Insights add-on that XQL queries over
 *     {@code va_endpoints} / {@code va_cves} need; without it they get 402
 * @param faultSpec random fault grammar (see {@link CortexXdrSimulator}); empty for none
 * @param dailyQuotaUnits the XQL query-unit licence quota per UTC day; 0 refuses every query
 * @param clock drives auth timestamp checks, rate-limit windows, quota days, query expiry and
 *     {@code advance} timestamps
 */
public record CortexXdrSimulatorOptions(
    int port,
    int hosts,
    long seed,
    int offset,
    String keyId,
    String key,
    SecurityLevel security,
    String role,
    boolean vulnerabilityLicense,
    String faultSpec,
    long dailyQuotaUnits,
    Clock clock) {

  /** The API key's security level, as chosen when the key is generated in the console. */
  public enum SecurityLevel {
    STANDARD,
    ADVANCED;

    /**
     * {@code standard} or {@code advanced}, as the CLI and the connector configuration spell it.
     */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static SecurityLevel parse(String text) {
      for (SecurityLevel level : values()) {
        if (level.wire().equalsIgnoreCase(text == null ? "" : text.trim())) {
          return level;
        }
      }
      throw new IllegalArgumentException("security must be standard or advanced: " + text);
    }
  }

  public static final String DEFAULT_KEY_ID = "7";

  /** 128 characters, letters and digits, like the keys the console generates. */
  public static final String DEFAULT_KEY =
      "isVhGBJdnBBxc4GcxZ9eOcFxltipPViNcr9LtFkt36MRT7HrDREhysitAsQGK6Oa"
          + "WgCAmhikkyspvgm5VBSeoAnxPAHd0wyKMUkkQo2Kj3tMwOme4alsAjhR8JCLjqEP";

  public static final String DEFAULT_ROLE = "Viewer";
  public static final long DEFAULT_DAILY_QUOTA_UNITS = 1000;

  /** Keeps endpoint indexes and finding counts comfortably inside int and long arithmetic. */
  static final int MAX_HOSTS = 5_000_000;

  public CortexXdrSimulatorOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    if (hosts < 0 || hosts > MAX_HOSTS) {
      throw new IllegalArgumentException("hosts must be 0.." + MAX_HOSTS + ": " + hosts);
    }
    if (offset < 0 || (long) offset + hosts > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "offset must be >= 0 and offset + hosts below 2^31: " + offset);
    }
    keyId = Objects.requireNonNull(keyId, "keyId").trim();
    if (keyId.isEmpty() || keyId.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("keyId must be a non-empty token such as 7");
    }
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key must not be blank");
    }
    Objects.requireNonNull(security, "security");
    role = Objects.requireNonNull(role, "role").trim();
    if (role.isEmpty()) {
      throw new IllegalArgumentException("role must not be blank");
    }
    faultSpec = faultSpec == null ? "" : faultSpec.trim();
    CortexFaultSpec.parse(faultSpec); // fail fast with the grammar error, not at the first request
    if (dailyQuotaUnits < 0) {
      throw new IllegalArgumentException("dailyQuotaUnits must be >= 0: " + dailyQuotaUnits);
    }
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Port 0, seed 42, offset 0, key id {@value #DEFAULT_KEY_ID} with {@link #DEFAULT_KEY}, a
   * standard key, role {@value #DEFAULT_ROLE}, the vulnerability licence, no faults, 1000 query
   * units a day and the system clock.
   */
  public static CortexXdrSimulatorOptions defaults(int hosts) {
    return new CortexXdrSimulatorOptions(
        0,
        hosts,
        42,
        0,
        DEFAULT_KEY_ID,
        DEFAULT_KEY,
        SecurityLevel.STANDARD,
        DEFAULT_ROLE,
        true,
        "",
        DEFAULT_DAILY_QUOTA_UNITS,
        Clock.systemUTC());
  }

  public CortexXdrSimulatorOptions withPort(int newPort) {
    return copy(d -> d.port = newPort);
  }

  public CortexXdrSimulatorOptions withHosts(int newHosts) {
    return copy(d -> d.hosts = newHosts);
  }

  public CortexXdrSimulatorOptions withSeed(long newSeed) {
    return copy(d -> d.seed = newSeed);
  }

  public CortexXdrSimulatorOptions withOffset(int newOffset) {
    return copy(d -> d.offset = newOffset);
  }

  public CortexXdrSimulatorOptions withKeyId(String newKeyId) {
    return copy(d -> d.keyId = newKeyId);
  }

  public CortexXdrSimulatorOptions withKey(String newKey) {
    return copy(d -> d.key = newKey);
  }

  /** Key id and key together, as the console hands them out. */
  public CortexXdrSimulatorOptions withApiKey(String newKeyId, String newKey) {
    return copy(
        d -> {
          d.keyId = newKeyId;
          d.key = newKey;
        });
  }

  public CortexXdrSimulatorOptions withSecurity(SecurityLevel newSecurity) {
    return copy(d -> d.security = newSecurity);
  }

  public CortexXdrSimulatorOptions withRole(String newRole) {
    return copy(d -> d.role = newRole);
  }

  public CortexXdrSimulatorOptions withVulnerabilityLicense(boolean newVulnerabilityLicense) {
    return copy(d -> d.vulnerabilityLicense = newVulnerabilityLicense);
  }

  public CortexXdrSimulatorOptions withFaultSpec(String newFaultSpec) {
    return copy(d -> d.faultSpec = newFaultSpec);
  }

  public CortexXdrSimulatorOptions withDailyQuotaUnits(long newDailyQuotaUnits) {
    return copy(d -> d.dailyQuotaUnits = newDailyQuotaUnits);
  }

  public CortexXdrSimulatorOptions withClock(Clock newClock) {
    return copy(d -> d.clock = newClock);
  }

  private CortexXdrSimulatorOptions copy(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /**
   * A mutable copy for the {@code withX} methods, so each names only the fields it changes; {@link
   * #build} validates the result like any other instance.
   */
  private static final class Draft {
    private int port;
    private int hosts;
    private long seed;
    private int offset;
    private String keyId;
    private String key;
    private SecurityLevel security;
    private String role;
    private boolean vulnerabilityLicense;
    private String faultSpec;
    private long dailyQuotaUnits;
    private Clock clock;

    Draft(CortexXdrSimulatorOptions from) {
      this.port = from.port;
      this.hosts = from.hosts;
      this.seed = from.seed;
      this.offset = from.offset;
      this.keyId = from.keyId;
      this.key = from.key;
      this.security = from.security;
      this.role = from.role;
      this.vulnerabilityLicense = from.vulnerabilityLicense;
      this.faultSpec = from.faultSpec;
      this.dailyQuotaUnits = from.dailyQuotaUnits;
      this.clock = from.clock;
    }

    CortexXdrSimulatorOptions build() {
      return new CortexXdrSimulatorOptions(
          port,
          hosts,
          seed,
          offset,
          keyId,
          key,
          security,
          role,
          vulnerabilityLicense,
          faultSpec,
          dailyQuotaUnits,
          clock);
    }
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "CortexXdrSimulatorOptions[port="
        + port
        + ", hosts="
        + hosts
        + ", seed="
        + seed
        + ", offset="
        + offset
        + ", keyId="
        + keyId
        + ", security="
        + security.wire()
        + ", role="
        + role
        + ", vulnerabilityLicense="
        + vulnerabilityLicense
        + ", faultSpec="
        + faultSpec
        + ", dailyQuotaUnits="
        + dailyQuotaUnits
        + "]";
  }
}
