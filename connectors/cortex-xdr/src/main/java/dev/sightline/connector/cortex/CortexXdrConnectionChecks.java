package dev.sightline.connector.cortex;

import dev.sightline.connector.CheckResult;
import dev.sightline.connector.CheckResult.Check;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorException;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.cortex.CortexXdrTransport.RawResponse;
import dev.sightline.connector.cortex.CortexXdrWire.EndpointPage;
import dev.sightline.connector.cortex.CortexXdrWire.Quota;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

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

  CortexXdrConnectionChecks(CortexXdrConfig config, ConnectorContext context, CortexXdrTuning tuning,
      CortexXdrClient client, CortexXdrFailures failures) {
    this.config = config;
    this.context = context;
    this.tuning = tuning;
    this.client = client;
    this.failures = failures;
  }

  @FunctionalInterface
  private interface Step {
    /** Passes with a message, or throws a {@link ConnectorException} that says why not. */
    String run() throws InterruptedException;
  }

  List<CheckResult> run() throws InterruptedException {
    List<CheckResult> results = new ArrayList<>();
    boolean failed = false;
    for (Check check : Check.values()) {
      if (failed) {
        results.add(CheckResult.skipped(check));
        continue;
      }
      CheckResult result = attempt(check, step(check));
      failed = !result.passed();
      results.add(result);
    }
    return results;
  }

  private Step step(Check check) {
    return switch (check) {
      case NETWORK_REACHABILITY -> this::reachable;
      case TLS_HANDSHAKE -> this::handshake;
      case AUTHENTICATION -> this::authenticate;
      case AUTHORIZATION_SCOPE -> this::authorized;
      case DATA_FETCH -> this::fetch;
    };
  }

  private static CheckResult attempt(Check check, Step step) throws InterruptedException {
    try {
      return CheckResult.passed(check, step.run());
    } catch (ConnectorException e) {
      return CheckResult.failed(check, e.getMessage());
    }
  }

  private String reachable() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(config.baseUrl().getHost(), config.port()), timeoutMillis());
      return "reached " + config.hostLabel() + " over TCP";
    } catch (UnknownHostException e) {
      throw failures.unreachable(e, 1);
    } catch (IOException e) {
      throw failures.unreachable(asConnectFailure(e), 1);
    }
  }

  private String handshake() {
    String host = config.baseUrl().getHost();
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(host, config.port()), timeoutMillis());
      plain.setSoTimeout(timeoutMillis());
      try (SSLSocket tls = (SSLSocket) context.sslContext().getSocketFactory()
          .createSocket(plain, host, config.port(), false)) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return "negotiated " + tls.getSession().getProtocol() + " with " + config.hostLabel()
            + ", certificate trusted for " + host;
      }
    } catch (IOException e) {
      throw failures.tlsFailed(e);
    }
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
    return "Cortex XDR accepted the " + config.securityLevel().label() + " API key with ID " + config.apiKeyId();
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
          String.join("; ", denied.stream().map(PermanentException::fix).distinct().toList()));
    }
    return "the API key may read endpoints" + (endpoints >= 0 ? " (" + endpoints + " in the tenant)" : "")
        + " and run XQL queries (" + String.format(Locale.ROOT, "%.2f", quota.remaining())
        + " query units left today" + (quota.exhausted() ? ": exhausted, vulnerability reads will fail until"
            + " the quota resets" : "") + ")";
  }

  private String fetch() throws InterruptedException {
    EndpointPage page = client.endpoints(CortexXdrWire.JSON.createArrayNode(), 0, PROBE_PAGE);
    return "read a first page of " + page.endpoints().size() + " endpoints";
  }

  private int timeoutMillis() {
    return Math.toIntExact(tuning.connectTimeout().toMillis());
  }

  private static IOException asConnectFailure(IOException e) {
    if (e instanceof ConnectException) {
      return e;
    }
    ConnectException connect = new ConnectException(
        e instanceof java.net.SocketTimeoutException ? "no answer in time" : e.getMessage());
    connect.initCause(e);
    return connect;
  }
}
