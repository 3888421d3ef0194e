package dev.sightline.platform.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.db.PostgresExtension;
import dev.sightline.query.Expr;
import dev.sightline.query.QueryParser;
import dev.sightline.query.QuerySyntaxException;
import dev.sightline.query.QueryText;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random queries over the whole catalogue (tokens, operators, values drawn from the data and around
 * it, AND / OR / NOT, nesting, any letter case) select on PostgreSQL exactly the rows the in-memory
 * evaluator selects over the same rows: compiled from the tree, and compiled after the tree was
 * printed as query text and read back by the parser, so parser and compiler agree end to end.
 *
 * <p>Each try has its own seed; a failure names it, and {@code -Dsightline.query.seed=<seed>} runs
 * that one try again (for both entities and both paths).
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPropertiesIT {
  static final String SEED_PROPERTY = "sightline.query.seed";
  private static final long SEEDS = 20260301L;
  private static final int TRIES = 300;
  private static final int DEPTH = 3;

  private final Jdbc jdbc;
  private final QueryCompiler compiler = new QueryCompiler(QueryIT.LABELS, QueryIT.CLOCK);
  private final RandomInventory inventory = new RandomInventory();
  private Evaluator evaluator;

  QueryPropertiesIT(DataSource ds) {
    this.jdbc = new Jdbc(ds);
  }

  @BeforeAll
  void inventory() {
    inventory.write(new Rows(jdbc), 20260301L, 60);
    evaluator = new Evaluator(Loaded.from(jdbc), QueryIT.LABELS, QueryIT.CLOCK);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(QueryEntity.class)
  void shouldSelectWhatTheEvaluatorSelectsForRandomQueryTrees(QueryEntity entity) {
    Tally tally = new Tally();
    for (long seed : seeds()) {
      Expr q = query(entity, seed);
      tally.count(agree(entity, new Try(seed, q, text(q)), q));
    }
    tally.assertTheTriesSaidSomething(entity);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(QueryEntity.class)
  void shouldSelectWhatTheEvaluatorSelectsForRandomQueriesReadFromTheirText(QueryEntity entity) {
    QueryParser parser = QueryParser.withDefaults();
    Tally tally = new Tally();
    for (long seed : seeds()) {
      Expr q = query(entity, seed);
      Try t = new Try(seed, q, text(q));
      Expr read;
      try {
        read = parser.parse(t.text());
      } catch (QuerySyntaxException e) {
        throw new AssertionError(
            t + ": the parser refused the rendered text: " + e.getMessage(), e);
      }
      tally.count(agree(entity, t, read));
    }
    tally.assertTheTriesSaidSomething(entity);
  }

  /** The seeds of the tries: drawn from one fixed seed, or the one the system property names. */
  private static long[] seeds() {
    String replay = System.getProperty(SEED_PROPERTY);
    if (replay != null && !replay.isBlank()) {
      return new long[] {Long.parseLong(replay.trim())};
    }
    Random seeds = new Random(SEEDS);
    return LongStream.generate(seeds::nextLong).limit(TRIES).toArray();
  }

  private Expr query(QueryEntity entity, long seed) {
    return new RandomTokenQueries(
            seed, entity, compiler.tokens(entity), List.copyOf(inventory.connectors))
        .expr(DEPTH);
  }

  private static String text(Expr q) {
    try {
      return QueryText.render(q);
    } catch (IllegalArgumentException e) {
      throw new AssertionError("the generator made a tree no text can give: " + q, e);
    }
  }

  /**
   * Compiles {@code compiled} (the tree itself, or the tree read back from its text) and checks
   * that PostgreSQL selects exactly what the evaluator selects for the generated tree.
   */
  private Outcome agree(QueryEntity entity, Try t, Expr compiled) {
    SqlFilter filter;
    try {
      filter = compiler.compile(entity, compiled);
    } catch (QuerySyntaxException refused) {
      // A generated wildcard may match no value of an enumeration: refused, as a user's would be.
      assertThat(refused.getMessage()).as("%s", t).contains("has no value");
      return Outcome.REFUSED;
    }
    String table = entity == QueryEntity.ASSETS ? "asset a" : "finding f";
    Set<Long> sql =
        new TreeSet<>(
            jdbc.query(
                "SELECT " + entity.alias() + ".id FROM " + table + " WHERE " + filter.whereSql(),
                rs -> rs.getLong(1),
                filter.params().toArray()));
    Set<Long> expected = evaluator.select(entity, t.query());
    assertThat(sql).as("%s", t).isEqualTo(expected);
    int all = evaluator.select(entity, new Expr.All()).size();
    return sql.isEmpty() ? Outcome.NONE : sql.size() == all ? Outcome.ALL : Outcome.SOME;
  }

  /** One try, as a failure names it: enough to run it again and to read the query. */
  private record Try(long seed, Expr query, String text) {
    @Override
    public String toString() {
      return String.format(
          "seed %d (replay with -D%s=%d), query: %s", seed, SEED_PROPERTY, seed, text);
    }
  }

  private enum Outcome {
    REFUSED,
    NONE,
    SOME,
    ALL
  }

  /**
   * How the tries came out. A property that held only because nearly every query was refused or
   * selected nothing would prove little, so the tries must mostly compile and often split the rows.
   */
  private static final class Tally {
    private final int[] counts = new int[Outcome.values().length];
    private int tries;

    void count(Outcome outcome) {
      counts[outcome.ordinal()]++;
      tries++;
    }

    void assertTheTriesSaidSomething(QueryEntity entity) {
      if (tries < TRIES) {
        return; // one replayed try
      }
      String summary =
          String.format(
              "%s: %d refused, %d selected nothing, %d some, %d all",
              entity,
              counts[Outcome.REFUSED.ordinal()],
              counts[Outcome.NONE.ordinal()],
              counts[Outcome.SOME.ordinal()],
              counts[Outcome.ALL.ordinal()]);
      assertThat(counts[Outcome.REFUSED.ordinal()]).as(summary).isLessThan(tries / 10);
      assertThat(counts[Outcome.SOME.ordinal()]).as(summary).isGreaterThan(tries / 3);
    }
  }
}
