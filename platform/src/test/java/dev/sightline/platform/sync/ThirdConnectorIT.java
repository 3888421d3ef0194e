package dev.sightline.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.testkit.memory.InMemoryConnectorFactory;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.views.FindingView;
import dev.sightline.platform.views.InventoryQueries;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A third connector type the platform has never heard of — the testkit's in-memory connector,
 * registered only in tests — is ingested end to end: its own severity words score its findings
 * through its default severity mapping, and its own statuses open and close them. No platform class
 * names it.
 */
@ExtendWith(PostgresExtension.class)
class ThirdConnectorIT {
  private static final String MACHINES =
      """
      [{"id":"h1","name":"app-01","nics":[{"mac":"00:1b:a9:00:00:01","ip":"10.1.0.1"}]}]""";

  private final Jdbc jdbc;
  private ConnectorService connectors;
  private SyncService sync;
  private InventoryQueries inventory;

  ThirdConnectorIT(DataSource dataSource) {
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
    sync = new SyncService(connectors, jdbc, new PlatformConnectorContext(clock, null), clock, 100);
    inventory = new InventoryQueries(jdbc);
  }

  private Map<String, FindingView> findingsByName() {
    return inventory.findings(InventoryQueries.Filter.none(), 0, 100).items().stream()
        .collect(Collectors.toMap(FindingView::findingName, Function.identity()));
  }

  @Test
  void shouldScoreAndTrackAConnectorTypeByItsOwnWordsAndStatuses() {
    UUID id =
        connectors
            .register(
                new NewConnector(
                    InMemoryConnectorFactory.TYPE,
                    "third",
                    "",
                    Map.of(
                        "machines",
                        MACHINES,
                        "issues",
                        """
                        [{"id":"a","host":"h1","title":"weak cipher","level":"grave","state":"seen"},
                         {"id":"b","host":"h1","title":"old banner","level":"minor","state":"back"},
                         {"id":"c","host":"h1","title":"open share","level":"serious","state":"gone"},
                         {"id":"d","host":"h1","title":"stale cert","level":"moderate","state":"aged-out"},
                         {"id":"e","host":"h1","title":"odd port","level":"unheard-of"}]"""),
                    null))
            .id();

    SyncRun run = sync.execute(sync.request(id).runId());

    assertThat(run.state()).as(run.error().orElse("")).isEqualTo(RunState.PROCESSED);
    Map<String, FindingView> findings = findingsByName();
    // Its own words on the seed's scale: grave 5 → 100, minor 2 → 40; a word it did not declare
    // gets the default severity 2 → 40.
    assertThat(findings.get("weak cipher").qds()).isEqualTo(100);
    assertThat(findings.get("old banner").qds()).isEqualTo(40);
    assertThat(findings.get("odd port").qds()).isEqualTo(40);
    // Its own statuses: seen and back are open, gone and aged-out are not.
    assertThat(findings.get("weak cipher").state()).isEqualTo("NEW");
    assertThat(findings.get("old banner").state()).isEqualTo("NEW");
    assertThat(findings.get("open share").state()).isEqualTo("FIXED");
    assertThat(findings.get("stale cert").state()).isEqualTo("FIXED");
    assertThat(findings.get("odd port").state())
        .as("no status, no fix date: open")
        .isEqualTo("NEW");
  }
}
