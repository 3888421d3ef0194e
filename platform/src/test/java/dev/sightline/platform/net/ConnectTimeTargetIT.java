package dev.sightline.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import dev.sightline.platform.sync.RunState;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A vendor host that resolves to a public address when the connector is saved and to 127.0.0.1 when
 * it is called (DNS rebinding) is refused on the call itself, with the reason and the fix; nothing
 * is sent to the private address.
 */
@ExtendWith(PostgresExtension.class)
class ConnectTimeTargetIT {
  private static final String HOST = "tenant.vendor.example";
  private final Jdbc jdbc;

  ConnectTimeTargetIT(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Public for the first {@code honest} lookups, then loopback: a name an attacker controls. */
  private static TargetPolicy.Resolver rebinding(int honest, AtomicInteger lookups) {
    return host -> {
      if (!host.equals(HOST)) {
        throw new UnknownHostException(host);
      }
      byte[] address =
          lookups.incrementAndGet() <= honest
              ? new byte[] {93, (byte) 184, (byte) 216, 34}
              : new byte[] {127, 0, 0, 1};
      return new InetAddress[] {InetAddress.getByAddress(host, address)};
    };
  }

  @Test
  void shouldRefuseAVendorCallWhoseHostNowResolvesToLoopback() {
    jdbc.update("TRUNCATE connector, asset CASCADE");
    AtomicInteger lookups = new AtomicInteger();
    // Honest at save time and at the run's start; rebound by the first vendor call.
    TargetPolicy targets = new TargetPolicy(Set.of(), rebinding(2, lookups));
    Clock clock = Clock.systemUTC();
    try (CrowdStrikeSimulator sim =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(5))) {
      ConnectorService connectors =
          new ConnectorService(
              ConnectorCatalog.discover(),
              new ConnectorRepository(jdbc),
              new SecretCipher(new byte[32]),
              targets,
              clock);
      SyncService sync =
          new SyncService(
              connectors,
              jdbc,
              new PlatformConnectorContext(
                  clock,
                  sim.clientSslContext(),
                  dev.sightline.connector.CallObserver.NONE,
                  Optional.of(targets)),
              clock,
              100);
      UUID id =
          connectors
              .register(
                  new NewConnector(
                      "crowdstrike",
                      "rebound",
                      "",
                      Map.of(
                          "url",
                          "https://" + HOST + ":" + sim.baseUrl().getPort(),
                          "clientId",
                          "sim-client",
                          "clientSecret",
                          "sim-secret"),
                      null))
              .id();

      SyncRun run = sync.execute(sync.request(id).runId());

      assertThat(run.state()).isEqualTo(RunState.ERRORED);
      assertThat(run.error().orElseThrow())
          .contains("refused at connect time")
          .contains("127.0.0.1")
          .contains("To fix:")
          .contains("SIGHTLINE_ALLOWED_TARGETS")
          .doesNotContain("sim-secret");
      assertThat(lookups.get()).isEqualTo(3);
      assertThat(sim.requests().size()).as("nothing reached the vendor").isZero();
    }
  }
}
