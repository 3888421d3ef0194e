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
        CrowdStrikeTransport.over(VendorHttp.client(context, tuning.connectTimeout())));
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
    return new CrowdStrikeStreamReader(
        stream,
        client,
        startingCursor(spec, request, from),
        request.pageSize(),
        new CrowdStrikeSourceFilters(request.filters()));
  }

  private CrowdStrikeCursor startingCursor(
      StreamSpec spec, SyncRequest request, Optional<Checkpoint> from) {
    Instant fetchFrom = request.fetchFrom().orElse(CrowdStrikeCursor.EPOCH);
    if (from.isEmpty()) {
      return CrowdStrikeCursor.full(fetchFrom);
    }
    CrowdStrikeCursor stored = CrowdStrikeCursor.fromCheckpoint(spec.name(), from.get());
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
