package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.CheckResult;
import dev.sightline.connector.CheckResult.Check;
import dev.sightline.connector.ConnectionChecks;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.Page;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.crowdstrike.CrowdStrikeClient.Query;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test Connection: the seed's five checks in order. Each failure names the cause and the fix;
 * the checks after a failed one are skipped.
 */
final class CrowdStrikeConnectionChecks {

  private static final int PROBE_PAGE = 10;

  private final CrowdStrikeConfig config;
  private final ConnectorContext context;
  private final CrowdStrikeTuning tuning;
  private final CrowdStrikeTokenProvider tokens;
  private final CrowdStrikeClient client;
  private final CrowdStrikeFailures failures;

  CrowdStrikeConnectionChecks(CrowdStrikeConfig config, ConnectorContext context, CrowdStrikeTuning tuning,
      CrowdStrikeTokenProvider tokens, CrowdStrikeClient client) {
    this.config = config;
    this.context = context;
    this.tuning = tuning;
    this.tokens = tokens;
    this.client = client;
    this.failures = new CrowdStrikeFailures(config);
  }

  List<CheckResult> run() throws InterruptedException {
    return ConnectionChecks.run(Map.of(
        Check.NETWORK_REACHABILITY, this::reachable,
        Check.TLS_HANDSHAKE, this::handshake,
        Check.AUTHENTICATION, this::authenticate,
        Check.AUTHORIZATION_SCOPE, this::authorized,
        Check.DATA_FETCH, this::fetch));
  }

  private String reachable() {
    try {
      ConnectionChecks.connect(config.baseUrl().getHost(), config.port(),
          java.time.Duration.ofMillis(timeoutMillis()));
      return "reached " + config.hostLabel() + " over TCP";
    } catch (UnknownHostException e) {
      throw failures.unreachable(e, 1);
    } catch (IOException e) {
      throw failures.unreachable(asConnectFailure(e), 1);
    }
  }

  private String handshake() {
    String host = config.baseUrl().getHost();
    try {
      String protocol = ConnectionChecks.handshake(context.sslContext(), host, config.port(),
          java.time.Duration.ofMillis(timeoutMillis()));
      return "negotiated " + protocol + " with " + config.hostLabel()
          + ", certificate trusted for " + host;
    } catch (IOException e) {
      throw failures.tlsFailed(e);
    }
  }

  private String authenticate() throws InterruptedException {
    tokens.refresh();
    return "CrowdStrike issued an access token to client " + config.clientId();
  }

  private String authorized() throws InterruptedException {
    List<String> denied = new ArrayList<>();
    for (CrowdStrikeStream stream : CrowdStrikeStream.values()) {
      try {
        client.query(stream, new Query(stream.filterFrom(CrowdStrikeCursor.EPOCH), stream.sort(), 1, ""));
      } catch (PermanentException e) {
        denied.add(e.reason());
      }
    }
    if (!denied.isEmpty()) {
      throw new PermanentException(String.join("; ", denied),
          "in the Falcon console under Support > API Clients and Keys, grant the API client the missing"
              + " scopes (" + scopes() + ") and run Test Connection again");
    }
    return "the API client may read " + scopes();
  }

  private String fetch() throws InterruptedException {
    List<String> read = new ArrayList<>();
    for (CrowdStrikeStream stream : CrowdStrikeStream.values()) {
      try (CrowdStrikeStreamReader reader = new CrowdStrikeStreamReader(
          stream, client, CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH), PROBE_PAGE)) {
        Optional<Page> page = reader.next();
        read.add(page.map(p -> p.records().size()).orElse(0) + " " + stream.spec().name());
      }
    }
    return "read a first page of records: " + String.join(", ", read);
  }

  private static String scopes() {
    List<String> scopes = new ArrayList<>();
    for (CrowdStrikeStream stream : CrowdStrikeStream.values()) {
      scopes.add("'" + stream.scope() + "'");
    }
    return String.join(" and ", scopes);
  }

  private int timeoutMillis() {
    return Math.toIntExact(tuning.connectTimeout().toMillis());
  }

  private static IOException asConnectFailure(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return e;
    }
    java.net.ConnectException connect = new java.net.ConnectException(
        e instanceof java.net.SocketTimeoutException ? "no answer in time" : e.getMessage());
    connect.initCause(e);
    return connect;
  }
}
