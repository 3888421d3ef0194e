package dev.sightline.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.platform.audit.AuditEntry.Outcome;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.views.PageOf;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log on real PostgreSQL: what is recorded is found again by time, actor and action,
 * newest first and paged; secrets never reach the table; history cannot be changed.
 */
@ExtendWith(PostgresExtension.class)
class AuditLogIT {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Jdbc jdbc;

  AuditLogIT(DataSource ds) {
    this.jdbc = new Jdbc(ds);
  }

  /** A log whose clock stands at the given time; each test writes at its own times. */
  private AuditLog at(Instant when) {
    return new AuditLog(jdbc, Clock.fixed(when, ZoneOffset.UTC));
  }

  private static AuditEntry entry(String actor, String action, String target) {
    return new AuditEntry(
        actor, "10.0.0.7", action, target, Outcome.SUCCEEDED, null, "{\"n\":1}", null);
  }

  private static List<String> targets(PageOf<RecordedEntry> page) {
    return page.items().stream().map(e -> e.entry().target()).toList();
  }

  /** Writes five entries, one minute apart from {@code start}, with targets prefix-1 … prefix-5. */
  private void fiveEntries(Instant start, String prefix) {
    String[][] rows = {
      {"alice", "connector.create"},
      {"bob", "connector.edit"},
      {"alice", "finding.decision"},
      {"system", "run.start"},
      {"alice", "connector.delete"}
    };
    for (int i = 0; i < rows.length; i++) {
      at(start.plusSeconds(60L * i)).record(entry(rows[i][0], rows[i][1], prefix + "-" + (i + 1)));
    }
  }

  private static AuditQuery window(Instant start) {
    return AuditQuery.all(0, 50).between(start, start.plusSeconds(3600));
  }

  @Test
  void shouldFindWhatWasRecordedNewestFirstWithEveryField() {
    Instant start = T0;
    at(start)
        .record(
            new AuditEntry(
                "alice",
                "192.0.2.10",
                "connector.edit",
                "c-1",
                Outcome.REFUSED,
                "{\"name\":\"old\"}",
                "{\"name\":\"new\"}",
                "secret changed: clientSecret"));
    at(start.plusSeconds(1)).record(entry("bob", "run.start", "c-1"));

    PageOf<RecordedEntry> page = at(start).find(window(start));

    assertThat(page.total()).isEqualTo(2);
    assertThat(targets(page)).containsExactly("c-1", "c-1");
    RecordedEntry newest = page.items().get(0);
    RecordedEntry oldest = page.items().get(1);
    assertThat(newest.entry().action()).isEqualTo("run.start");
    assertThat(newest.id()).isGreaterThan(oldest.id());
    assertThat(oldest.at()).isEqualTo(start);
    assertThat(oldest.entry())
        .isEqualTo(
            new AuditEntry(
                "alice",
                "192.0.2.10",
                "connector.edit",
                "c-1",
                Outcome.REFUSED,
                "{\"name\": \"old\"}",
                "{\"name\": \"new\"}",
                "secret changed: clientSecret"));
  }

  @Test
  void shouldFilterByTimeFromInclusiveToExclusive() {
    Instant start = T0.plusSeconds(86_400);
    fiveEntries(start, "time");
    AuditLog log = at(start);

    var secondToFourth =
        log.find(AuditQuery.all(0, 50).between(start.plusSeconds(60), start.plusSeconds(180)));

    assertThat(targets(secondToFourth)).containsExactly("time-3", "time-2");
    assertThat(targets(log.find(AuditQuery.all(0, 50).between(start.plusSeconds(240), null))))
        .containsExactly("time-5");
    assertThat(targets(log.find(AuditQuery.all(0, 50).between(null, start.plusSeconds(1)))))
        .contains("time-1")
        .doesNotContain("time-2");
  }

  @Test
  void shouldFilterByExactActor() {
    Instant start = T0.plusSeconds(2 * 86_400);
    fiveEntries(start, "actor");

    var alice = at(start).find(window(start).withActor("alice"));
    var ali = at(start).find(window(start).withActor("ali"));

    assertThat(targets(alice)).containsExactly("actor-5", "actor-3", "actor-1");
    assertThat(ali.total()).as("the actor is matched exactly, not as a prefix").isZero();
  }

  @Test
  void shouldFilterByExactActionOrByAPrefixEndingInADot() {
    Instant start = T0.plusSeconds(3 * 86_400);
    fiveEntries(start, "action");
    AuditLog log = at(start);

    assertThat(targets(log.find(window(start).withAction("connector.edit"))))
        .containsExactly("action-2");
    assertThat(targets(log.find(window(start).withAction("connector."))))
        .containsExactly("action-5", "action-2", "action-1");
    assertThat(log.find(window(start).withAction("connector")).total())
        .as("without the dot it is an exact action, and there is no action 'connector'")
        .isZero();
    assertThat(log.find(window(start).withAction("%.")).total())
        .as("a LIKE wildcard in the prefix matches only itself")
        .isZero();
  }

  @Test
  void shouldPageWithTheTotalOfEveryMatch() {
    Instant start = T0.plusSeconds(4 * 86_400);
    fiveEntries(start, "page");
    AuditLog log = at(start);
    AuditQuery q = window(start);

    var first = log.find(new AuditQuery(q.from(), q.to(), q.actor(), q.action(), 0, 2));
    var third = log.find(new AuditQuery(q.from(), q.to(), q.actor(), q.action(), 2, 2));

    assertThat(first.total()).isEqualTo(5);
    assertThat(targets(first)).containsExactly("page-5", "page-4");
    assertThat(third.total()).isEqualTo(5);
    assertThat(targets(third)).containsExactly("page-1");
  }

  @Test
  void shouldRefuseABadPageOrAnEmptyWindow() {
    AuditLog log = at(T0);

    assertThatThrownBy(() -> log.find(AuditQuery.all(-1, 10)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("page");
    assertThatThrownBy(() -> log.find(AuditQuery.all(0, AuditLog.MAX_PAGE_SIZE + 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("size");
    assertThatThrownBy(() -> log.find(AuditQuery.all(0, 10).between(T0, T0)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("to"));
  }

  @Test
  void shouldMaskSecretsBeforeTheyReachTheTable() {
    Instant start = T0.plusSeconds(5 * 86_400);
    at(start)
        .record(
            new AuditEntry(
                "alice",
                null,
                "connector.edit",
                "masked",
                Outcome.SUCCEEDED,
                "{\"auth\":{\"clientId\":\"cid\",\"clientSecret\":\"plain-before-71\"}}",
                "{\"auth\":{\"apiKeyId\":\"7\",\"apiKey\":\"plain-after-72\"}}",
                null));

    String stored =
        jdbc.queryOne(
                "SELECT before::text || after::text FROM audit_entry WHERE target = 'masked'",
                rs -> rs.getString(1))
            .orElseThrow();

    assertThat(stored).doesNotContain("plain-before-71", "plain-after-72");
    assertThat(stored).contains("\"cid\"", "\"7\"", ConnectorView.MASK);
  }

  @Test
  void shouldRecordInTheCallersTransactionAndRollBackWithIt() {
    Instant start = T0.plusSeconds(6 * 86_400);
    AuditLog log = at(start);

    assertThatThrownBy(
            () ->
                jdbc.inTransaction(
                    c -> {
                      log.record(c, entry("alice", "user.create", "rolled-back"));
                      throw new IllegalStateException("the change failed");
                    }))
        .hasMessage("the change failed");
    jdbc.inTransaction(
        c -> {
          log.record(c, entry("alice", "user.create", "committed"));
          return null;
        });

    assertThat(targets(log.find(window(start)))).containsExactly("committed");
  }

  @Test
  void shouldRefuseToChangeOrDeleteHistory() {
    Instant start = T0.plusSeconds(7 * 86_400);
    at(start).record(entry("alice", "connector.create", "kept"));

    assertThatThrownBy(
            () -> jdbc.update("UPDATE audit_entry SET actor = 'mallory' WHERE target = 'kept'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE target = 'kept'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("TRUNCATE audit_entry"))
        .hasMessageContaining("append-only");
    // No foreign key reaches the log: removing connectors (as a purge does) leaves it whole.
    jdbc.update("TRUNCATE connector CASCADE");

    var kept = at(start).find(window(start));
    assertThat(kept.items()).hasSize(1);
    assertThat(kept.items().get(0).entry().actor()).isEqualTo("alice");
  }

  @Test
  void shouldRefuseAnActionOfAnotherShapeInTheDatabaseToo() {
    assertThatThrownBy(() -> entry("alice", "Connector Create", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO audit_entry (at, actor, action, outcome) VALUES (now(), 'a',"
                        + " 'Connector Create', 'SUCCEEDED')"))
        .hasMessageContaining("audit_entry_action_shape");
  }

  @Test
  void shouldAllowInTheDatabaseExactlyTheOutcomesJavaNames() {
    String definition =
        jdbc.queryOne(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = ?",
                rs -> rs.getString(1),
                "audit_entry_outcome_known")
            .orElseThrow();
    Set<String> allowed = new TreeSet<>();
    Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(definition);
    while (m.find()) {
      allowed.add(m.group(1));
    }
    Set<String> names = new TreeSet<>();
    for (Outcome o : Outcome.values()) {
      names.add(o.name());
    }

    assertThat(allowed).isEqualTo(names);
  }
}
