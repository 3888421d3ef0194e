package dev.sightline.connector.testkit.memory;

import dev.sightline.connector.ConfigField;
import dev.sightline.connector.ConfigSpec;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.ConnectorDescriptor.Capability;
import dev.sightline.connector.ConnectorDescriptor.DefaultMap;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.RecordKind;
import dev.sightline.connector.SourceMeaning;
import dev.sightline.connector.SourceMeaning.Status;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.TagKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal third connector type, {@value #TYPE}, whose tenant is the JSON its configuration
 * carries: {@code machines} (a JSON array of asset records) and {@code issues} (a JSON array of
 * finding records). It has its own severity words (trivial … grave) and statuses (seen, back, gone,
 * aged-out), which no platform class knows, so a test that ingests it end to end shows that adding
 * a connector touches no platform class. Register it only in tests, through ServiceLoader like any
 * connector (a {@code META-INF/services/dev.sightline.connector.ConnectorFactory} test resource).
 * With a bound {@link InMemoryTenant} it passes the connector contract ({@code
 * InMemoryConnectorContractTest}): paging with a checkpoint per page, resume, delta, rate limits,
 * token refresh, a wrong secret. Stateless; thread-safe.
 */
public final class InMemoryConnectorFactory implements ConnectorFactory {
  public static final String TYPE = "memory";

  private static final ConnectorDescriptor DESCRIPTOR =
      new ConnectorDescriptor(
          TYPE,
          "Memory",
          "Memory Scanner",
          "Memory Inventory",
          "Test",
          new ConfigSpec(
              List.of(
                  ConfigField.text("machines", "Machines", "JSON array of asset records", false),
                  ConfigField.text("issues", "Issues", "JSON array of finding records", false),
                  new ConfigField(
                      "secret",
                      "Secret",
                      "What the tenant asks for a token; a tenant read from this configuration"
                          + " asks for none",
                      false,
                      ConfigField.Kind.SECRET,
                      0,
                      List.of(),
                      Optional.empty()))),
          Set.of(Capability.FINDINGS, Capability.SOURCE_TAGS),
          List.of(
              new DefaultMap(
                  "Memory map", "dev/sightline/connector/testkit/memory/memory-map.json")),
          List.of(),
          List.of(new TagKind("team/", "team")),
          new SourceMeaning(
              SourceMeaning.ordered(
                  "trivial", 1, "minor", 2, "moderate", 3, "serious", 4, "grave", 5),
              SourceMeaning.ordered(
                  "seen", Status.OPEN,
                  "back", Status.REOPENED,
                  "gone", Status.CLOSED,
                  "aged-out", Status.EXPIRED)));

  static final StreamSpec MACHINES = new StreamSpec("machines", RecordKind.ASSET, "id", "");
  static final StreamSpec ISSUES =
      new StreamSpec("issues", RecordKind.FINDING, "id", "host").withAssetSnapshot("seen_on");

  private final InMemoryTenant bound;

  /** The ServiceLoader entry: each connector's tenant is the JSON its configuration carries. */
  public InMemoryConnectorFactory() {
    this(null);
  }

  /** Connectors of this factory all talk to {@code tenant} (the contract tests' way). */
  public InMemoryConnectorFactory(InMemoryTenant tenant) {
    this.bound = tenant;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Connector create(ConnectorConfig config, ConnectorContext context) {
    InMemoryTenant tenant =
        bound != null
            ? bound
            : InMemoryTenant.fromJson(
                config.get("machines").orElse("[]"),
                config.get("issues").orElse("[]"),
                context.clock());
    return new InMemoryConnector(tenant, config.get("secret").orElse(""), context);
  }

  /** The stream the contract tests read. */
  public static StreamSpec issuesStream() {
    return ISSUES;
  }
}
