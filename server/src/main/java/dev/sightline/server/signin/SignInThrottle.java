package dev.sightline.server.signin;

import dev.sightline.platform.db.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing: {@value #PER_USER} failed sign-ins for one user name, or {@value
 * #PER_ADDRESS} from one address, within {@link #WINDOW} block further sign-ins of that name or
 * from that address for {@link #BLOCK}, a correct password included (else the block would tell a
 * guesser when it guessed right). Counted in the database, so every node sees the same count.
 */
public final class SignInThrottle {
  static final int PER_USER = 5;
  static final int PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration BLOCK = Duration.ofMinutes(15);

  private final Jdbc jdbc;
  private final Clock clock;

  public SignInThrottle(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Until when sign-ins of this name or from this address are refused, if they are. */
  public Optional<Instant> blockedUntil(String username, String address) {
    Instant now = clock.instant();
    return jdbc
        .query(
            "SELECT blocked_until FROM sign_in_throttle WHERE key IN (?, ?) AND blocked_until > ?",
            rs -> rs.getTimestamp(1).toInstant(),
            userKey(username),
            addressKey(address),
            now)
        .stream()
        .max(Instant::compareTo);
  }

  /** Counts a failed sign-in against the name and the address. */
  public void failed(String username, String address) {
    count(userKey(username), PER_USER);
    count(addressKey(address), PER_ADDRESS);
  }

  /** A correct password clears the name's count (not the address's: one good account). */
  public void succeeded(String username) {
    jdbc.update("DELETE FROM sign_in_throttle WHERE key = ?", userKey(username));
  }

  private void count(String key, int limit) {
    Instant now = clock.instant();
    Instant windowOpen = now.minus(WINDOW);
    jdbc.inTransaction(
        c -> {
          int failures =
              Jdbc.query(
                      c,
                      "INSERT INTO sign_in_throttle (key, failures, window_started) VALUES (?, 1, ?)"
                          + " ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN"
                          + " sign_in_throttle.window_started < ? THEN 1 ELSE"
                          + " sign_in_throttle.failures + 1 END, window_started = CASE WHEN"
                          + " sign_in_throttle.window_started < ? THEN EXCLUDED.window_started"
                          + " ELSE sign_in_throttle.window_started END RETURNING failures",
                      rs -> rs.getInt(1),
                      key,
                      now,
                      windowOpen,
                      windowOpen)
                  .get(0);
          if (failures >= limit) {
            Jdbc.update(
                c,
                "UPDATE sign_in_throttle SET blocked_until = ?, failures = 0, window_started = ?"
                    + " WHERE key = ?",
                now.plus(BLOCK),
                now,
                key);
          }
          return null;
        });
  }

  private static String userKey(String username) {
    return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
