package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.CheckResult;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.http.VendorHttp;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One configured CrowdStrike connection: hosts from Falcon Discover, then vulnerabilities from
 * Spotlight, each a timestamp-ordered stream with a delta watermark. Created per run; one thread.
 */
final class CrowdStrikeConnector implements Connector {

  private final CrowdStrikeConfig config;
  private final ConnectorContext context;
  private final CrowdStrikeTuning tuning;
  private final CrowdStrikeTokenProvider tokens;
  private final CrowdStrikeClient client;
  private CrowdStrikeSample sample;

  CrowdStrikeConnector(
      CrowdStrikeConfig config,
      ConnectorContext context,
      CrowdStrikeTuning tuning,
      CrowdStrikeTransport transport) {
    this.config = config;
    this.context = context;
    this.tuning = tuning;
    CrowdStrikeRetryPolicy retry = new CrowdStrikeRetryPolicy(tuning, context, new SecureRandom());
    this.tokens = new CrowdStrikeTokenProvider(config, transport, retry, context.clock(), tuning);
    this.client = new CrowdStrikeClient(config, transport, retry, tokens, tuning);
  }

  /** The production wiring (see {@link VendorHttp}). */
  static CrowdStrikeConnector overHttp(
      CrowdStrikeConfig config, ConnectorContext context, CrowdStrikeTuning tuning) {
    return new CrowdStrikeConnector(
        config,
        context,
        tuning,
        CrowdStrikeTransport.over(VendorHttp.client(context, tuning.connectTimeout()), context));
  }

  @Override
  public List<CheckResult> testConnection() throws InterruptedException {
    return new CrowdStrikeConnectionChecks(config, context, tuning, tokens, client).run();
  }

  @Override
  public List<StreamSpec> streams(SyncRequest request) {
    return request.streams(
        CrowdStrikeStream.HOSTS.spec(), CrowdStrikeStream.VULNERABILITIES.spec());
  }

  @Override
  public StreamReader open(StreamSpec spec, SyncRequest request, Optional<Checkpoint> from) {
    CrowdStrikeStream stream = CrowdStrikeStream.of(spec);
    if (request.sampling().isPresent()) {
      CrowdStrikeSample chosen = sample(request);
      return stream == CrowdStrikeStream.HOSTS
          ? new dev.sightline.connector.SampleReader(
              chosen::hosts,
              request.pageSize(),
              last ->
                  CrowdStrikeCursor.sample(chosen.fetchFrom())
                      .toCheckpoint(CrowdStrikeStream.HOSTS.spec().name(), last))
          : new CrowdStrikeSampledFindingsReader(chosen, client, request.pageSize());
    }
    return new CrowdStrikeStreamReader(
        stream,
        client,
        startingCursor(spec, request, from),
        request.pageSize(),
        new CrowdStrikeSourceFilters(request.filters()));
  }

  /**
   * The sample of this run, read once and shared by both streams, so the findings read is of the
   * very hosts the hosts read stored.
   */
  private CrowdStrikeSample sample(SyncRequest request) {
    if (sample == null || !sample.isFor(request)) {
      sample = new CrowdStrikeSample(client, request);
    }
    return sample;
  }

  private CrowdStrikeCursor startingCursor(
      StreamSpec spec, SyncRequest request, Optional<Checkpoint> from) {
    Instant fetchFrom = request.fetchFrom().orElse(CrowdStrikeCursor.EPOCH);
    if (from.isEmpty()) {
      return CrowdStrikeCursor.full(fetchFrom);
    }
    CrowdStrikeCursor stored = CrowdStrikeCursor.fromCheckpoint(spec.name(), from.get());
    if (stored.mode() == CrowdStrikeCursor.Mode.SAMPLE) {
      return CrowdStrikeCursor.full(fetchFrom); // a sample says nothing of the hosts outside it
    }
    if (!from.get().complete()) {
      return stored;
    }
    return request.fullSync()
        ? CrowdStrikeCursor.full(fetchFrom)
        : stored.nextDelta(tuning.deltaOverlap(), fetchFrom);
  }

  @Override
  public void close() {
    // java.net.http.HttpClient has no close() before Java 21; its threads end when it is
    // unreachable.
  }
}
