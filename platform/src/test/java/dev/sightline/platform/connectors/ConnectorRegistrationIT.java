package dev.sightline.platform.connectors;

import static dev.sightline.platform.connectors.ConnectorStack.crowdstrike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.CheckResult;
import dev.sightline.connector.CheckResult.Check;
import dev.sightline.connector.CheckResult.Status;
import dev.sightline.connector.testkit.MutableClock;
import dev.sightline.platform.connectors.ConnectorRegistration.Admission;
import dev.sightline.platform.connectors.ConnectorRegistration.DraftTest;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connector is created only once its connection test passes: create runs the checks, or accepts a
 * passing test of the same settings from any node within 15 minutes, once; a draft needs none.
 */
@ExtendWith(PostgresExtension.class)
class ConnectorRegistrationIT {
  private static final String TOKEN_PATH = "/oauth2/token";

  private final Jdbc jdbc;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-13T11:07:00Z"));
  private CrowdStrikeSimulator sim;
  private ConnectorStack node;

  ConnectorRegistrationIT(DataSource ds) {
    jdbc = new Jdbc(ds);
  }

  @BeforeEach
  void start() {
    jdbc.update("TRUNCATE connector, connection_test CASCADE");
    sim = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions.defaults(20));
    node = new ConnectorStack(jdbc, clock, sim.caCertificatePem());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private NewConnector settings(String name, String secret) {
    return crowdstrike(name, sim.baseUrl().toString(), secret);
  }

  private long connectors() {
    return jdbc.queryOne("SELECT count(*) FROM connector", rs -> rs.getLong(1)).orElseThrow();
  }

  private int tokenCalls() {
    return sim.requests().entries(TOKEN_PATH).size();
  }

  @Test
  void shouldCreateAConnectorWhoseChecksPassWhenCreated() throws Exception {
    ConnectorView created =
        node.registration.create(settings("Falcon", "sim-secret"), Admission.tested());

    assertThat(created.draft()).isFalse();
    assertThat(created.state()).isEqualTo("REGISTERED");
    assertThat(tokenCalls()).as("the checks ran").isPositive();
  }

  @Test
  void shouldRefuseAConnectorWhoseTestFailsAndStoreNothing() {
    assertThatThrownBy(
            () -> node.registration.create(settings("Falcon", "wrong-5e1a"), Admission.tested()))
        .isInstanceOfSatisfying(
            ConnectionTestFailedException.class,
            e -> {
              assertThat(e.checks())
                  .extracting(CheckResult::check, CheckResult::status)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(
                          Check.NETWORK_REACHABILITY, Status.PASSED),
                      org.assertj.core.groups.Tuple.tuple(Check.TLS_HANDSHAKE, Status.PASSED),
                      org.assertj.core.groups.Tuple.tuple(Check.AUTHENTICATION, Status.FAILED),
                      org.assertj.core.groups.Tuple.tuple(
                          Check.AUTHORIZATION_SCOPE, Status.SKIPPED),
                      org.assertj.core.groups.Tuple.tuple(Check.DATA_FETCH, Status.SKIPPED));
              assertThat(e.checks().get(2).message()).contains("refused the client credentials");
              assertThat(e.checks().get(2).fix()).contains("Client Secret");
              assertThat(e.getMessage())
                  .contains("AUTHENTICATION")
                  .contains("the connector was not created")
                  .doesNotContain("wrong-5e1a");
            });
    assertThat(connectors()).isZero();
  }

  @Test
  void shouldSaveADraftWithoutTestingIt() throws Exception {
    ConnectorView draft =
        node.registration.create(
            settings("Falcon draft", "wrong-5e1a"), new Admission(true, Optional.empty()));

    assertThat(draft.draft()).isTrue();
    assertThat(draft.state()).isEqualTo("REGISTERED");
    assertThat(tokenCalls()).as("no check ran").isZero();
    assertThat(node.service.get(draft.id()).draft()).isTrue();
  }

  @Test
  void shouldAcceptAPassingTestOfTheSameSettingsInsteadOfTestingAgain() throws Exception {
    DraftTest test = node.registration.testDraft(settings("Falcon", "sim-secret"));
    assertThat(test.passed()).isTrue();
    assertThat(test.connectionTestId()).isPresent();
    int callsAfterTest = tokenCalls();

    ConnectorView created =
        node.registration.create(
            settings("Falcon", "sim-secret"), new Admission(false, test.connectionTestId()));

    assertThat(created.draft()).isFalse();
    assertThat(tokenCalls()).as("not tested again").isEqualTo(callsAfterTest);
  }

  @Test
  void shouldGiveNoTestIdForAFailingTest() throws Exception {
    DraftTest test = node.registration.testDraft(settings("Falcon", "wrong-5e1a"));
    assertThat(test.passed()).isFalse();
    assertThat(test.connectionTestId()).isEmpty();
  }

  @Test
  void shouldAcceptATestOnlyOnce() throws Exception {
    Optional<UUID> id =
        node.registration.testDraft(settings("Falcon", "sim-secret")).connectionTestId();
    node.registration.create(settings("Falcon", "sim-secret"), new Admission(false, id));

    assertThatThrownBy(
            () ->
                node.registration.create(
                    settings("Falcon 2", "sim-secret"), new Admission(false, id)))
        .isInstanceOf(ConnectionTestFailedException.class)
        .hasMessageContaining("no passing connection test has id " + id.orElseThrow());
    assertThat(connectors()).isEqualTo(1);
  }

  @Test
  void shouldRefuseATestOfOtherSettingsAndKeepItForItsOwn() throws Exception {
    Optional<UUID> id =
        node.registration.testDraft(settings("Falcon", "sim-secret")).connectionTestId();

    assertThatThrownBy(
            () ->
                node.registration.create(
                    settings("Falcon", "another-secret"), new Admission(false, id)))
        .isInstanceOf(ConnectionTestFailedException.class)
        .hasMessageContaining("tested other settings");
    assertThat(connectors()).isZero();

    assertThat(
            node.registration
                .create(settings("Falcon", "sim-secret"), new Admission(false, id))
                .draft())
        .isFalse();
  }

  @Test
  void shouldNotTakeATestThatWentAroundTheProxyForOneThatGoesThroughIt() throws Exception {
    NewConnector through = settings("Falcon", "sim-secret");
    NewConnector direct =
        new NewConnector(
            through.type(),
            through.name(),
            through.description(),
            through.auth(),
            through.dataToSync(),
            through.filters(),
            through.schedule(),
            through.scope(),
            false);
    Optional<UUID> id = node.registration.testDraft(direct).connectionTestId();

    assertThatThrownBy(() -> node.registration.create(through, new Admission(false, id)))
        .isInstanceOf(ConnectionTestFailedException.class)
        .hasMessageContaining("the use of the proxy");
    assertThat(node.registration.create(direct, new Admission(false, id)).useProxy()).isFalse();
  }

  @Test
  void shouldRefuseATestThatPassedFifteenMinutesAgo() throws Exception {
    Optional<UUID> stale =
        node.registration.testDraft(settings("Falcon", "sim-secret")).connectionTestId();
    clock.advance(Duration.ofMinutes(1));
    Optional<UUID> fresh =
        node.registration.testDraft(settings("Falcon", "sim-secret")).connectionTestId();
    clock.advance(Duration.ofMinutes(14));

    assertThatThrownBy(
            () ->
                node.registration.create(
                    settings("Falcon", "sim-secret"), new Admission(false, stale)))
        .isInstanceOf(ConnectionTestFailedException.class)
        .hasMessageContaining("passed more than 15 minutes ago");
    assertThat(
            node.registration
                .create(settings("Falcon", "sim-secret"), new Admission(false, fresh))
                .draft())
        .as("14 minutes after it passed")
        .isFalse();
  }

  @Test
  void shouldAcceptATestThatAnotherNodeRan() throws Exception {
    ConnectorStack otherNode = new ConnectorStack(jdbc, clock, sim.caCertificatePem());
    Optional<UUID> id =
        otherNode.registration.testDraft(settings("Falcon", "sim-secret")).connectionTestId();
    int callsAfterTest = tokenCalls();

    node.registration.create(settings("Falcon", "sim-secret"), new Admission(false, id));

    assertThat(tokenCalls()).isEqualTo(callsAfterTest);
  }

  @Test
  void shouldKeepAFingerprintOfTheTestedSettingsNeverTheSecret() throws Exception {
    node.registration.testDraft(settings("Falcon", "sim-secret"));

    String stored =
        jdbc.queryOne(
                "SELECT string_agg(t::text, ',') FROM connection_test t", rs -> rs.getString(1))
            .orElseThrow();
    assertThat(stored).doesNotContain("sim-secret").doesNotContain("sim-client");
  }
}
