package dev.sightline.simulators.cortex;

import java.util.List;

/**
 * A parsed XQL query: a dataset and its stages, in order. Only the subset the simulator runs is
 * representable (see {@link XqlParser}).
 */
record XqlQuery(String dataset, List<Stage> stages) {
  XqlQuery {
    stages = List.copyOf(stages);
  }

  sealed interface Stage permits Filter, Fields, ArrayExpand, Join, Sort, Limit, Count {}

  /**
   * {@code filter a = "x" and b > 3 or c in ("p", "q")}: OR of ANDs, {@code and} binding tighter.
   */
  record Filter(List<List<Condition>> anyOf) implements Stage {}

  /** One comparison; values are String or Double literals (ENUM.X is the string X). */
  record Condition(String field, String operator, List<Object> values) {}

  record Fields(List<Column> columns) implements Stage {}

  /** {@code field [as alias]}. */
  record Column(String field, String alias) {
    String name() {
      return alias == null ? field : alias;
    }
  }

  record ArrayExpand(String field) implements Stage {}

  /**
   * {@code join [conflict_strategy = right|left] [type = inner|left] (<query>) as <alias>
   * <alias>.<innerField> = <outerField>}.
   */
  record Join(
      boolean leftOuter,
      boolean keepLeftOnConflict,
      XqlQuery inner,
      String alias,
      String innerField,
      String outerField)
      implements Stage {}

  record Sort(List<SortKey> keys) implements Stage {}

  record SortKey(String field, boolean ascending) {}

  record Limit(long count) implements Stage {}

  /** {@code comp count() [as alias]}: one row holding the number of rows. */
  record Count(String alias) implements Stage {}
}
