package dev.sightline.server.cli;

import dev.sightline.platform.connectors.ConnectorRegistration;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.connectors.NewConnector;
import dev.sightline.platform.intel.IntelFileException;
import dev.sightline.platform.intel.IntelImporter;
import dev.sightline.platform.scheduling.ClusterScheduler;
import dev.sightline.platform.sync.SyncRun;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.server.SightlineApplication;
import dev.sightline.server.boot.ServerSettings;
import dev.sightline.server.boot.StartupException;
import dev.sightline.server.runs.RunLauncher;
import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Server on embedded PostgreSQL, simulated CrowdStrike and Cortex XDR tenants "
            + "that share part of one fleet, connectors against them and a first sync of each, with "
            + "progress on the console.")
final class DemoCommand implements Callable<Integer> {
  static final String CROWDSTRIKE = "CrowdStrike demo tenant";
  static final String CORTEX = "Cortex XDR demo tenant";

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--hosts",
      defaultValue = "1000",
      description = "machines per simulated tenant; the tenants share half of them")
  int hosts;

  @Option(
      names = "--sim-port",
      defaultValue = "18443",
      description =
          "HTTPS port of the CrowdStrike simulator; Cortex XDR uses the next one (fixed,"
              + " so connector URLs stay valid across demo restarts)")
  int simPort;

  @Option(
      names = "--intel",
      paramLabel = "DIR",
      description =
          "directory of CVE intelligence files (CISA KEV JSON, EPSS CSV, NVD 2.0 JSON)"
              + " imported before the first syncs; default: the snapshot the demo ships (CISA KEV"
              + " 2025-08-25, an EPSS slice of 2026-08-22, one NVD record)")
  Path intel;

  @Override
  public Integer call() throws InterruptedException {
    CrowdStrikeSimulator crowdstrike =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(hosts).withPort(simPort));
    CortexXdrSimulator cortex =
        CortexXdrSimulator.start(
            CortexXdrSimulatorOptions.defaults(hosts).withPort(simPort + 1).withOffset(hosts / 2));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  crowdstrike.close();
                  cortex.close();
                }));
    System.out.printf(
        "Simulated CrowdStrike tenant at %s: fleet machines [0, %d), %,d vulnerabilities%n",
        crowdstrike.baseUrl(), hosts, crowdstrike.manifest().path("vulnerabilities").asLong());
    System.out.printf(
        "Simulated Cortex XDR tenant at %s: fleet machines [%d, %d), %,d findings%n",
        cortex.baseUrl(),
        hosts / 2,
        hosts / 2 + hosts,
        cortex.manifest().path("findings").asLong());

    ServerSettings env =
        StartupException.settings(() -> ServerSettings.fromEnvironment(System.getenv(), port));
    String token = env.adminToken().orElseGet(DemoCommand::newToken);
    ServerSettings settings =
        env.withAdminToken(token)
            .withAllowedTargets(env.allowedTargets() + ",127.0.0.1")
            .withExtraCaPem(crowdstrike.caCertificatePem() + "\n" + cortex.caCertificatePem());
    ConfigurableApplicationContext ctx = SightlineApplication.start(settings);

    ConnectorService connectors = ctx.getBean(ConnectorService.class);
    UUID cs =
        connector(
            connectors,
            ctx.getBean(ConnectorRegistration.class),
            ctx.getBean(ClusterScheduler.class),
            new NewConnector(
                "crowdstrike",
                CROWDSTRIKE,
                "Simulated CrowdStrike Falcon tenant started by ./sightline demo",
                Map.of(
                    "url",
                    crowdstrike.baseUrl().toString(),
                    "clientId",
                    "sim-client",
                    "clientSecret",
                    "sim-secret"),
                null));
    CortexXdrSimulatorOptions co = cortex.options();
    UUID cx =
        connector(
            connectors,
            ctx.getBean(ConnectorRegistration.class),
            ctx.getBean(ClusterScheduler.class),
            new NewConnector(
                "cortex-xdr",
                CORTEX,
                "Simulated Cortex XDR tenant started by ./sightline demo",
                Map.of(
                    "url",
                    cortex.baseUrl().toString(),
                    "apiKeyId",
                    co.keyId(),
                    "apiKey",
                    co.key(),
                    "securityLevel",
                    co.security().wire()),
                null));
    importIntelligence(ctx.getBean(IntelImporter.class));
    syncWithProgress(ctx, "CrowdStrike", cs);
    syncWithProgress(ctx, "Cortex XDR", cx);

    InventoryQueries inventory = ctx.getBean(InventoryQueries.class);
    var none = InventoryQueries.Filter.none();
    System.out.printf(
        "%nOne model: %,d assets (%,d + %,d machines, %,d seen by both), %,d findings%n",
        inventory.assets(none, 0, 1).total(),
        hosts,
        hosts,
        hosts / 2,
        inventory.findings(none, 0, 1).total());
    var riskiest = inventory.assets(none, InventoryQueries.Sort.SCORE, 0, 3).items();
    if (!riskiest.isEmpty()) {
      System.out.println("Riskiest assets:");
      riskiest.forEach(
          a ->
              System.out.printf(
                  "  #%d %-24s risk %s (%s), criticality %s, %d open" + " findings%n",
                  a.id(),
                  a.hostName(),
                  a.riskScore(),
                  a.riskBand(),
                  a.criticality(),
                  a.openFindings()));
    }
    String base = "http://localhost:" + port;
    System.out.println();
    System.out.println("Sightline is running at " + base + " (Ctrl-C to stop)");
    System.out.println("  Console: open " + base + "/ in a browser and sign in as 'admin'");
    System.out.println("  Admin API token: " + token);
    System.out.println(
        "  People sign in as 'admin' with "
            + (env.access().adminPassword().isPresent()
                ? "SIGHTLINE_ADMIN_PASSWORD"
                : "the password printed once at first start (set SIGHTLINE_ADMIN_PASSWORD to"
                    + " replace it)")
            + "; add users and roles with /api/v1/users (docs/access.md)");
    System.out.println(
        "  Try: curl -H 'Authorization: Bearer " + token + "' " + base + "/api/v1/assets?size=5");
    System.out.println(
        "       curl -H 'Authorization: Bearer " + token + "' " + base + "/api/v1/findings?size=5");
    if (!riskiest.isEmpty()) {
      System.out.println(
          "       curl -H 'Authorization: Bearer "
              + token
              + "' "
              + base
              + "/api/v1/assets/"
              + riskiest.get(0).id()
              + "/score   # why it scores what it does");
    }
    return 0;
  }

  /** The CVE intelligence snapshot shipped with the demo (see its README). */
  private static final List<String> SHIPPED_INTEL =
      List.of(
          "known_exploited_vulnerabilities.json.gz",
          "epss_kev_nvd.csv.gz",
          "nvd_cve_2.0_sample_CVE-2025-48384.json.gz");

  private static final String SHIPPED_INTEL_DIR = "dev/sightline/server/demo-intel/";

  /**
   * Imports every intelligence file of {@code --intel}, or else the snapshot the demo ships; a file
   * of another kind is skipped.
   */
  private void importIntelligence(IntelImporter importer) {
    if (intel == null) {
      for (String name : SHIPPED_INTEL) {
        importShipped(importer, name);
      }
      return;
    }
    if (!Files.isDirectory(intel)) {
      System.out.println(
          "No CVE intelligence imported ("
              + intel
              + " is not a directory): findings"
              + " are scored from what the sources say. Use --intel DIR or `sightline intel import`.");
      return;
    }
    try (var files = Files.list(intel)) {
      for (Path file :
          files.filter(f -> f.toString().matches(".*\\.(json|csv|gz)$")).sorted().toList()) {
        importOne(importer, file);
      }
    } catch (java.io.IOException e) {
      System.out.println("No CVE intelligence imported: cannot list " + intel + " (" + e + ")");
    }
  }

  private static void importShipped(IntelImporter importer, String name) {
    Path copy = null;
    try (var in =
        DemoCommand.class.getClassLoader().getResourceAsStream(SHIPPED_INTEL_DIR + name)) {
      if (in == null) {
        System.out.println("Intelligence: the shipped " + name + " is missing from this build");
        return;
      }
      copy = Files.createTempFile("sightline-intel-", "-" + name);
      Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      importOne(importer, copy);
    } catch (java.io.IOException e) {
      System.out.println("Intelligence: could not read the shipped " + name + " (" + e + ")");
    } finally {
      if (copy != null) {
        try {
          Files.deleteIfExists(copy);
        } catch (java.io.IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  private static void importOne(IntelImporter importer, Path file) {
    try {
      System.out.println("Intelligence: " + IntelCommand.describe(importer.importFile(file)));
    } catch (IntelFileException e) {
      // The first sentence says what the file is not; the rest is advice for a user's own file.
      String why = e.getMessage().split("\\. ", 2)[0];
      System.out.println("Intelligence: skipped " + why);
    }
  }

  /** The demo's connector by name, created on the default daily schedule the first time. */
  /** Created as a user's would be: only after its five connection checks pass. */
  private static ConnectorView create(ConnectorRegistration registration, NewConnector wanted) {
    try {
      return registration.create(wanted, ConnectorRegistration.Admission.tested());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while testing the connection", e);
    }
  }

  private static UUID connector(
      ConnectorService connectors,
      ConnectorRegistration registration,
      ClusterScheduler scheduler,
      NewConnector wanted) {
    ConnectorView c =
        connectors.list().stream()
            .filter(v -> v.name().equals(wanted.name()))
            .findFirst()
            .orElseGet(() -> create(registration, wanted));
    scheduler.apply(c.id());
    c.schedule().ifPresent(s -> System.out.println(wanted.name() + ": " + s.confirmation() + "."));
    return c.id();
  }

  private static void syncWithProgress(ConfigurableApplicationContext ctx, String label, UUID id)
      throws InterruptedException {
    SyncService sync = ctx.getBean(SyncService.class);
    SyncRun run = ctx.getBean(RunLauncher.class).start(id);
    System.out.println(label + " sync started (run " + run.runId() + ")");
    SyncRun now = run;
    while (now.state().active()) {
      Thread.sleep(1000);
      now = sync.run(run.runId()).orElseThrow();
      var c = now.counters();
      System.out.printf(
          "  %-15s fetched %,d  created %,d  updated %,d  unchanged %,d  rejected %,d%n",
          now.stream().orElse("-"),
          c.fetched(),
          c.created(),
          c.updated(),
          c.unchanged(),
          c.rejected());
    }
    var c = now.counters();
    System.out.println(
        label
            + " sync "
            + now.state()
            + now.error().map(e -> ": " + e).orElse("")
            + String.format(
                " (assets linked to another source's %,d, findings new %,d, fixed %,d)",
                c.assetsLinked(), c.findingsNew(), c.findingsFixed()));
  }

  private static String newToken() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return "sl_demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
