package dev.sightline.connector.testkit.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.connector.CheckResult;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.ConfigField;
import dev.sightline.connector.ConfigSpec;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.ConnectorDescriptor.Capability;
import dev.sightline.connector.ConnectorDescriptor.DefaultMap;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.Page;
import dev.sightline.connector.RecordKind;
import dev.sightline.connector.SourceMeaning;
import dev.sightline.connector.SourceMeaning.Status;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import dev.sightline.connector.TagKind;
import java.util.ArrayList;
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
 * Each stream is one page. Stateless; thread-safe.
 */
public final class InMemoryConnectorFactory implements ConnectorFactory {
  public static final String TYPE = "memory";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final ConnectorDescriptor DESCRIPTOR =
      new ConnectorDescriptor(
          TYPE,
          "Memory",
          "Memory Scanner",
          "Memory Inventory",
          "Test",
          new ConfigSpec(
              List.of(
                  ConfigField.text("machines", "Machines", "JSON array of asset records", true),
                  ConfigField.text("issues", "Issues", "JSON array of finding records", false))),
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

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Connector create(ConnectorConfig config, ConnectorContext context) {
    return new Connector() {
      @Override
      public List<CheckResult> testConnection() {
        return List.of();
      }

      @Override
      public List<StreamSpec> streams(SyncRequest request) {
        return request.streams(MACHINES, ISSUES);
      }

      @Override
      public StreamReader open(StreamSpec stream, SyncRequest request, Optional<Checkpoint> from) {
        String field = stream.equals(MACHINES) ? "machines" : "issues";
        return onePage(stream.name(), config.get(field).orElse("[]"));
      }

      @Override
      public void close() {}
    };
  }

  private static StreamReader onePage(String stream, String json) {
    List<JsonNode> records = new ArrayList<>();
    try {
      JSON.readTree(json).forEach(records::add);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON array: " + e.getOriginalMessage());
    }
    return new StreamReader() {
      private boolean read;

      @Override
      public Optional<Page> next() {
        if (read) {
          return Optional.empty();
        }
        read = true;
        return Optional.of(new Page(records, new Checkpoint(stream, 1, "{}", true)));
      }

      @Override
      public boolean fullSync() {
        return true;
      }

      @Override
      public void close() {}
    };
  }
}
