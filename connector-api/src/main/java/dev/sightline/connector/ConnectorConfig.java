package dev.sightline.connector;

import java.util.Map;
import java.util.Optional;

/**
 * Bound configuration values of one connection, secrets already decrypted. {@link #toString} never
 * shows values, so a config can be logged by accident without leaking a secret.
 *
 * @param useProxy whether the connection's vendor calls go through the operator's outbound proxy
 *     (when one is set); the platform applies it to the {@link ConnectorContext} it lends, so a
 *     connector need not read it
 */
public record ConnectorConfig(Map<String, String> values, boolean useProxy) {

  public ConnectorConfig {
    values = Map.copyOf(values);
  }

  /** Values of a connection that goes through the proxy, when one is set. */
  public ConnectorConfig(Map<String, String> values) {
    this(values, true);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
  }

  /** The value of a required field; a missing one is a permanent, explained error. */
  public String require(String name) {
    return get(name)
        .orElseThrow(
            () ->
                new PermanentException(
                    "The connector setting '" + name + "' is missing",
                    "edit the connector and fill in '" + name + "'"));
  }

  @Override
  public String toString() {
    return "ConnectorConfig" + values.keySet() + (useProxy ? "" : " direct");
  }
}
