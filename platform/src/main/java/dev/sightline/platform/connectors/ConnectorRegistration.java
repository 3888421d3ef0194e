package dev.sightline.platform.connectors;

import dev.sightline.connector.CheckResult;
import dev.sightline.platform.connectors.ConnectionTests.Refusal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The rule that a connector is created only when its connection test passes, in one place: create
 * runs the five checks itself, or accepts the id of a passing test of the same settings (from any
 * node, for {@link ConnectionTests#VALID_FOR}); a draft is saved without a test and is never
 * scheduled until a passing test promotes it (see {@link ConnectorEditor}).
 */
public final class ConnectorRegistration {
  private final ConnectorService connectors;
  private final ConnectionTester tester;
  private final ConnectionTests tests;

  public ConnectorRegistration(
      ConnectorService connectors, ConnectionTester tester, ConnectionTests tests) {
    this.connectors = connectors;
    this.tester = tester;
    this.tests = tests;
  }

  /**
   * How a create proves its settings.
   *
   * @param draft save without a test, as a draft
   * @param connectionTestId a passing test of the same settings to accept instead of testing again
   */
  public record Admission(boolean draft, Optional<UUID> connectionTestId) {
    public Admission {
      Objects.requireNonNull(connectionTestId, "connectionTestId");
    }

    /** Test the settings now. */
    public static Admission tested() {
      return new Admission(false, Optional.empty());
    }
  }

  /**
   * The outcome of a test of settings not stored yet.
   *
   * @param connectionTestId for a passing test, the id a create of the same settings may give
   */
  public record DraftTest(List<CheckResult> checks, Optional<UUID> connectionTestId) {
    public DraftTest {
      checks = List.copyOf(checks);
      Objects.requireNonNull(connectionTestId, "connectionTestId");
    }

    public boolean passed() {
      return checks.stream().allMatch(CheckResult::passed);
    }
  }

  /** The wizard's Test Connection: nothing stored but, when it passes, a proof for the create. */
  public DraftTest testDraft(NewConnector request) throws InterruptedException {
    List<CheckResult> checks = tester.testDraft(request);
    boolean passed = checks.stream().allMatch(CheckResult::passed);
    return new DraftTest(
        checks,
        passed
            ? Optional.of(
                tests.recordPass(
                    connectors.fingerprint(request.type(), request.auth(), request.useProxy())))
            : Optional.empty());
  }

  /**
   * Creates the connector once its settings are valid, its name free and its connection proven (or
   * it is a draft); else nothing is stored.
   *
   * @throws ConnectionTestFailedException when the test fails or the given test is not accepted
   */
  public ConnectorView create(NewConnector request, Admission admission)
      throws InterruptedException {
    StoredConnector prepared = connectors.prepare(request, admission.draft());
    if (!admission.draft()) {
      prove(
          request.type(),
          request.auth(),
          request.useProxy(),
          admission.connectionTestId(),
          "the connector was not created");
    }
    return connectors.insert(prepared);
  }

  /**
   * Proves settings by the given passing test, or by running the checks on them now.
   *
   * @param outcome what not being proven means, for the message ("the connector was not created")
   */
  void prove(String type, Map<String, String> auth, Optional<UUID> testId, String outcome)
      throws InterruptedException {
    prove(type, auth, true, testId, outcome);
  }

  /** The same, the checks run through the proxy or around it as {@code useProxy} says. */
  void prove(
      String type,
      Map<String, String> auth,
      boolean useProxy,
      Optional<UUID> testId,
      String outcome)
      throws InterruptedException {
    if (testId.isPresent()) {
      Optional<Refusal> refusal =
          tests.take(testId.get(), connectors.fingerprint(type, auth, useProxy));
      if (refusal.isPresent()) {
        String outcomeFirst = Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1);
        throw new ConnectionTestFailedException(
            outcomeFirst
                + ": "
                + explain(refusal.get(), testId.get())
                + "; run Test Connection again and send its connectionTestId, or send none and"
                + " the checks run now",
            List.of());
      }
      return;
    }
    List<CheckResult> checks = tester.testSettings(type, auth, useProxy);
    if (!checks.stream().allMatch(CheckResult::passed)) {
      throw ConnectionTestFailedException.of(checks, outcome);
    }
  }

  private static String explain(Refusal refusal, UUID id) {
    return switch (refusal) {
      case UNKNOWN -> "no passing connection test has id " + id + " (or it was used already)";
      case EXPIRED ->
          "the connection test "
              + id
              + " passed more than "
              + ConnectionTests.VALID_FOR.toMinutes()
              + " minutes ago";
      case OTHER_SETTINGS ->
          "the connection test "
              + id
              + " tested other settings (the type, the address, a credential or the use of the"
              + " proxy differ)";
    };
  }
}
