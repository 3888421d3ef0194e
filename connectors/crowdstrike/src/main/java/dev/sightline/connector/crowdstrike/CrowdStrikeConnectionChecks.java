package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.CheckResult;
import dev.sightline.connector.ConnectionChecks;
import dev.sightline.connector.ConnectionChecks.HttpsHost;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.Page;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.crowdstrike.CrowdStrikeClient.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test Connection: the seed's five checks in order. Each failure names the cause and the fix; the
 * checks after a failed one are skipped.
 */
final class CrowdStrikeConnectionChecks {

  private static final int PROBE_PAGE = 10;

  private final CrowdStrikeConfig config;
  private final ConnectorContext context;
  private final CrowdStrikeTuning tuning;
  private final CrowdStrikeTokenProvider tokens;
  private final CrowdStrikeClient client;
  private final CrowdStrikeFailures failures;

  CrowdStrikeConnectionChecks(
      CrowdStrikeConfig config,
      ConnectorContext context,
      CrowdStrikeTuning tuning,
      CrowdStrikeTokenProvider tokens,
      CrowdStrikeClient client) {
    this.config = config;
    this.context = context;
    this.tuning = tuning;
    this.tokens = tokens;
    this.client = client;
    this.failures = new CrowdStrikeFailures(config);
  }

  List<CheckResult> run() throws InterruptedException {
    HttpsHost api =
        new HttpsHost(
            config.baseUrl().getHost(),
            config.port(),
            config.hostLabel(),
            context.sslContext(),
            tuning.connectTimeout());
    return ConnectionChecks.run(
        api,
        context.proxy(),
        e -> failures.unreachable(e, 1),
        failures::tlsFailed,
        this::authenticate,
        this::authorized,
        this::fetch);
  }

  private String authenticate() throws InterruptedException {
    tokens.refresh();
    return "CrowdStrike issued an access token to client " + config.clientId();
  }

  private String authorized() throws InterruptedException {
    List<PermanentException> denied = new ArrayList<>();
    for (CrowdStrikeStream stream : CrowdStrikeStream.values()) {
      try {
        client.query(
            stream,
            new Query(
                stream.filterFrom(CrowdStrikeCursor.EPOCH, CrowdStrikeSourceFilters.none()),
                stream.sort(),
                1,
                ""));
      } catch (PermanentException e) {
        denied.add(e);
      }
    }
    if (!denied.isEmpty()) {
      // One check, one vendor reply: the first denial's, with its trace id.
      throw new PermanentException(
          String.join("; ", denied.stream().map(PermanentException::reason).toList()),
          "in the Falcon console under Support > API Clients and Keys, grant the API client the missing"
              + " scopes ("
              + scopes()
              + ") and run Test Connection again",
          denied.get(0).vendorReply().orElse(null));
    }
    return "the API client may read " + scopes();
  }

  /**
   * Reads a first page of each stream. A tenant that returns nothing at all fails: far more often
   * than a tenant without a single host, the credentials belong to another tenant than meant.
   */
  private String fetch() throws InterruptedException {
    List<String> read = new ArrayList<>();
    int records = 0;
    for (CrowdStrikeStream stream : CrowdStrikeStream.values()) {
      try (CrowdStrikeStreamReader reader =
          new CrowdStrikeStreamReader(
              stream,
              client,
              CrowdStrikeCursor.full(CrowdStrikeCursor.EPOCH),
              PROBE_PAGE,
              CrowdStrikeSourceFilters.none())) {
        Optional<Page> page = reader.next();
        int size = page.map(p -> p.records().size()).orElse(0);
        records += size;
        read.add(size + " " + stream.spec().name());
      }
    }
    if (records == 0) {
      throw new PermanentException(
          "CrowdStrike answered every read but returned no hosts and no vulnerabilities: the"
              + " tenant "
              + config.member().map(cid -> "of Member CID " + cid + " ").orElse("")
              + "at "
              + config.hostLabel()
              + " is empty",
          "check that the API client belongs to the tenant whose hosts you want (the Url must be"
              + " that tenant's region; for an MSSP child, set its Member CID), and that sensors"
              + " report to it; a new tenant with no hosts yet can be saved as a draft and tested"
              + " again once they do");
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
}
