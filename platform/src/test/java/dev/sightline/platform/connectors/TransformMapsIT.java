package dev.sightline.platform.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.testkit.memory.InMemoryConnectorFactory;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import dev.sightline.platform.sync.RunState;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connector's transform maps can be replaced: the override is validated whole (the row named in
 * every problem), the next run maps with it, and DELETE restores the defaults.
 */
@ExtendWith(PostgresExtension.class)
class TransformMapsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MACHINES = "[{\"id\":\"m1\",\"name\":\"web-01\"}]";

  private final Jdbc jdbc;
  private ConnectorService connectors;
  private TransformMaps maps;
  private SyncService sync;

  TransformMapsIT(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @BeforeEach
  void start() {
    jdbc.update("TRUNCATE connector, asset CASCADE");
    Clock clock = Clock.systemUTC();
    connectors =
        new ConnectorService(
            ConnectorCatalog.discover(),
            new ConnectorRepository(jdbc),
            new SecretCipher(new byte[32]),
            TargetPolicy.fromList(""),
            clock);
    maps = new TransformMaps(connectors, jdbc, clock);
    sync = new SyncService(connectors, jdbc, new PlatformConnectorContext(clock, null), clock, 100);
  }

  private UUID register() {
    return connectors
        .register(
            new NewConnector(
                InMemoryConnectorFactory.TYPE, "maps", "", Map.of("machines", MACHINES), null))
        .id();
  }

  /** The default map as a map file, with one row's expression changed. */
  private String withExpression(UUID id, String target, String expression) throws Exception {
    ObjectNode map = (ObjectNode) JSON.readTree(maps.active(id).get(0).map().toJson());
    for (var row : map.path("fields")) {
      if (row.path("target").asText().equals(target)) {
        ((ObjectNode) row).put("expression", expression);
      }
    }
    ObjectNode body = JSON.createObjectNode();
    body.putArray("maps").add(map);
    return body.toString();
  }

  private String assetName(UUID id) {
    return jdbc.queryOne(
            "SELECT asset_name FROM source_asset WHERE connector_id = ?", rs -> rs.getString(1), id)
        .orElseThrow();
  }

  @Test
  void shouldMapTheNextRunWithAnOverrideAndTheDefaultsAgainAfterAReset() throws Exception {
    UUID id = register();
    assertThat(maps.active(id))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.map().name()).isEqualTo("Memory map");
              assertThat(m.custom()).isFalse();
            });
    sync.execute(sync.request(id).runId());
    assertThat(assetName(id)).isEqualTo("web-01");

    assertThat(maps.save(id, withExpression(id, "assetName", "id")).get(0).custom()).isTrue();
    jdbc.update("DELETE FROM stream_checkpoint WHERE connector_id = ?", id); // read in full again
    SyncRun run = sync.execute(sync.request(id).runId());

    assertThat(run.state()).as(run.error().orElse("")).isEqualTo(RunState.PROCESSED);
    assertThat(assetName(id)).isEqualTo("m1");
    assertThat(maps.reset(id).get(0).custom()).isFalse();
  }

  @Test
  void shouldRefuseABadOverrideNamingTheRowAndStoreNothing() throws Exception {
    UUID id = register();

    assertThatThrownBy(() -> maps.save(id, withExpression(id, "assetName", "name[")))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).problems())
                    .anySatisfy(p -> assertThat(p.field()).startsWith("maps[0].fields[")));
    assertThat(maps.active(id).get(0).custom()).isFalse();
  }

  @Test
  void shouldRefuseAnOverrideThatDropsATargetTheDefaultRequires() throws Exception {
    UUID id = register();
    ObjectNode map = (ObjectNode) JSON.readTree(maps.active(id).get(0).map().toJson());
    ArrayNode kept = JSON.createArrayNode();
    map.path("fields")
        .forEach(
            row -> {
              if (!row.path("target").asText().equals("findingName")) {
                kept.add(row);
              }
            });
    map.set("fields", kept);
    ObjectNode body = JSON.createObjectNode();
    body.putArray("maps").add(map);

    assertThatThrownBy(() -> maps.save(id, body.toString()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("findingName");
  }
}
