package dev.sightline.platform.connectors;

import dev.sightline.platform.db.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Passing connection tests of settings not stored yet, kept in the database so a create on any node
 * can accept one instead of testing again. A test is kept by a fingerprint of its settings, never
 * the settings, accepted for {@link #VALID_FOR} after it passed, and only once.
 */
public final class ConnectionTests {
  /** How long a passing test vouches for its settings. */
  public static final Duration VALID_FOR = Duration.ofMinutes(15);

  private final Jdbc jdbc;
  private final Clock clock;

  public ConnectionTests(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Why a test id was not accepted. */
  public enum Refusal {
    UNKNOWN,
    EXPIRED,
    OTHER_SETTINGS
  }

  /** Records a passing test and returns its id; tests past their time are dropped on the way. */
  UUID recordPass(String fingerprint) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    jdbc.inTransaction(
        c -> {
          Jdbc.update(c, "DELETE FROM connection_test WHERE passed_at < ?", now.minus(VALID_FOR));
          return Jdbc.update(
              c,
              "INSERT INTO connection_test (id, fingerprint, passed_at) VALUES (?, ?, ?)",
              id,
              fingerprint,
              now);
        });
    return id;
  }

  /**
   * Takes the test {@code id} for settings with {@code fingerprint}: empty when accepted (it is
   * then used up), else why not. A test for other settings stays, for the settings it tested.
   */
  Optional<Refusal> take(UUID id, String fingerprint) {
    Instant now = clock.instant();
    return jdbc.inTransaction(
        c -> {
          Optional<Test> test =
              Jdbc.query(
                      c,
                      "SELECT fingerprint, passed_at FROM connection_test WHERE id = ? FOR UPDATE",
                      rs ->
                          new Test(
                              rs.getString("fingerprint"),
                              rs.getTimestamp("passed_at").toInstant()),
                      id)
                  .stream()
                  .findFirst();
          if (test.isEmpty()) {
            return Optional.of(Refusal.UNKNOWN);
          }
          if (!test.get().passedAt().plus(VALID_FOR).isAfter(now)) {
            return Optional.of(Refusal.EXPIRED);
          }
          if (!test.get().fingerprint().equals(fingerprint)) {
            return Optional.of(Refusal.OTHER_SETTINGS);
          }
          Jdbc.update(c, "DELETE FROM connection_test WHERE id = ?", id);
          return Optional.<Refusal>empty();
        });
  }

  private record Test(String fingerprint, Instant passedAt) {}
}
