package dev.sightline.connector.cortex;

import dev.sightline.connector.ConfigField;
import dev.sightline.connector.ConfigSpec;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.ConnectorDescriptor.Capability;
import dev.sightline.connector.ConnectorDescriptor.DefaultMap;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.SourceMeaning;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Palo Alto Networks Cortex XDR connector plug-in (endpoints and their Host Insights
 * vulnerabilities), found through {@link java.util.ServiceLoader}. Stateless and thread-safe.
 */
public final class CortexXdrConnectorFactory implements ConnectorFactory {

  static final String ASSET_MAP = "dev/sightline/connector/cortex/cortex-xdr-asset-map.json";
  static final String VULNERABILITY_MAP =
      "dev/sightline/connector/cortex/cortex-xdr-vulnerability-map.json";

  private static final ConnectorDescriptor DESCRIPTOR =
      new ConnectorDescriptor(
          "cortex-xdr",
          "Palo Alto Networks",
          "Cortex XDR",
          "Palo Alto Networks",
          "Endpoint Security",
          new ConfigSpec(
              List.of(
                  ConfigField.vendorUrl(
                      CortexXdrConfig.URL,
                      "Base URL",
                      "The base URL of your Cortex XDR API, https://api-<fqdn>, for example"
                          + " https://api-mytenant.xdr.us.paloaltonetworks.com: right-click the key in Settings >"
                          + " Configurations > Integrations > API Keys and choose View Examples"),
                  ConfigField.secret(
                      CortexXdrConfig.API_KEY,
                      "API Key",
                      "The API key generated in Settings > Configurations > Integrations > API Keys (Standard"
                          + " security level, Viewer role); it is shown only once in the Cortex XDR console"),
                  ConfigField.text(
                      CortexXdrConfig.API_KEY_ID,
                      "API Key ID",
                      "The numeric value of the ID column of the API Keys table, for example 2",
                      true),
                  ConfigField.choice(
                      CortexXdrConfig.SECURITY_LEVEL,
                      "Security Level",
                      "The key's security level as shown in the API Keys table: standard (the seed's choice) or"
                          + " advanced (a hashed, replay-protected key)",
                      List.of("standard", "advanced"),
                      "standard"),
                  ConfigField.choice(
                      CortexXdrConfig.DELTA_ON_LAST_SEEN,
                      "Delta on last seen",
                      "Beyond the product seed, which always syncs in full: when true, runs after the first read"
                          + " only the endpoints seen since the previous run (vulnerabilities are always read in full)",
                      List.of("false", "true"),
                      "false"),
                  ConfigField.choice(
                      CortexXdrConfig.REQUESTS_PER_SECOND,
                      "Requests per second",
                      "How many API requests a second this connection may start, 1 to 10: Cortex XDR allows"
                          + " 10 per tenant for all integrations together and answers 'Too many requests.'"
                          + " beyond; the connector slows down by itself when it gets that answer",
                      java.util.stream.IntStream.rangeClosed(1, CortexXdrConfig.TENANT_LIMIT)
                          .mapToObj(Integer::toString)
                          .toList(),
                      Integer.toString(CortexXdrConfig.DEFAULT_REQUESTS_PER_SECOND)))),
          Set.of(Capability.FINDINGS, Capability.DELTA),
          List.of(
              new DefaultMap("Cortex XDR Asset Transform Map", ASSET_MAP),
              new DefaultMap("Cortex XDR Vulnerability Transform Map", VULNERABILITY_MAP)),
          List.of(),
          List.of(),
          // va_cves.severity on the seed's five levels; findings carry no status (absence is the
          // fix).
          new SourceMeaning(
              SourceMeaning.ordered(
                  "INFORMATIONAL", 1, "NONE", 1, "LOW", 2, "MEDIUM", 3, "HIGH", 4, "CRITICAL", 5),
              Map.of()));

  private final CortexXdrTuning tuning;

  /** The ServiceLoader entry, with production timing and budget. */
  public CortexXdrConnectorFactory() {
    this(CortexXdrTuning.defaults());
  }

  CortexXdrConnectorFactory(CortexXdrTuning tuning) {
    this.tuning = Objects.requireNonNull(tuning, "tuning");
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Connector create(ConnectorConfig config, ConnectorContext context) {
    return CortexXdrConnector.overHttp(CortexXdrConfig.from(config), context, tuning);
  }
}
