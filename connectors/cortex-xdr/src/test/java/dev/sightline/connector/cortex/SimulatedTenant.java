package dev.sightline.connector.cortex;

import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.testkit.AbstractContractTenant;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.server.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cortex XDR simulator tenant, as the connector contract and the focused ITs use it. The contract
 * reads the endpoints stream with the beyond-seed delta on {@code last_seen} switched on (the
 * contract checks an empty delta); "data calls" are every public API call.
 */
final class SimulatedTenant extends AbstractContractTenant {

  static final String WRONG_KEY = "definitely-not-the-simulators-key-0123456789";
  static final String API_PREFIX = "/public_api/v1/";

  private final CortexXdrSimulator simulator;
  private final boolean delta;

  SimulatedTenant(
      CortexXdrSimulatorOptions options, CortexXdrTuning tuning, int pageSize, boolean delta) {
    this(CortexXdrSimulator.start(options), tuning, pageSize, delta);
  }

  private SimulatedTenant(
      CortexXdrSimulator simulator, CortexXdrTuning tuning, int pageSize, boolean delta) {
    super(new CortexXdrConnectorFactory(tuning), simulator.clientSslContext(), pageSize);
    this.simulator = simulator;
    this.delta = delta;
  }

  /** Production budget and waits, except a delta starting strictly after the last endpoint seen. */
  static CortexXdrTuning contractTuning() {
    return CortexXdrTuning.defaults().withDeltaOverlap(Duration.ZERO);
  }

  CortexXdrSimulator simulator() {
    return simulator;
  }

  ConnectorConfig configWith(String key) {
    return configWith(simulator.baseUrl().toString(), key);
  }

  ConnectorConfig configWith(String url, String key) {
    Map<String, String> values = new HashMap<>();
    values.put(CortexXdrConfig.URL, url);
    values.put(CortexXdrConfig.API_KEY, key);
    values.put(CortexXdrConfig.API_KEY_ID, simulator.options().keyId());
    values.put(CortexXdrConfig.SECURITY_LEVEL, simulator.options().security().wire());
    values.put(CortexXdrConfig.DELTA_ON_LAST_SEEN, Boolean.toString(delta));
    return new ConnectorConfig(values);
  }

  /** The connection with a request budget of its own ({@code requestsPerSecond}). */
  ConnectorConfig configWithBudget(int requestsPerSecond) {
    Map<String, String> values = new HashMap<>(configWith(simulator.options().key()).values());
    values.put(CortexXdrConfig.REQUESTS_PER_SECOND, Integer.toString(requestsPerSecond));
    return new ConnectorConfig(values);
  }

  @Override
  public ConnectorConfig config() {
    return configWith(simulator.options().key());
  }

  @Override
  public ConnectorConfig configWithWrongSecret() {
    return configWith(WRONG_KEY);
  }

  @Override
  public StreamSpec stream(Connector connector) {
    return CortexXdrStream.ENDPOINTS.spec();
  }

  @Override
  public long expectedRecords() {
    return simulator.manifest().path("endpoints").asLong();
  }

  long expectedFindings() {
    return simulator.manifest().path("findings").asLong();
  }

  /**
   * Cortex names no delay: the connector waits a second, then doubles, which the contract's bound
   * allows.
   */
  @Override
  public void rateLimitNext(int responses, Duration retryAfter) {
    simulator.faults().tooManyRequestsNext(responses);
  }

  @Override
  public List<Instant> dataCallTimes() {
    return dataCalls().stream().map(RequestLog.Entry::at).toList();
  }

  /** Every public API call, oldest first. */
  List<RequestLog.Entry> dataCalls() {
    return simulator.requests().entries().stream()
        .filter(e -> e.path().startsWith(API_PREFIX))
        .toList();
  }

  /**
   * Cortex API keys are not tokens: nothing expires between calls, so there is nothing to refresh
   * and the contract's check reduces to "the read completes".
   */
  @Override
  public void invalidateTokens() {
    // nothing to invalidate
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
