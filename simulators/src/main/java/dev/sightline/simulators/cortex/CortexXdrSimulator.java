package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.cortex.RolePermissions.Permission;
import dev.sightline.simulators.server.RequestLog;
import dev.sightline.simulators.server.RequestRate;
import dev.sightline.simulators.server.ScopeQuery;
import dev.sightline.simulators.server.SimControl;
import dev.sightline.simulators.server.SimulatorServer;
import dev.sightline.simulators.tls.LoopbackCertificates;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A Palo Alto Networks Cortex XDR public API simulator over HTTPS on 127.0.0.1, serving a
 * deterministic synthetic tenant drawn from the same fleet as the CrowdStrike simulator: {@code
 * POST /public_api/v1/endpoints/get_endpoint/}, the XQL calls ({@code
 * /public_api/v1/xql/start_xql_query/}, {@code get_query_results/}, {@code
 * get_query_results_stream/}, {@code get_quota/}) over {@code va_endpoints} and {@code va_cves},
 * plus {@code GET /_sim/manifest} and {@code POST /_sim/advance?changes=N}. Standard and advanced
 * API keys, roles (403), the Host Insights licence (402), 10 requests per second per tenant, four
 * parallel queries and a daily query quota. See {@code simulators/README.md} for what is faithful
 * and the exact XQL the simulator runs.
 *
 * <h2>Fault grammar ({@code --faults}, {@link CortexXdrSimulatorOptions#faultSpec()})</h2>
 *
 * A comma-separated list; random faults apply to {@code /public_api/*} calls only (never {@code
 * /_sim/*}), are drawn from a stream seeded by the tenant seed, and never hit one request (same
 * path and body) three times in a row:
 *
 * <ul>
 *   <li>{@code 429:P%} (or {@code too-many:P%}) answers HTTP 429 "Too many requests."
 *   <li>{@code 5xx:P%} answers a business error: 500 (then 503, alternating) with the reply body
 *   <li>{@code drop:P%} closes the connection without a response
 *   <li>{@code slow:P%:DURATION} delays the answer ({@code 500ms}, {@code 2s}, {@code 1m}; at most
 *       1m)
 *   <li>{@code cut:P%} sends the headers and half of a JSON reply, then closes the connection
 *   <li>{@code truncate:P%} sends a complete response whose JSON stops halfway (its length header
 *       matches the short body)
 *   <li>{@code 429-storm:N/EVERY} answers N calls in a row with 429 at every EVERY-th call (a storm
 *       ignores the never-three-in-a-row rule)
 *   <li>{@code parallel:P%} refuses that share of {@code start_xql_query} calls with the 500
 *       "reached max allowed amount of parallel running queries"
 * </ul>
 *
 * Example: {@code 429:5%,5xx:2%,drop:1%,slow:1%:2s,parallel:10%}. The 429, 5xx, drop, cut and
 * truncate rates may add up to at most 50%, and parallel may be at most 50%. Cut and truncate spoil
 * buffered JSON replies only; a streamed XQL result is sent whole.
 *
 * <p>Lifecycle: {@link #start} binds and serves until {@link #close}. Thread-safe; requests are
 * served by a fixed pool of daemon threads.
 */
public final class CortexXdrSimulator implements AutoCloseable {
  private final CortexXdrSimulatorOptions options;
  private final CortexTenant tenant;
  private final CortexFaultPlan faults;
  private final QuotaLedger quota;
  private final SimulatorServer server;

  private CortexXdrSimulator(CortexXdrSimulatorOptions options) throws IOException {
    this.options = options;
    LoopbackCertificates certificates = LoopbackCertificates.generate("Cortex XDR");
    this.tenant = new CortexTenant(options);
    this.faults = new CortexFaultPlan(options.faultSpec(), options.seed());
    this.quota = new QuotaLedger(options.dailyQuotaUnits(), options.clock());
    EndpointsApi endpoints = new EndpointsApi(tenant.endpoints(), tenant.store());
    XqlApi xql =
        new XqlApi(options, tenant.store(), new XqlQueries(options.seed(), options.clock()), quota);
    Map<String, CortexRouter.Route> routes =
        Map.of(
            EndpointsApi.GET_ENDPOINT,
                new CortexRouter.Route(Permission.ENDPOINTS, false, endpoints::getEndpoint),
            XqlApi.START, new CortexRouter.Route(Permission.XQL, true, xql::start),
            XqlApi.RESULTS, new CortexRouter.Route(Permission.XQL, false, xql::results),
            XqlApi.STREAM, new CortexRouter.Route(Permission.XQL, false, xql::stream),
            XqlApi.QUOTA, new CortexRouter.Route(Permission.XQL, false, xql::quota));
    CortexRouter router =
        new CortexRouter(
            routes,
            new SimControl(this::manifest, this::scope, this::advance),
            faults,
            new ApiKeyAuthenticator(
                options.keyId(), options.key(), options.security(), options.clock()),
            options.role(),
            options.clock(),
            this::requestRate);
    this.server =
        SimulatorServer.start("cortex-xdr", options.port(), certificates, router, options.clock());
  }

  /** Builds the tenant, binds 127.0.0.1 ({@code port} 0 picks a free port) and starts serving. */
  public static CortexXdrSimulator start(CortexXdrSimulatorOptions options) {
    return SimulatorServer.open(
        "Cortex XDR", options.port(), () -> new CortexXdrSimulator(options));
  }

  /**
   * {@code https://127.0.0.1:<port>}: the connector's URL, standing in for {@code
   * https://api-<fqdn>}.
   */
  public URI baseUrl() {
    return server.baseUrl();
  }

  public CortexXdrSimulatorOptions options() {
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
    return tenant.manifest(faults.describe(), quota.used());
  }

  /** The same JSON as {@code GET /_sim/scope?since=…&sample=…} ({@link ScopeQuery}). */
  public JsonNode scope(ScopeQuery query) {
    return new TenantScope(tenant.endpoints(), tenant.store().snapshot()).answer(query);
  }

  /** The same as {@code POST /_sim/advance?changes=N}. */
  public void advance(int changes) {
    if (changes < 0) {
      throw new IllegalArgumentException("changes must be >= 0: " + changes);
    }
    tenant.store().advance(changes);
  }

  public CortexFaultPlan faults() {
    return faults;
  }

  /** Every request received, in arrival order (the shared simulator request log). */
  public RequestLog requests() {
    return server.requests();
  }

  /**
   * How fast the API calls whose path starts with {@code prefix} arrived (the same JSON as {@code
   * GET /_sim/request-rate?prefix=…}): e.g. {@code /public_api/v1/endpoints/get_endpoint} for the
   * endpoint listing's share of the tenant's 10 requests per second.
   */
  public RequestRate requestRate(String prefix) {
    return RequestRate.of(
        server.requests().entries().stream().filter(e -> e.path().startsWith(prefix)).toList());
  }

  @Override
  public void close() {
    server.close();
  }
}
