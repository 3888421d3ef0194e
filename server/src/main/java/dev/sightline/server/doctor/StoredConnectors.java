package dev.sightline.server.doctor;

import dev.sightline.connector.CallObserver;
import dev.sightline.connector.ConfigField;
import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.platform.connectors.ConnectionTester;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.connectors.ConnectorRepository;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.StoredConnector;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.net.TrustMaterial;
import dev.sightline.platform.secrets.MasterKeys;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The connectors stored in the database, opened as the server opens them: their secrets unsealed
 * with the master key, their calls under the same outbound target policy and CA trust. Loaded once
 * and shared by the clock and connector checks.
 */
final class StoredConnectors {
  private final Map<String, String> env;
  private final DoctorDatabase database;
  private Loaded loaded;

  /** What loading found: the connectors and how to test them, or why they cannot be reached. */
  record Loaded(
      List<StoredConnector> connectors,
      Optional<ConnectorService> service,
      Optional<ConnectionTester> tester,
      SSLContext tls,
      Optional<CheckLine> problem) {}

  StoredConnectors(Map<String, String> env, DoctorDatabase database) {
    this.env = env;
    this.database = database;
  }

  Loaded load() {
    if (loaded == null) {
      loaded = read();
    }
    return loaded;
  }

  /** The vendor addresses a connector calls (each field its plug-in marks as a vendor URL). */
  List<URI> vendorUrls(StoredConnector connector) {
    ConnectorService service = load().service().orElseThrow();
    return service.descriptorOf(connector).config().fields().stream()
        .filter(ConfigField::vendorUrl)
        .map(f -> connector.settings().get(f.name()))
        .filter(Objects::nonNull)
        .filter(v -> v.contains("://")) // a region name is the connector's to resolve
        .map(v -> URI.create(v.trim()))
        .toList();
  }

  private Loaded read() {
    SSLContext tls = outboundTls();
    if (database.dataSource().isEmpty()) {
      return problem(
          tls,
          CheckLine.ok(
              "connectors",
              "not checked: " + database.where() + " is not running (run doctor beside serve)"));
    }
    Jdbc jdbc = new Jdbc(database.dataSource().get());
    List<StoredConnector> stored;
    try {
      stored = new ConnectorRepository(jdbc).all();
    } catch (RuntimeException e) {
      return problem(
          tls,
          CheckLine.failed(
              "connectors",
              "cannot read the stored connectors: " + DatabaseCheck.firstLine(e.getMessage()),
              "fix the database lines above first"));
    }
    if (stored.isEmpty()) {
      return new Loaded(stored, Optional.empty(), Optional.empty(), tls, Optional.empty());
    }
    Optional<String> key = Settings.value(env, "SIGHTLINE_MASTER_KEY");
    Path keyFile = Settings.dataDir(env).resolve("master.key");
    if (key.isEmpty() && !Files.exists(keyFile)) {
      return problem(
          tls,
          CheckLine.failed(
              "master key",
              "connectors are stored but neither SIGHTLINE_MASTER_KEY nor " + keyFile + " is there",
              "set SIGHTLINE_MASTER_KEY (or restore master.key) as the server that stored them"));
    }
    ConnectorService service;
    try {
      TargetPolicy targets =
          TargetPolicy.fromList(env.getOrDefault("SIGHTLINE_ALLOWED_TARGETS", ""));
      Clock clock = Clock.systemDefaultZone();
      service =
          new ConnectorService(
              ConnectorCatalog.discover(),
              new ConnectorRepository(jdbc),
              new SecretCipher(MasterKeys.resolve(key, Settings.dataDir(env))),
              targets,
              clock);
      ConnectionTester tester =
          new ConnectionTester(
              service,
              new PlatformConnectorContext(
                  clock, tls, CallObserver.NONE, Optional.of(targets), proxy()));
      return new Loaded(stored, Optional.of(service), Optional.of(tester), tls, Optional.empty());
    } catch (RuntimeException e) {
      return problem(
          tls,
          CheckLine.failed(
              "master key",
              "cannot open the connectors' secrets: " + DatabaseCheck.firstLine(e.getMessage()),
              "use the master key of the server that stored them"));
    }
  }

  /** The server's outbound proxy, as the connectors' tests and the clock check go through it. */
  OutboundProxy proxy() {
    return ProxyCheck.readable(env);
  }

  private static Loaded problem(SSLContext tls, CheckLine line) {
    return new Loaded(List.of(), Optional.empty(), Optional.empty(), tls, Optional.of(line));
  }

  /** The server's outbound trust; a CA file that cannot be read has its own line already. */
  private SSLContext outboundTls() {
    Optional<String> file = Settings.value(env, CaFileCheck.SETTING);
    if (file.isPresent()) {
      try {
        return TrustMaterial.jvmDefaultPlus(Files.readString(Path.of(file.get())));
      } catch (IOException | RuntimeException e) {
        // reported by CaFileCheck
      }
    }
    return TrustMaterial.jvmDefault();
  }
}
