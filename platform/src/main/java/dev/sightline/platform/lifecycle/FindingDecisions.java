package dev.sightline.platform.lifecycle;

import dev.sightline.platform.db.InventoryLock;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.rescoring.ScoreRefresher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's decision on a finding — risk accepted (until a date) or false positive — kept over
 * whatever sources say: recomputes never touch it, and an accepted risk stops counting only until
 * its date. Clearing the decision returns the finding to what its sources say.
 */
public final class FindingDecisions {
  private static final int NOTE_MAX = 1000;

  private final Jdbc jdbc;
  private final Clock clock;

  private final ScoreRefresher refresher;

  public FindingDecisions(Jdbc jdbc, Clock clock, ScoreRefresher refresher) {
    this.refresher = refresher;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public enum Decision {
    RISK_ACCEPTED,
    FALSE_POSITIVE
  }

  /**
   * Records (or with an empty decision, clears) the decision on a finding and queues its asset for
   * rescoring.
   *
   * @return the finding's asset
   */
  public long decide(
      long findingId, Optional<String> decision, Optional<Instant> until, Optional<String> note) {
    Optional<Decision> parsed = decision.filter(d -> !d.isBlank()).map(FindingDecisions::parse);
    if (parsed.isEmpty() && until.isPresent()) {
      throw new InvalidRequestException("until", "an expiry needs a decision: send \"decision\"");
    }
    if (until.isPresent() && !until.get().isAfter(clock.instant())) {
      throw new InvalidRequestException("until", "until must be in the future");
    }
    if (note.map(String::length).orElse(0) > NOTE_MAX) {
      throw new InvalidRequestException("note", "note is longer than " + NOTE_MAX + " characters");
    }
    Instant now = clock.instant();
    return jdbc.inTransaction(
        c -> {
          InventoryLock.hold(c);
          List<Long> asset =
              Jdbc.query(
                  c,
                  "UPDATE finding SET decision = ?, decision_until = ?,"
                      + " decision_note = ?, updated_at = ? WHERE id = ? RETURNING asset_id",
                  rs -> rs.getLong(1),
                  parsed.map(Enum::name).orElse(null),
                  until.orElse(null),
                  parsed.isPresent() ? note.orElse(null) : null,
                  now,
                  findingId);
          if (asset.isEmpty()) {
            throw new NotFoundException("No finding has id " + findingId);
          }
          RescoreQueue.enqueue(c, asset, now);
          refresher.rescoreWithin(c, asset);
          return asset.get(0);
        });
  }

  private static Decision parse(String text) {
    try {
      return Decision.valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "decision", "decision must be RISK_ACCEPTED or FALSE_POSITIVE (or null to clear it)");
    }
  }
}
