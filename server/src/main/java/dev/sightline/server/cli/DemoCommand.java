package dev.sightline.server.cli;

import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.sync.RunState;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.server.SightlineApplication;
import dev.sightline.server.boot.ServerSettings;
import dev.sightline.server.runs.RunLauncher;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Server on embedded PostgreSQL, a simulated CrowdStrike tenant, a connector "
        + "against it and a first sync, with progress on the console.")
final class DemoCommand implements Callable<Integer> {
  static final String CONNECTOR_NAME = "CrowdStrike demo tenant";

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--hosts", defaultValue = "1000", description = "hosts in the simulated tenant")
  int hosts;

  @Option(names = "--sim-port", defaultValue = "18443",
      description = "HTTPS port of the CrowdStrike simulator (kept fixed so the connector URL stays valid)")
  int simPort;

  @Override
  public Integer call() throws InterruptedException {
    CrowdStrikeSimulatorOptions d = CrowdStrikeSimulatorOptions.defaults(hosts);
    CrowdStrikeSimulator sim = CrowdStrikeSimulator.start(new CrowdStrikeSimulatorOptions(simPort,
        hosts, d.seed(), 0, d.clientId(), d.clientSecret(), d.scopes(), "",
        Duration.ofSeconds(120), Clock.systemUTC()));
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
    System.out.println("Simulated CrowdStrike tenant at " + sim.baseUrl() + ": "
        + sim.manifest().path("hosts").asLong() + " hosts, "
        + sim.manifest().path("vulnerabilities").asLong() + " vulnerabilities");

    ServerSettings env = ServerSettings.fromEnvironment(System.getenv(), port);
    String token = env.adminToken().orElseGet(DemoCommand::newToken);
    ServerSettings settings = env.withAdminToken(token)
        .withAllowedTargets(env.allowedTargets() + ",127.0.0.1")
        .withExtraCaPem(sim.caCertificatePem());
    ConfigurableApplicationContext ctx = SightlineApplication.start(settings);

    ConnectorService connectors = ctx.getBean(ConnectorService.class);
    UUID connectorId = connectors.list().stream()
        .filter(c -> c.name().equals(CONNECTOR_NAME)).map(ConnectorView::id).findFirst()
        .orElseGet(() -> connectors.register(new NewConnector("crowdstrike", CONNECTOR_NAME,
            "Simulated CrowdStrike Falcon tenant started by ./sightline demo",
            Map.of("url", sim.baseUrl().toString(), "clientId", d.clientId(),
                "clientSecret", d.clientSecret()), null)).id());
    SyncRun run = ctx.getBean(RunLauncher.class).start(connectorId);
    SyncService sync = ctx.getBean(SyncService.class);
    System.out.println("First sync started (run " + run.runId() + ")");
    SyncRun now = run;
    while (now.state() == RunState.PROCESSING) {
      Thread.sleep(1000);
      now = sync.run(run.runId()).orElseThrow();
      var c = now.counters();
      System.out.printf("  %-15s fetched %,d  created %,d  updated %,d  unchanged %,d  rejected %,d%n",
          now.stream().orElse("-"), c.fetched(), c.created(), c.updated(), c.unchanged(),
          c.rejected());
    }
    System.out.println("Sync " + now.state()
        + now.error().map(e -> ": " + e).orElse(""));
    String base = "http://localhost:" + port;
    System.out.println();
    System.out.println("Sightline is running at " + base + " (Ctrl-C to stop)");
    System.out.println("  Admin API token: " + token);
    System.out.println("  Try: curl -H 'Authorization: Bearer " + token + "' " + base
        + "/api/v1/assets?size=5");
    System.out.println("       curl -H 'Authorization: Bearer " + token + "' " + base
        + "/api/v1/findings?size=5");
    return 0;
  }

  private static String newToken() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return "sl_demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
