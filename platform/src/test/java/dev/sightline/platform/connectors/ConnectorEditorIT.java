package dev.sightline.platform.connectors;

import static dev.sightline.platform.connectors.ConnectorStack.crowdstrike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.CheckResult.Check;
import dev.sightline.connector.testkit.MutableClock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Edit Connector: settings change in place; a changed connection (a rotated secret, a new address)
 * is stored only after a passing test; a secret left out or masked stays; a new tenant must be
 * confirmed.
 */
@ExtendWith(PostgresExtension.class)
class ConnectorEditorIT {
  private static final String TOKEN_PATH = "/oauth2/token";

  private final Jdbc jdbc;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-13T11:07:00Z"));
  private CrowdStrikeSimulator sim;
  private CrowdStrikeSimulator otherTenant;
  private ConnectorStack node;

  ConnectorEditorIT(DataSource ds) {
    jdbc = new Jdbc(ds);
  }

  @BeforeEach
  void start() {
    jdbc.update("TRUNCATE connector, connection_test CASCADE");
    sim = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(20));
    otherTenant =
        CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(20).withOffset(100));
    node =
        new ConnectorStack(
            jdbc, clock, sim.caCertificatePem() + "\n" + otherTenant.caCertificatePem());
  }

  @AfterEach
  void stop() {
    sim.close();
    otherTenant.close();
  }

  /** Stored as the demo stores one, vouched for without a test. */
  private UUID stored(String secret) {
    return node.service.register(crowdstrike("Falcon", sim.baseUrl().toString(), secret)).id();
  }

  private static ConnectorEdit auth(Map<String, String> auth) {
    return new ConnectorEdit(
        null, null, auth, null, null, Optional.empty(), Optional.empty(), false);
  }

  private String secretOf(UUID id) {
    return node.service.configOf(node.service.stored(id)).require("clientSecret");
  }

  private byte[] sealed(UUID id) {
    return jdbc.queryOne("SELECT secrets FROM connector WHERE id = ?", rs -> rs.getBytes(1), id)
        .orElseThrow();
  }

  private int tokenCalls() {
    return sim.requests().entries(TOKEN_PATH).size();
  }

  @Test
  void shouldChangeSettingsBesideTheConnectionWithoutATest() throws Exception {
    UUID id = stored("sim-secret");
    clock.advance(Duration.ofMinutes(5));

    ConnectorView edited =
        node.editor.edit(
            id,
            new ConnectorEdit(
                "Falcon EU",
                "servers only",
                null,
                "Assets",
                Map.of("productTypes", List.of("Server")),
                Optional.empty(),
                Optional.empty(),
                false));

    assertThat(edited.name()).isEqualTo("Falcon EU");
    assertThat(edited.description()).isEqualTo("servers only");
    assertThat(edited.dataToSync()).isEqualTo("Assets");
    assertThat(edited.filters()).containsEntry("productTypes", List.of("Server"));
    assertThat(edited.updatedAt()).isEqualTo(clock.instant());
    assertThat(tokenCalls()).as("no test").isZero();
    assertThat(secretOf(id)).isEqualTo("sim-secret");
  }

  @Test
  void shouldKeepTheStoredSecretWhenItIsLeftOutOrMasked() throws Exception {
    UUID id = stored("sim-secret");

    node.editor.edit(id, auth(Map.of("clientSecret", ConnectorView.MASK)));
    node.editor.edit(id, auth(Map.of("clientId", "sim-client")));

    assertThat(secretOf(id)).isEqualTo("sim-secret");
    assertThat(tokenCalls()).as("nothing changed, nothing to test").isZero();
  }

  @Test
  void shouldStoreARotatedSecretOnlyAfterItsTestPassesSealedAnew() throws Exception {
    UUID id = stored("old-secret-retired");
    byte[] before = sealed(id);

    assertThatThrownBy(() -> node.editor.edit(id, auth(Map.of("clientSecret", "typo-secret"))))
        .isInstanceOfSatisfying(
            ConnectionTestFailedException.class,
            e -> {
              assertThat(e.checks().get(2).check()).isEqualTo(Check.AUTHENTICATION);
              assertThat(e.getMessage()).contains("nothing was changed").doesNotContain("typo");
            });
    assertThat(secretOf(id)).isEqualTo("old-secret-retired");
    assertThat(sealed(id)).isEqualTo(before);

    node.editor.edit(id, auth(Map.of("clientSecret", "sim-secret")));

    assertThat(secretOf(id)).isEqualTo("sim-secret");
    assertThat(new String(sealed(id), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("sim-secret");
    assertThat(node.service.get(id).auth()).containsEntry("clientSecret", ConnectorView.MASK);
  }

  @Test
  void shouldAskToConfirmANewAddressThenTestItAndReadTheNewTenantFromScratch() throws Exception {
    UUID id = stored("sim-secret");
    jdbc.update(
        "INSERT INTO stream_checkpoint (connector_id, stream, run_id, version, state, complete,"
            + " committed_at) VALUES (?, 'hosts', ?, 1, '{}', true, now())",
        id,
        UUID.randomUUID());
    Map<String, String> moved = Map.of("url", otherTenant.baseUrl().toString());

    assertThatThrownBy(() -> node.editor.edit(id, auth(moved)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Url changes")
        .hasMessageContaining("confirmTenantChange");
    assertThat(node.service.stored(id).settings()).containsEntry("url", sim.baseUrl().toString());

    node.editor.edit(
        id,
        new ConnectorEdit(null, null, moved, null, null, Optional.empty(), Optional.empty(), true));

    assertThat(node.service.stored(id).settings())
        .containsEntry("url", otherTenant.baseUrl().toString());
    assertThat(otherTenant.requests().entries(TOKEN_PATH)).as("tested first").isNotEmpty();
    assertThat(jdbc.queryOne("SELECT count(*) FROM stream_checkpoint", rs -> rs.getLong(1)))
        .contains(0L);
  }

  @Test
  void shouldAskToConfirmAnotherTenantBehindTheSameAddress() {
    UUID id = stored("sim-secret");
    assertThatThrownBy(() -> node.editor.edit(id, auth(Map.of("memberCid", "0123456789abcdef"))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Member CID changes");
  }

  @Test
  void shouldPromoteADraftOnlyOnceItsTestPasses() throws Exception {
    UUID id =
        node.registration
            .create(
                crowdstrike("Falcon", sim.baseUrl().toString(), "not-yet-known"),
                new ConnectorRegistration.Admission(true, Optional.empty()))
            .id();
    ConnectorEdit promote =
        new ConnectorEdit(
            null, null, null, null, null, Optional.of(false), Optional.empty(), false);

    assertThatThrownBy(() -> node.editor.edit(id, promote))
        .isInstanceOf(ConnectionTestFailedException.class);
    assertThat(node.service.get(id).draft()).isTrue();

    Map<String, String> right = new HashMap<>();
    right.put("clientSecret", "sim-secret");
    ConnectorView promoted =
        node.editor.edit(
            id,
            new ConnectorEdit(
                null, null, right, null, null, Optional.of(false), Optional.empty(), false));
    assertThat(promoted.draft()).isFalse();
  }

  @Test
  void shouldStoreAnEditOfADraftUntested() throws Exception {
    UUID id =
        node.registration
            .create(
                crowdstrike("Falcon", sim.baseUrl().toString(), "not-yet-known"),
                new ConnectorRegistration.Admission(true, Optional.empty()))
            .id();

    node.editor.edit(id, auth(Map.of("clientSecret", "still-unknown")));

    assertThat(secretOf(id)).isEqualTo("still-unknown");
    assertThat(tokenCalls()).isZero();
  }

  @Test
  void shouldRefuseAnUnknownFieldAndATakenName() {
    UUID id = stored("sim-secret");
    node.service.register(crowdstrike("Falcon two", sim.baseUrl().toString(), "sim-secret"));

    assertThatThrownBy(() -> node.editor.edit(id, auth(Map.of("region", "us-1"))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems()).extracting(p -> p.field()).contains("auth.region"));
    assertThatThrownBy(
            () ->
                node.editor.edit(
                    id,
                    new ConnectorEdit(
                        "FALCON TWO",
                        null,
                        null,
                        null,
                        null,
                        Optional.empty(),
                        Optional.empty(),
                        false)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void shouldTakeTheSecretAgainWhenTheStoredOneCannotBeOpened() throws Exception {
    UUID id = stored("sim-secret");
    // Sealed under another master key, as after SIGHTLINE_MASTER_KEY changed.
    byte[] otherKey = new byte[32];
    otherKey[0] = 7;
    jdbc.update(
        "UPDATE connector SET secrets = ? WHERE id = ?",
        new dev.sightline.platform.secrets.SecretCipher(otherKey)
            .seal("{\"clientSecret\":\"sim-secret\"}", id.toString()),
        id);

    assertThatThrownBy(
            () ->
                node.editor.edit(
                    id,
                    new ConnectorEdit(
                        "renamed",
                        null,
                        null,
                        null,
                        null,
                        Optional.empty(),
                        Optional.empty(),
                        false)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems()).extracting(p -> p.field()).contains("auth.clientSecret"));

    node.editor.edit(id, auth(Map.of("clientSecret", "sim-secret")));

    assertThat(secretOf(id)).isEqualTo("sim-secret");
  }

  @Test
  void shouldChangeTheScheduleAndTheScopeKeepingWhatTheEditLeavesOut() throws Exception {
    UUID id = stored("sim-secret");
    ConnectorEdit weekly =
        new ConnectorEdit(
            null,
            null,
            null,
            null,
            null,
            Optional.empty(),
            Optional.empty(),
            false,
            new dev.sightline.platform.schedule.ScheduleInput(
                "WEEKLY", null, "Asia/Calcutta", "2026-06-01T09:30"),
            new ConnectorScope.Request("2026-01-31", null, 14, null));

    ConnectorView edited = node.editor.edit(id, weekly);

    assertThat(edited.schedule())
        .hasValueSatisfying(
            s -> {
              assertThat(s.occurs()).isEqualTo("WEEKLY");
              assertThat(s.timezone()).isEqualTo("Asia/Calcutta");
            });
    assertThat(edited.scope().fetchFrom()).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    assertThat(edited.scope().staleAfterDays()).isEqualTo(14);
    assertThat(edited.scope().sampling()).isFalse();

    ConnectorView renamed =
        node.editor.edit(
            id,
            new ConnectorEdit(
                "Falcon weekly",
                null,
                null,
                null,
                null,
                Optional.empty(),
                Optional.empty(),
                false));
    assertThat(renamed.schedule()).contains(edited.schedule().orElseThrow());
    assertThat(renamed.scope()).isEqualTo(edited.scope());

    assertThatThrownBy(
            () ->
                node.editor.edit(
                    id,
                    new ConnectorEdit(
                        null,
                        null,
                        null,
                        null,
                        null,
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        null,
                        new ConnectorScope.Request(null, null, 0, null))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems()).extracting(p -> p.field()).contains("staleAfterDays"));
  }
}
