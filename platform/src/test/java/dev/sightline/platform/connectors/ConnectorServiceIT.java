package dev.sightline.platform.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.secrets.SecretCipher;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ConnectorServiceIT {
  private final Jdbc jdbc;
  private final ConnectorService service;

  ConnectorServiceIT(DataSource ds) {
    jdbc = new Jdbc(ds);
    service =
        new ConnectorService(
            ConnectorCatalog.discover(),
            new ConnectorRepository(jdbc),
            new SecretCipher(new byte[32]),
            TargetPolicy.fromList("127.0.0.1"),
            Clock.systemUTC());
  }

  @BeforeEach
  void empty() {
    jdbc.update("TRUNCATE connector CASCADE");
  }

  private static NewConnector crowdstrike(String name, String url) {
    return new NewConnector(
        "crowdstrike",
        name,
        "desc",
        Map.of("url", url, "clientId", "id", "clientSecret", "top-secret-value"),
        null);
  }

  @Test
  void shouldKeepAConnectorsChoiceToGoAroundTheProxy() {
    NewConnector direct =
        new NewConnector(
            "crowdstrike",
            "direct",
            "",
            Map.of("url", "https://127.0.0.1:9", "clientId", "id", "clientSecret", "s"),
            null,
            null,
            null,
            null,
            false);
    ConnectorView created = service.register(direct);
    ConnectorView through = service.register(crowdstrike("through", "https://127.0.0.1:9"));

    assertThat(created.useProxy()).isFalse();
    assertThat(service.get(created.id()).useProxy()).isFalse();
    assertThat(service.configOf(service.stored(created.id())).useProxy()).isFalse();
    assertThat(through.useProxy()).as("the default").isTrue();
    assertThat(service.configOf(service.stored(through.id())).useProxy()).isTrue();
  }

  @Test
  void shouldStoreTheSecretSealedAndShowItMasked() {
    ConnectorView view = service.register(crowdstrike("one", "https://127.0.0.1:9"));
    assertThat(view.state()).isEqualTo("REGISTERED");
    assertThat(view.auth())
        .containsEntry("clientSecret", ConnectorView.MASK)
        .containsEntry("clientId", "id");
    String stored =
        jdbc.queryOne(
                "SELECT settings::text || encode(secrets, 'escape') FROM connector",
                rs -> rs.getString(1))
            .orElseThrow();
    assertThat(stored).doesNotContain("top-secret-value");
    assertThat(service.configOf(service.stored(view.id())).require("clientSecret"))
        .isEqualTo("top-secret-value");
  }

  @Test
  void shouldRefuseATakenNameWhateverItsCase() {
    service.register(crowdstrike("Falcon", "https://127.0.0.1:9"));
    assertThatThrownBy(() -> service.register(crowdstrike("falcon", "https://127.0.0.1:9")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("choose another name");
  }

  @Test
  void shouldReportEveryProblemAtOnce() {
    var bad =
        new NewConnector(
            "crowdstrike", " ", "x".repeat(165), Map.of("url", "https://10.0.0.8"), "Everything");
    assertThatThrownBy(() -> service.register(bad))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.problems())
                    .extracting(InvalidRequestException.Problem::field)
                    .contains(
                        "name", "description", "dataToSync", "auth.clientId", "auth.clientSecret"));
  }

  @Test
  void shouldRefuseAPrivateTargetThatIsNotAllowed() {
    assertThatThrownBy(() -> service.register(crowdstrike("p", "https://10.1.2.3")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("SIGHTLINE_ALLOWED_TARGETS");
  }

  @Test
  void shouldNameTheKnownTypesForAnUnknownOne() {
    assertThatThrownBy(() -> service.register(new NewConnector("qualys", "q", "", Map.of(), null)))
        .hasMessageContaining("crowdstrike");
  }
}
