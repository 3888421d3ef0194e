package dev.sightline.server;

import dev.sightline.connector.CallObserver;
import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.platform.connectors.ConnectionTester;
import dev.sightline.platform.connectors.ConnectionTests;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorEditor;
import dev.sightline.platform.connectors.ConnectorRegistration;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.TransformMaps;
import dev.sightline.platform.correlation.AssetLinks;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.intel.IntelImporter;
import dev.sightline.platform.intel.IntelLookup;
import dev.sightline.platform.intel.IntelUpdater;
import dev.sightline.platform.intel.Sleeper;
import dev.sightline.platform.lifecycle.FindingDecisions;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.removal.ConnectorRemoval;
import dev.sightline.platform.rescoring.AssetScores;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.SeverityDefaults;
import dev.sightline.platform.retention.StaleAssets;
import dev.sightline.platform.scheduling.ClusterScheduler;
import dev.sightline.platform.scheduling.SchedulerSettings;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import dev.sightline.platform.sync.RunLease;
import dev.sightline.platform.sync.SyncService;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.server.boot.ClusterTimings;
import dev.sightline.server.boot.DatabaseBootstrap;
import dev.sightline.server.boot.MasterKeyCheck;
import dev.sightline.server.boot.NodeNames;
import dev.sightline.server.boot.SchemaMigrations;
import dev.sightline.server.boot.ServerSettings;
import dev.sightline.server.scoring.BackgroundRescoring;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free platform into the server. */
@Configuration(proxyBeanMethods = false)
class SightlineConfiguration {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SightlineConfiguration.class);

  /** In the server's zone: a schedule without a timezone runs in it. */
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }

  @Bean(destroyMethod = "close")
  DatabaseBootstrap database(ServerSettings settings) {
    DatabaseBootstrap db = DatabaseBootstrap.open(settings);
    try {
      // A newer schema is refused and a failed upgrade rolled back, each in one line.
      SchemaMigrations.apply(db.dataSource());
      return db;
    } catch (RuntimeException e) {
      db.close(); // Spring destroys only the beans it made: stop the embedded PostgreSQL here
      throw e;
    }
  }

  @Bean
  DataSource dataSource(DatabaseBootstrap database) {
    return database.dataSource();
  }

  @Bean
  Jdbc jdbc(DataSource dataSource) {
    return new Jdbc(dataSource);
  }

  /** SIGHTLINE_ALLOWED_TARGETS: checked on save, at run start and on every outbound call. */
  @Bean
  TargetPolicy targetPolicy(ServerSettings settings) {
    return TargetPolicy.fromList(settings.allowedTargets());
  }

  @Bean
  ConnectorService connectorService(
      Jdbc jdbc, ServerSettings settings, Clock clock, TargetPolicy targets) {
    // Refuses to start with a key that does not open the secrets already stored.
    SecretCipher cipher = new SecretCipher(MasterKeyCheck.resolve(settings, jdbc));
    return new ConnectorService(
        ConnectorCatalog.discover(), new ConnectorRepository(jdbc), cipher, targets, clock);
  }

  /**
   * SIGHTLINE_PROXY_URL / HTTPS_PROXY / HTTP_PROXY and SIGHTLINE_NO_PROXY / NO_PROXY, read once at
   * start: every outbound call (vendors, their connection tests, intelligence feeds, the single
   * sign-on provider) goes through it. Logged once, its password masked, so an operator can check
   * what the server understood.
   */
  @Bean
  OutboundProxy outboundProxy() {
    OutboundProxy proxy;
    try {
      proxy = OutboundProxy.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      // The message names the setting and shows its value with the password masked.
      throw new dev.sightline.server.boot.StartupException(
          "The outbound proxy cannot be used: " + e.getMessage(),
          "correct the setting, or unset it for direct connections",
          null);
    }
    LOG.info("Outbound proxy: {}", proxy);
    return proxy;
  }

  @Bean
  PlatformConnectorContext connectorContext(
      ServerSettings settings,
      Clock clock,
      CallObserver vendorCalls,
      TargetPolicy targets,
      OutboundProxy proxy) {
    SSLContext tls = settings.outboundTls();
    return new PlatformConnectorContext(
        clock, tls, vendorCalls, java.util.Optional.of(targets), proxy);
  }

  /** Lease and check-in: read from the environment, defaults unless set. */
  @Bean
  ClusterTimings clusterTimings() {
    return ClusterTimings.fromEnvironment(System.getenv());
  }

  @Bean
  SyncService syncService(
      ConnectorService connectors,
      Jdbc jdbc,
      ServerSettings settings,
      PlatformConnectorContext context,
      Clock clock,
      ClusterTimings timings) {
    return new SyncService(
        connectors,
        jdbc,
        context,
        clock,
        settings.pageSize(),
        new RunLease(NodeNames.generate(), timings.lease()));
  }

  @Bean(destroyMethod = "close")
  ClusterScheduler clusterScheduler(
      DataSource dataSource,
      SyncService sync,
      ConnectorService connectors,
      Clock clock,
      ServerSettings settings,
      ClusterTimings timings) {
    return new ClusterScheduler(
        dataSource,
        sync,
        connectors,
        clock,
        new SchedulerSettings(settings.workers(), timings.checkin()));
  }

  @Bean
  TransformMaps transformMaps(ConnectorService connectors, Jdbc jdbc, Clock clock) {
    return new TransformMaps(connectors, jdbc, clock);
  }

  @Bean
  ConnectionTester connectionTester(ConnectorService connectors, PlatformConnectorContext context) {
    return new ConnectionTester(connectors, context);
  }

  @Bean
  ConnectorRegistration connectorRegistration(
      ConnectorService connectors, ConnectionTester tester, Jdbc jdbc, Clock clock) {
    return new ConnectorRegistration(connectors, tester, new ConnectionTests(jdbc, clock));
  }

  @Bean
  ConnectorEditor connectorEditor(ConnectorService connectors, ConnectorRegistration registration) {
    return new ConnectorEditor(connectors, registration);
  }

  @Bean
  ConnectorRemoval connectorRemoval(Jdbc jdbc, ConnectorService connectors, Clock clock) {
    return new ConnectorRemoval(jdbc, connectors, clock);
  }

  @Bean
  AssetLinks assetLinks(Jdbc jdbc, Clock clock, ScoreRefresher refresher) {
    return new AssetLinks(jdbc, clock, refresher);
  }

  @Bean
  FindingDecisions findingDecisions(Jdbc jdbc, Clock clock, ScoreRefresher refresher) {
    return new FindingDecisions(jdbc, clock, refresher);
  }

  @Bean
  IntelImporter intelImporter(DataSource dataSource, Clock clock) {
    return new IntelImporter(dataSource, clock);
  }

  /** Fetches the public intelligence feeds; a scheduled job or `intel update` calls update(). */
  @Bean
  IntelUpdater intelUpdater(
      DataSource dataSource,
      ServerSettings settings,
      Clock clock,
      TargetPolicy targets,
      OutboundProxy proxy) {
    return new IntelUpdater(
        dataSource,
        settings.intelFeeds(),
        settings.outboundTls(),
        proxy,
        targets,
        clock,
        Sleeper.THREAD);
  }

  @Bean
  IntelLookup intelLookup(DataSource dataSource) {
    return new IntelLookup(dataSource);
  }

  @Bean
  ScoringSettings scoringSettings(Jdbc jdbc, Clock clock, ConnectorService connectors) {
    return new ScoringSettings(jdbc, clock, new SeverityDefaults(connectors.catalog()));
  }

  @Bean
  ScoreRefresher scoreRefresher(Jdbc jdbc, ScoringSettings settings, Clock clock) {
    return new ScoreRefresher(jdbc, settings, clock);
  }

  @Bean
  AssetScores assetScores(Jdbc jdbc, ScoringSettings settings, Clock clock) {
    return new AssetScores(jdbc, settings, clock);
  }

  @Bean
  BackgroundRescoring backgroundRescoring(
      ScoreRefresher refresher, Jdbc jdbc, ClusterScheduler scheduler) {
    return new BackgroundRescoring(refresher, jdbc, scheduler);
  }

  @Bean
  StaleAssets staleAssets(Jdbc jdbc) {
    return new StaleAssets(jdbc);
  }

  @Bean
  InventoryQueries inventoryQueries(Jdbc jdbc) {
    return new InventoryQueries(jdbc);
  }
}
