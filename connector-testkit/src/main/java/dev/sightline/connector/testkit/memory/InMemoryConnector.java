package dev.sightline.connector.testkit.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.CheckResult;
import dev.sightline.connector.CheckResult.Check;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.Page;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.RetryableException;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One connection to an {@link InMemoryTenant}: a token bought with the secret (refreshed once when
 * the tenant forgets it), pages read by offset with a checkpoint per page, rate limits waited out
 * as the tenant asks. Created per run; one thread.
 */
final class InMemoryConnector implements Connector {
  private static final int MAX_ATTEMPTS = 6;

  private final InMemoryTenant tenant;
  private final String secret;
  private final ConnectorContext context;
  private String token;

  InMemoryConnector(InMemoryTenant tenant, String secret, ConnectorContext context) {
    this.tenant = tenant;
    this.secret = secret;
    this.context = context;
  }

  @Override
  public List<CheckResult> testConnection() throws InterruptedException {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(CheckResult.passed(Check.NETWORK_REACHABILITY, "in memory: nothing to reach"));
    checks.add(CheckResult.passed(Check.TLS_HANDSHAKE, "in memory: no TLS"));
    try {
      token = tenant.token(secret);
    } catch (PermanentException e) {
      checks.add(CheckResult.failed(Check.AUTHENTICATION, e));
      checks.add(CheckResult.skipped(Check.AUTHORIZATION_SCOPE));
      checks.add(CheckResult.skipped(Check.DATA_FETCH));
      return checks;
    }
    checks.add(CheckResult.passed(Check.AUTHENTICATION, "the tenant issued a token"));
    checks.add(CheckResult.passed(Check.AUTHORIZATION_SCOPE, "every stream is readable"));
    int read = call(false, 0, 1).size();
    checks.add(CheckResult.passed(Check.DATA_FETCH, "read " + read + " issue(s)"));
    return checks;
  }

  @Override
  public List<StreamSpec> streams(SyncRequest request) {
    return request.streams(InMemoryConnectorFactory.MACHINES, InMemoryConnectorFactory.ISSUES);
  }

  @Override
  public StreamReader open(StreamSpec stream, SyncRequest request, Optional<Checkpoint> from) {
    boolean assets = stream.equals(InMemoryConnectorFactory.MACHINES);
    if (from.isPresent() && from.get().complete()) {
      return new Reader(stream, assets, request.pageSize(), -1); // a delta: nothing changes here
    }
    int offset = from.map(c -> Integer.parseInt(c.state())).orElse(0);
    return new Reader(stream, assets, request.pageSize(), offset);
  }

  /** One data call, refreshing the token once if the tenant forgot it, waiting out rate limits. */
  private List<JsonNode> call(boolean assets, int offset, int limit) throws InterruptedException {
    boolean refreshed = false;
    for (int attempt = 1; ; attempt++) {
      if (token == null) {
        token = tenant.token(secret);
      }
      try {
        return tenant.page(token, assets, offset, limit);
      } catch (InMemoryTenant.TokenRejectedException e) {
        if (refreshed) {
          throw new PermanentException(
              "the in-memory tenant rejected a fresh token", "check the tenant's secret");
        }
        refreshed = true;
        token = null;
      } catch (RetryableException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        context.sleep(e.retryAfter());
      }
    }
  }

  @Override
  public void close() {
    // nothing held
  }

  /** Pages of one stream by offset; {@code offset} -1 reads nothing (an empty delta). */
  private final class Reader implements StreamReader {
    private final StreamSpec stream;
    private final boolean assets;
    private final int pageSize;
    private final boolean full;
    private int offset;
    private boolean done;

    Reader(StreamSpec stream, boolean assets, int pageSize, int offset) {
      this.stream = stream;
      this.assets = assets;
      this.pageSize = pageSize;
      this.full = offset >= 0;
      this.offset = Math.max(offset, 0);
    }

    @Override
    public Optional<Page> next() throws InterruptedException {
      if (done) {
        return Optional.empty();
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("read of " + stream.name() + " cancelled");
      }
      List<JsonNode> records = full ? call(assets, offset, pageSize) : List.of();
      offset += records.size();
      done = !full || offset >= tenant.size(assets) || records.isEmpty();
      return Optional.of(
          new Page(records, new Checkpoint(stream.name(), 1, Integer.toString(offset), done)));
    }

    @Override
    public boolean fullSync() {
      return full;
    }

    @Override
    public void close() {
      // nothing held
    }
  }
}
