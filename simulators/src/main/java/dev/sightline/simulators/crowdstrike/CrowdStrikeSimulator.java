package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.server.ScopeQuery;
import dev.sightline.simulators.server.SimulatorServer;
import dev.sightline.simulators.tls.LoopbackCertificates;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * A CrowdStrike Falcon API simulator over HTTPS on 127.0.0.1, serving a deterministic synthetic
 * tenant: OAuth2 ({@code /oauth2/token}, {@code /oauth2/revoke}), Spotlight ({@code
 * /spotlight/combined/vulnerabilities/v1}), Discover ({@code /discover/combined/hosts/v1}, {@code
 * /discover/queries/hosts/v1}, {@code /discover/entities/hosts/v1}) and Devices ({@code GET}/{@code
 * POST /devices/entities/devices/v2}, {@code /devices/queries/devices-scroll/v1}), plus {@code GET
 * /_sim/manifest} and {@code POST /_sim/advance?changes=N}. See {@code simulators/README.md} for
 * what is faithful.
 *
 * <h2>Fault grammar ({@code --faults}, {@link CrowdStrikeSimulatorOptions#faultSpec()})</h2>
 *
 * A comma-separated list; random faults apply to data calls only (never {@code /oauth2/*} or {@code
 * /_sim/*}), are drawn from a stream seeded by the tenant seed, and never hit one request (same
 * method, path and query) three times in a row:
 *
 * <ul>
 *   <li>{@code 429:P%} answers 429 with {@code X-RateLimit-RetryAfter} = now + 1 s (epoch seconds)
 *   <li>{@code 5xx:P%} answers 500 or 503 with the "Please provide trace-id" message
 *   <li>{@code drop:P%} closes the connection without a response
 *   <li>{@code slow:P%:DURATION} delays the answer ({@code 500ms}, {@code 2s}, {@code 1m}; at most
 *       1m)
 *   <li>{@code token-expiry:DURATION} makes every token die that long after issue (the token
 *       response still says 1799 s); {@code token-expiry:N} kills all tokens every N data calls
 *   <li>{@code malformed:N} gives the next N record-bearing pages one malformed record each; {@code
 *       malformed:P%} does so at random for P% of such pages
 *   <li>{@code unlisted-hosts:P%} hides that share of managed machines from every Discover answer,
 *       while their Spotlight findings and Devices records remain (fixed for the simulator's life)
 * </ul>
 *
 * Bursts hit exactly {@code N} consecutive data calls, from data call {@code K} on ({@code @K}
 * optional, counted from 1 over the simulator's life), so a test can aim one at the middle of a
 * crawl; they ignore the three-in-a-row rule:
 *
 * <ul>
 *   <li>{@code 429-storm:N[@K]} answers 429 with {@code X-RateLimit-RetryAfter} = now + 1 s
 *   <li>{@code 5xx-burst:N[@K]} answers 500 and 503, alternating
 *   <li>{@code drop-mid-body:N[@K]} sends the headers and half the body, then closes the connection
 *   <li>{@code truncated:N[@K]} sends a complete HTTP answer whose JSON body is cut in half
 *   <li>{@code cursor-expiry:N[@K]} makes the next N calls that carry an {@code after} cursor find
 *       it expired (404 "Search context expired"); {@link CrowdStrikeSimulatorOptions#cursorTtl()}
 *       sets the cursors' life itself
 * </ul>
 *
 * Example: {@code 429:5%,5xx:2%,drop:1%,slow:1%:2s,token-expiry:60s,malformed:1}. The 429, 5xx and
 * drop rates may add up to at most 50%.
 *
 * <p>Lifecycle: {@link #start} binds and serves until {@link #close}. Thread-safe; requests are
 * served by a fixed pool of daemon threads ({@link SimulatorServer}).
 */
public final class CrowdStrikeSimulator implements AutoCloseable {
  private final CrowdStrikeSimulatorOptions options;
  private final CrowdStrikeTenant tenant;
  private final CrowdStrikeFaultPlan faults;
  private final RequestLog requests = new RequestLog();
  private final SimulatorServer server;

  private CrowdStrikeSimulator(CrowdStrikeSimulatorOptions options) throws IOException {
    this.options = options;
    LoopbackCertificates certificates = LoopbackCertificates.generate("CrowdStrike");
    this.tenant = new CrowdStrikeTenant(options);
    TokenStore tokens = new TokenStore();
    CursorRegistry cursors = new CursorRegistry(options.clock(), options.cursorTtl());
    this.faults = new CrowdStrikeFaultPlan(tokens, cursors, options.faultSpec(), options.seed());
    SpotlightEndpoint spotlight =
        new SpotlightEndpoint(options.seed(), tenant.vulns(), cursors, faults, options.clock());
    DiscoverEndpoints discover =
        new DiscoverEndpoints(
            options.seed(), tenant.agents(), tenant.unlisted(), cursors, faults, options.clock());
    DevicesEndpoint devices = new DevicesEndpoint(options.seed(), tenant.agents(), faults);
    DeviceScrollEndpoint scroll =
        new DeviceScrollEndpoint(tenant.agents(), options.clock(), options.seed());
    String discoverScope = CrowdStrikeSimulatorOptions.SCOPE_DISCOVER;
    String devicesScope = CrowdStrikeSimulatorOptions.SCOPE_DEVICES;
    List<CrowdStrikeRouter.Route> routes =
        List.of(
            new CrowdStrikeRouter.Route(
                "GET",
                SpotlightEndpoint.PATH,
                CrowdStrikeSimulatorOptions.SCOPE_SPOTLIGHT,
                spotlight::handle),
            new CrowdStrikeRouter.Route(
                "GET", DiscoverEndpoints.COMBINED, discoverScope, discover::combined),
            new CrowdStrikeRouter.Route(
                "GET", DiscoverEndpoints.QUERIES, discoverScope, discover::queries),
            new CrowdStrikeRouter.Route(
                "GET", DiscoverEndpoints.ENTITIES, discoverScope, discover::entities),
            new CrowdStrikeRouter.Route("GET", DevicesEndpoint.PATH, devicesScope, devices::get),
            new CrowdStrikeRouter.Route("POST", DevicesEndpoint.PATH, devicesScope, devices::post),
            new CrowdStrikeRouter.Route(
                "GET", DeviceScrollEndpoint.PATH, devicesScope, scroll::handle));
    CrowdStrikeRouter router =
        new CrowdStrikeRouter(
            routes,
            new TokenEndpoint(options, tenant.agents().cid(), tokens, faults),
            new SimControlEndpoint(this::manifest, this::scope, this::advance),
            tokens,
            faults,
            new TraceIds(options.seed()),
            options.clock());
    this.server =
        SimulatorServer.start(
            "crowdstrike", options.port(), certificates, router, requests, options.clock());
  }

  /** Builds the tenant, binds 127.0.0.1 ({@code port} 0 picks a free port) and starts serving. */
  public static CrowdStrikeSimulator start(CrowdStrikeSimulatorOptions options) {
    return SimulatorServer.open(
        "CrowdStrike", options.port(), () -> new CrowdStrikeSimulator(options));
  }

  /** {@code https://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return server.baseUrl();
  }

  public CrowdStrikeSimulatorOptions options() {
    return options;
  }

  /** PEM of the generated CA that signed the server certificate. */
  public String caCertificatePem() {
    return server.caCertificatePem();
  }

  /** A client context that trusts only this simulator's CA. */
  public SSLContext clientSslContext() {
    return server.clientSslContext();
  }

  /** The same JSON as {@code GET /_sim/manifest}. */
  public JsonNode manifest() {
    return tenant.manifest(faults.describe());
  }

  /** The same JSON as {@code GET /_sim/scope?since=…&sample=…} ({@link ScopeQuery}). */
  public JsonNode scope(ScopeQuery query) {
    return new TenantScope(tenant.agents(), tenant.unlisted(), tenant.vulns()).answer(query);
  }

  /** The same as {@code POST /_sim/advance?changes=N}. */
  public void advance(int changes) {
    tenant.vulns().advance(changes);
  }

  public CrowdStrikeFaultPlan faults() {
    return faults;
  }

  public RequestLog requests() {
    return requests;
  }

  @Override
  public void close() {
    server.close();
  }
}
