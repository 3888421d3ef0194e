package dev.sightline.simulators.crowdstrike;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything that defines a simulated CrowdStrike tenant and its server. The tenant is a pure
 * function of {@code (seed, offset, hosts)} and the day the simulator starts (see the README).
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param hosts number of fleet machines in the tenant
 * @param seed fleet and tenant seed
 * @param offset first fleet machine: the tenant shows machines {@code [offset, offset + hosts)}
 * @param clientId the only OAuth2 client id accepted
 * @param clientSecret its secret
 * @param scopes API scopes granted to that client; see {@link #ALL_SCOPES}
 * @param faultSpec random fault grammar (see {@link CrowdStrikeSimulator}); empty for none
 * @param cursorTtl how long an {@code after} cursor stays valid (the real API: about 120 s)
 * @param clock drives token and cursor expiry, rate-limit windows and {@code advance} timestamps
 */
public record CrowdStrikeSimulatorOptions(
    int port,
    int hosts,
    long seed,
    int offset,
    String clientId,
    String clientSecret,
    Set<String> scopes,
    String faultSpec,
    Duration cursorTtl,
    Clock clock) {

  public static final String SCOPE_SPOTLIGHT = "spotlight-vulnerabilities:read";
  public static final String SCOPE_DISCOVER = "discover:read";
  public static final String SCOPE_DEVICES = "devices:read";
  public static final Set<String> ALL_SCOPES =
      Set.of(SCOPE_SPOTLIGHT, SCOPE_DISCOVER, SCOPE_DEVICES);
  public static final String DEFAULT_CLIENT_ID = "sim-client";
  public static final String DEFAULT_CLIENT_SECRET = "sim-secret";

  /** Keeps every per-vulnerability ordinal inside the sort-index key layout. */
  static final int MAX_HOSTS = 5_000_000;

  public CrowdStrikeSimulatorOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    if (hosts < 0 || hosts > MAX_HOSTS) {
      throw new IllegalArgumentException("hosts must be 0.." + MAX_HOSTS + ": " + hosts);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0: " + offset);
    }
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
    for (String scope : scopes) {
      if (!ALL_SCOPES.contains(scope)) {
        throw new IllegalArgumentException("unknown scope '" + scope + "'; known: " + ALL_SCOPES);
      }
    }
    faultSpec = faultSpec == null ? "" : faultSpec.trim();
    CrowdStrikeFaultSpec.parse(
        faultSpec); // fail fast with the grammar error, not at the first request
    Objects.requireNonNull(cursorTtl, "cursorTtl");
    if (cursorTtl.isNegative() || cursorTtl.isZero()) {
      throw new IllegalArgumentException("cursorTtl must be positive: " + cursorTtl);
    }
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Port 0, seed 42, offset 0, sim-client/sim-secret, all scopes, no faults, 120 s cursors, system
   * clock.
   */
  public static CrowdStrikeSimulatorOptions defaults(int hosts) {
    return new CrowdStrikeSimulatorOptions(
        0,
        hosts,
        42,
        0,
        DEFAULT_CLIENT_ID,
        DEFAULT_CLIENT_SECRET,
        ALL_SCOPES,
        "",
        Duration.ofSeconds(120),
        Clock.systemUTC());
  }

  public CrowdStrikeSimulatorOptions withPort(int newPort) {
    return copy(d -> d.port = newPort);
  }

  public CrowdStrikeSimulatorOptions withHosts(int newHosts) {
    return copy(d -> d.hosts = newHosts);
  }

  public CrowdStrikeSimulatorOptions withSeed(long newSeed) {
    return copy(d -> d.seed = newSeed);
  }

  public CrowdStrikeSimulatorOptions withOffset(int newOffset) {
    return copy(d -> d.offset = newOffset);
  }

  public CrowdStrikeSimulatorOptions withCredentials(String newClientId, String newClientSecret) {
    return copy(
        d -> {
          d.clientId = newClientId;
          d.clientSecret = newClientSecret;
        });
  }

  public CrowdStrikeSimulatorOptions withScopes(Set<String> newScopes) {
    return copy(d -> d.scopes = newScopes);
  }

  public CrowdStrikeSimulatorOptions withFaultSpec(String newFaultSpec) {
    return copy(d -> d.faultSpec = newFaultSpec);
  }

  public CrowdStrikeSimulatorOptions withCursorTtl(Duration newCursorTtl) {
    return copy(d -> d.cursorTtl = newCursorTtl);
  }

  public CrowdStrikeSimulatorOptions withClock(Clock newClock) {
    return copy(d -> d.clock = newClock);
  }

  private CrowdStrikeSimulatorOptions copy(Consumer<Draft> change) {
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
    private String clientId;
    private String clientSecret;
    private Set<String> scopes;
    private String faultSpec;
    private Duration cursorTtl;
    private Clock clock;

    Draft(CrowdStrikeSimulatorOptions from) {
      this.port = from.port;
      this.hosts = from.hosts;
      this.seed = from.seed;
      this.offset = from.offset;
      this.clientId = from.clientId;
      this.clientSecret = from.clientSecret;
      this.scopes = from.scopes;
      this.faultSpec = from.faultSpec;
      this.cursorTtl = from.cursorTtl;
      this.clock = from.clock;
    }

    CrowdStrikeSimulatorOptions build() {
      return new CrowdStrikeSimulatorOptions(
          port, hosts, seed, offset, clientId, clientSecret, scopes, faultSpec, cursorTtl, clock);
    }
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "CrowdStrikeSimulatorOptions[port="
        + port
        + ", hosts="
        + hosts
        + ", seed="
        + seed
        + ", offset="
        + offset
        + ", clientId="
        + clientId
        + ", scopes="
        + scopes
        + ", faultSpec="
        + faultSpec
        + ", cursorTtl="
        + cursorTtl
        + "]";
  }
}
