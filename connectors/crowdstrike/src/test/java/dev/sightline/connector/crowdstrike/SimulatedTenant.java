package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.testkit.AbstractContractTenant;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import dev.sightline.simulators.crowdstrike.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A CrowdStrike simulator tenant, as the connector contract and the focused ITs use it. The
 * contract reads the vulnerabilities stream; "data calls" are the Spotlight and Discover calls.
 */
final class SimulatedTenant extends AbstractContractTenant {

  static final String WRONG_SECRET = "definitely-not-the-sim-secret";

  private final CrowdStrikeSimulator simulator;

  SimulatedTenant(CrowdStrikeSimulatorOptions options, CrowdStrikeTuning tuning, int pageSize) {
    this(CrowdStrikeSimulator.start(options), tuning, pageSize);
  }

  private SimulatedTenant(CrowdStrikeSimulator simulator, CrowdStrikeTuning tuning, int pageSize) {
    super(new CrowdStrikeConnectorFactory(tuning), simulator.clientSslContext(), pageSize);
    this.simulator = simulator;
  }

  /** Production timing, except a delta starting strictly after the last record read. */
  static CrowdStrikeTuning contractTuning() {
    return CrowdStrikeTuning.defaults().withDeltaOverlap(Duration.ZERO);
  }

  CrowdStrikeSimulator simulator() {
    return simulator;
  }

  ConnectorConfig configWith(String secret) {
    return new ConnectorConfig(
        Map.of(
            CrowdStrikeConfig.URL,
            simulator.baseUrl().toString(),
            CrowdStrikeConfig.CLIENT_ID,
            CrowdStrikeSimulatorOptions.DEFAULT_CLIENT_ID,
            CrowdStrikeConfig.CLIENT_SECRET,
            secret));
  }

  @Override
  public ConnectorConfig config() {
    return configWith(CrowdStrikeSimulatorOptions.DEFAULT_CLIENT_SECRET);
  }

  @Override
  public ConnectorConfig configWithWrongSecret() {
    return configWith(WRONG_SECRET);
  }

  @Override
  public StreamSpec stream(Connector connector) {
    return CrowdStrikeStream.VULNERABILITIES.spec();
  }

  @Override
  public long expectedRecords() {
    return simulator.manifest().path("vulnerabilities").asLong();
  }

  @Override
  public void rateLimitNext(int responses, Duration retryAfter) {
    simulator.faults().rateLimitNext(responses, Math.toIntExact(retryAfter.toSeconds()));
  }

  @Override
  public List<Instant> dataCallTimes() {
    return dataCalls().stream().map(RequestLog.Entry::at).toList();
  }

  /** Spotlight and Discover calls, oldest first. */
  List<RequestLog.Entry> dataCalls() {
    return simulator.requests().entries().stream()
        .filter(e -> e.path().startsWith("/spotlight/") || e.path().startsWith("/discover/"))
        .toList();
  }

  long tokenCalls() {
    return simulator.requests().entries("/oauth2/token").size();
  }

  @Override
  public void invalidateTokens() {
    simulator.faults().expireAllTokens();
  }

  @Override
  public void slowNextCall(Duration delay) {
    simulator.faults().slowNext(1, delay);
  }

  @Override
  public void clearFaults() {
    simulator.faults().clear();
  }

  @Override
  public void close() {
    simulator.close();
  }
}
