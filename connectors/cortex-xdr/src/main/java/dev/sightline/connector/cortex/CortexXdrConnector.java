package dev.sightline.connector.cortex;

import dev.sightline.connector.CheckResult;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.http.VendorHttp;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * One configured Cortex XDR connection: endpoints from {@code get_endpoint}, then their
 * vulnerabilities from XQL. Each run is a full sync, as the seed says; beyond the seed, the
 * endpoints stream reads a delta on {@code last_seen} when the user turned that on. All calls of
 * the connection share one request budget. Created per run; one thread.
 */
final class CortexXdrConnector implements Connector {

  private final CortexXdrConfig config;
  private final ConnectorContext context;
  private final CortexXdrTuning tuning;
  private final CortexXdrFailures failures;
  private final CortexXdrClient client;
  private CortexXdrSample sample;

  CortexXdrConnector(
      CortexXdrConfig config,
      ConnectorContext context,
      CortexXdrTuning tuning,
      CortexXdrTransport transport) {
    this.config = config;
    this.context = context;
    this.tuning = tuning;
    this.failures = new CortexXdrFailures(config);
    SecureRandom random = new SecureRandom();
    CortexXdrRetryPolicy retry =
        new CortexXdrRetryPolicy(
            tuning,
            context,
            new CortexXdrRequestBudget(
                context, config.requestsPerSecond(), tuning.budgetRecovery()),
            failures,
            random);
    CortexXdrApiKeySigner signer = new CortexXdrApiKeySigner(config, context.clock(), random);
    this.client = new CortexXdrClient(config, transport, retry, signer, failures, tuning);
  }

  /** The production wiring (see {@link VendorHttp}). */
  static CortexXdrConnector overHttp(
      CortexXdrConfig config, ConnectorContext context, CortexXdrTuning tuning) {
    return new CortexXdrConnector(
        config,
        context,
        tuning,
        CortexXdrTransport.over(VendorHttp.client(context, tuning.connectTimeout()), context));
  }

  @Override
  public List<CheckResult> testConnection() throws InterruptedException {
    return new CortexXdrConnectionChecks(config, context, tuning, client, failures).run();
  }

  @Override
  public List<StreamSpec> streams(SyncRequest request) {
    return request.streams(
        CortexXdrStream.ENDPOINTS.spec(), CortexXdrStream.VULNERABILITIES.spec());
  }

  @Override
  public StreamReader open(StreamSpec spec, SyncRequest request, Optional<Checkpoint> from) {
    CortexXdrStream stream = CortexXdrStream.of(spec);
    if (request.sampling().isPresent()) {
      return openSampled(stream, request);
    }
    if (stream == CortexXdrStream.ENDPOINTS) {
      return new CortexXdrEndpointReader(
          client, endpointsStart(spec, request, from), request.pageSize());
    }
    CortexXdrCursor start =
        from.filter(c -> !c.complete())
            .map(c -> CortexXdrCursor.fromCheckpoint(spec.name(), c))
            .filter(c -> c.mode() != CortexXdrCursor.Mode.SAMPLE)
            .orElse(CortexXdrCursor.full(fetchFromMillis(request)));
    return new CortexXdrVulnerabilityReader(
        client,
        new CortexXdrQueryRunner(client, context, tuning, failures),
        start,
        request.pageSize());
  }

  /**
   * The sample of this run, read once and shared by both streams, so the vulnerability read is of
   * the very endpoints the endpoints read stored.
   */
  private StreamReader openSampled(CortexXdrStream stream, SyncRequest request) {
    if (sample == null || !sample.isFor(request)) {
      sample = new CortexXdrSample(client, request);
    }
    CortexXdrSample chosen = sample;
    if (stream == CortexXdrStream.ENDPOINTS) {
      return new dev.sightline.connector.SampleReader(
          chosen::endpoints,
          request.pageSize(),
          last ->
              CortexXdrCursor.sample(chosen.lastSeenFrom())
                  .toCheckpoint(CortexXdrStream.ENDPOINTS.spec().name(), last));
    }
    return new CortexXdrVulnerabilityReader(
        client,
        new CortexXdrQueryRunner(client, context, tuning, failures),
        CortexXdrCursor.sample(chosen.lastSeenFrom()),
        request.pageSize(),
        chosen);
  }

  /** The fetch-from date in epoch ms, 0 for none (everything). */
  static long fetchFromMillis(SyncRequest request) {
    return request.fetchFrom().map(i -> Math.max(0, i.toEpochMilli())).orElse(0L);
  }

  /**
   * Resumes an unfinished read; after a finished one reads a delta when {@code deltaOnLastSeen} is
   * on (and no full sync was asked for), else everything again. A fetch-from date bounds a full
   * read on {@code last_seen}.
   */
  private CortexXdrCursor endpointsStart(
      StreamSpec spec, SyncRequest request, Optional<Checkpoint> from) {
    long fetchFrom = fetchFromMillis(request);
    if (from.isEmpty()) {
      return CortexXdrCursor.full(fetchFrom);
    }
    CortexXdrCursor stored = CortexXdrCursor.fromCheckpoint(spec.name(), from.get());
    if (stored.mode() == CortexXdrCursor.Mode.SAMPLE) {
      return CortexXdrCursor.full(fetchFrom); // a sample says nothing of the endpoints outside it
    }
    if (!from.get().complete()) {
      return stored;
    }
    boolean delta = config.deltaOnLastSeen() && !request.fullSync() && stored.maxLastSeen() > 0;
    return delta ? stored.nextDelta(tuning.deltaOverlap()) : CortexXdrCursor.full(fetchFrom);
  }

  @Override
  public void close() {
    // java.net.http.HttpClient has no close() before Java 21; its threads end when it is
    // unreachable.
  }
}
