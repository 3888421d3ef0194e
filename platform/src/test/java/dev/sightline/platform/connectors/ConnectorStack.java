package dev.sightline.platform.connectors;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.net.TrustMaterial;
import dev.sightline.platform.secrets.SecretCipher;
import dev.sightline.platform.sync.PlatformConnectorContext;
import java.time.Clock;
import java.util.Map;

/**
 * The connector services of one server node, as the server wires them, over a shared database: two
 * stacks on one database with one master key behave as two nodes.
 */
final class ConnectorStack {
  static final byte[] MASTER_KEY = new byte[32];

  final ConnectorService service;
  final ConnectionTester tester;
  final ConnectorRegistration registration;
  final ConnectorEditor editor;

  ConnectorStack(Jdbc jdbc, Clock clock, String trustedCaPem) {
    service =
        new ConnectorService(
            ConnectorCatalog.discover(),
            new ConnectorRepository(jdbc),
            new SecretCipher(MASTER_KEY),
            TargetPolicy.fromList("127.0.0.1"),
            clock);
    tester =
        new ConnectionTester(
            service,
            new PlatformConnectorContext(clock, TrustMaterial.jvmDefaultPlus(trustedCaPem)));
    registration = new ConnectorRegistration(service, tester, new ConnectionTests(jdbc, clock));
    editor = new ConnectorEditor(service, registration);
  }

  static NewConnector crowdstrike(String name, String url, String secret) {
    return new NewConnector(
        "crowdstrike",
        name,
        "",
        Map.of("url", url, "clientId", "sim-client", "clientSecret", secret),
        null);
  }
}
