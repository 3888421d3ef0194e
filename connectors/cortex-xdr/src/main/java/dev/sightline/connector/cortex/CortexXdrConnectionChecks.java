package dev.sightline.connector.cortex;

import dev.sightline.connector.CheckResult;
import dev.sightline.connector.ConnectionChecks;
import dev.sightline.connector.ConnectionChecks.HttpsHost;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.cortex.CortexXdrTransport.RawResponse;
import dev.sightline.connector.cortex.CortexXdrWire.EndpointPage;
import dev.sightline.connector.cortex.CortexXdrWire.Quota;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test Connection: the seed's five checks in order. Each failure names the cause and the fix; the
 * checks after a failed one are skipped. No XQL query is started (it would cost query units): the
 * authorization check reads the XQL quota instead, which needs the same permission and license.
 */
final class CortexXdrConnectionChecks {

  private static final int PROBE_PAGE = 10;

  private final CortexXdrConfig config;
  private final ConnectorContext context;
  private final CortexXdrTuning tuning;
  private final CortexXdrClient client;
  private final CortexXdrFailures failures;

  CortexXdrConnectionChecks(
      CortexXdrConfig config,
      ConnectorContext context,
      CortexXdrTuning tuning,
      CortexXdrClient client,
      CortexXdrFailures failures) {
    this.config = config;
    this.context = context;
    this.tuning = tuning;
    this.client = client;
    this.failures = failures;
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

  /** The smallest authenticated call; a 402 or 403 still proves the key, so they pass here. */
  private String authenticate() throws InterruptedException {
    RawResponse response = client.probe();
    if (response.status() == 401) {
      throw failures.badKey(CortexXdrCall.GET_ENDPOINT, response);
    }
    if (!response.ok() && response.status() != 402 && response.status() != 403) {
      throw failures.unexpected(CortexXdrCall.GET_ENDPOINT, response);
    }
    return "Cortex XDR accepted the "
        + config.securityLevel().label()
        + " API key with ID "
        + config.apiKeyId();
  }

  private String authorized() throws InterruptedException {
    List<PermanentException> denied = new ArrayList<>();
    long endpoints = -1;
    Quota quota = null;
    try {
      endpoints = client.endpoints(CortexXdrWire.JSON.createArrayNode(), 0, 1).totalCount();
    } catch (PermanentException e) {
      denied.add(e);
    }
    try {
      quota = client.quota();
    } catch (PermanentException e) {
      denied.add(e);
    }
    if (!denied.isEmpty()) {
      throw new PermanentException(
          String.join("; ", denied.stream().map(PermanentException::reason).toList()),
          String.join("; ", denied.stream().map(PermanentException::fix).distinct().toList()),
          denied.get(0).vendorReply().orElse(null));
    }
    return "the API key may read endpoints"
        + (endpoints >= 0 ? " (" + endpoints + " in the tenant)" : "")
        + " and run XQL queries ("
        + String.format(Locale.ROOT, "%.2f", quota.remaining())
        + " query units left today"
        + (quota.exhausted()
            ? ": exhausted, vulnerability reads will fail until" + " the quota resets"
            : "")
        + ")";
  }

  /**
   * Reads a first page of endpoints. A tenant without a single endpoint fails: far more often than
   * an empty tenant, the Base URL names another tenant than meant.
   */
  private String fetch() throws InterruptedException {
    EndpointPage page = client.endpoints(CortexXdrWire.JSON.createArrayNode(), 0, PROBE_PAGE);
    if (page.endpoints().isEmpty()) {
      throw new PermanentException(
          "Cortex XDR answered but returned no endpoints: the tenant at "
              + config.hostLabel()
              + " has none",
          "check that the Base URL is the API address of the tenant whose endpoints you want"
              + " (https://api-<fqdn>, shown by View Examples on the key), and that agents report"
              + " to it; a new tenant with no endpoints yet can be saved as a draft and tested"
              + " again once they do");
    }
    return "read a first page of " + page.endpoints().size() + " endpoints";
  }
}
