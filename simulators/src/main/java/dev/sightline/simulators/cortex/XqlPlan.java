package dev.sightline.simulators.cortex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A checked, runnable XQL query. Compiling resolves every field against the dataset schemas (an
 * unknown field or a type mismatch is refused like a parse error); running streams the dataset's
 * rows through one operator per stage, so only the joined side of a {@code join} and a {@code sort}
 * the rows do not already satisfy ({@link XqlOrdering}) hold rows. A plan is immutable and runs any
 * number of times, each run against a snapshot.
 */
final class XqlPlan {
  /** Receives the result rows in order; returns false to stop early. */
  @FunctionalInterface
  interface RowSink {
    boolean accept(Object[] row);
  }

  /**
   * One stage at run time: takes a row, passes rows on, returns false once nothing more is wanted.
   */
  abstract static class Op {
    Op next;

    abstract boolean push(Object[] row);

    void finish() {
      next.finish();
    }
  }

  @FunctionalInterface
  private interface OpFactory {
    Op create(VaSnapshot snapshot);
  }

  private final String dataset;
  private final List<OpFactory> stages;
  private final XqlSchema schema;
  private final Set<String> datasets;

  private XqlPlan(String dataset, List<OpFactory> stages, XqlSchema schema, Set<String> datasets) {
    this.dataset = dataset;
    this.stages = List.copyOf(stages);
    this.schema = schema;
    this.datasets = Set.copyOf(datasets);
  }

  static XqlPlan compile(XqlQuery query) {
    XqlSchema schema = VaRows.schema(query.dataset());
    XqlOrdering order = XqlOrdering.natural(query.dataset());
    Set<String> datasets = new LinkedHashSet<>(List.of(query.dataset()));
    List<OpFactory> stages = new ArrayList<>();
    for (XqlQuery.Stage stage : query.stages()) {
      XqlSchema in = schema;
      if (stage instanceof XqlQuery.Filter f) {
        Predicate<Object[]> predicate = XqlConditions.compile(f, in);
        stages.add(
            s ->
                new Op() {
                  boolean push(Object[] row) {
                    return !predicate.test(row) || next.push(row);
                  }
                });
      } else if (stage instanceof XqlQuery.Fields f) {
        schema = fields(f, in, stages);
        order = order.project(f.columns());
      } else if (stage instanceof XqlQuery.ArrayExpand a) {
        schema = arrayExpand(a, in, stages);
        order = order.expand(a.field());
      } else if (stage instanceof XqlQuery.Join j) {
        XqlPlan inner = compile(j.inner());
        datasets.addAll(inner.datasets);
        schema = join(j, in, inner, stages);
        order = joinedOrder(j, in, inner.schema, order);
      } else if (stage instanceof XqlQuery.Sort sort) {
        boolean satisfied = order.satisfies(sort.keys());
        stages.add(sortStage(sort, in, satisfied));
        order = satisfied ? order : XqlOrdering.sortedBy(sort.keys());
      } else if (stage instanceof XqlQuery.Limit l) {
        stages.add(s -> limitOp(l.count()));
      } else if (stage instanceof XqlQuery.Count c) {
        schema = XqlSchema.builder().add(c.alias(), XqlSchema.Type.NUMBER).build();
        order = XqlOrdering.NONE;
        stages.add(s -> countOp());
      }
    }
    return new XqlPlan(query.dataset(), stages, schema, datasets);
  }

  XqlSchema schema() {
    return schema;
  }

  /** Every dataset the query reads, joined ones included. */
  Set<String> datasets() {
    return datasets;
  }

  /** Runs the query on {@code snapshot}, handing result rows to {@code sink} in order. */
  void run(VaSnapshot snapshot, RowSink sink) {
    Op tail =
        new Op() {
          boolean push(Object[] row) {
            return sink.accept(row);
          }

          @Override
          void finish() {}
        };
    Op head = tail;
    for (int i = stages.size() - 1; i >= 0; i--) {
      Op op = stages.get(i).create(snapshot);
      op.next = head;
      head = op;
    }
    VaRows.scan(dataset, snapshot, head);
    head.finish();
  }

  private static XqlSchema fields(XqlQuery.Fields f, XqlSchema in, List<OpFactory> stages) {
    XqlSchema.Builder out = XqlSchema.builder();
    int[] picks = new int[f.columns().size()];
    for (int i = 0; i < picks.length; i++) {
      XqlQuery.Column c = f.columns().get(i);
      picks[i] = in.require(c.field(), "fields");
      out.add(c.name(), in.type(picks[i]));
    }
    stages.add(
        s ->
            new Op() {
              boolean push(Object[] row) {
                Object[] projected = new Object[picks.length];
                for (int i = 0; i < picks.length; i++) {
                  projected[i] = row[picks[i]];
                }
                return next.push(projected);
              }
            });
    return out.build();
  }

  private static XqlSchema arrayExpand(
      XqlQuery.ArrayExpand a, XqlSchema in, List<OpFactory> stages) {
    int column = in.require(a.field(), "arrayexpand");
    if (in.type(column) != XqlSchema.Type.ARRAY) {
      throw new XqlException(
          "arrayexpand needs an array field; '" + a.field() + "' is " + in.type(column));
    }
    XqlSchema.Builder out = XqlSchema.builder();
    for (int i = 0; i < in.size(); i++) {
      out.add(in.names().get(i), i == column ? XqlSchema.Type.STRING : in.type(i));
    }
    stages.add(
        s ->
            new Op() {
              boolean push(Object[] row) {
                List<?> values = (List<?>) row[column];
                if (values == null) {
                  return true;
                }
                for (Object value : values) {
                  Object[] copy = row.clone();
                  copy[column] = value;
                  if (!next.push(copy)) {
                    return false;
                  }
                }
                return true;
              }
            });
    return out.build();
  }

  private static XqlSchema join(
      XqlQuery.Join j, XqlSchema in, XqlPlan inner, List<OpFactory> stages) {
    int outerKey = in.require(j.outerField(), "the join condition");
    int innerKey = inner.schema.require(j.innerField(), "the joined query");
    if (in.type(outerKey) == XqlSchema.Type.ARRAY
        || inner.schema.type(innerKey) != in.type(outerKey)) {
      throw new XqlException(
          "the join compares "
              + j.alias()
              + "."
              + j.innerField()
              + " ("
              + inner.schema.type(innerKey)
              + ") with "
              + j.outerField()
              + " ("
              + in.type(outerKey)
              + "); both must be strings or both numbers; arrayexpand an array first");
    }
    XqlSchema.Builder out = XqlSchema.builder();
    for (int i = 0; i < in.size(); i++) {
      out.add(in.names().get(i), in.type(i));
    }
    int[] target = new int[inner.schema.size()];
    int width = in.size();
    for (int i = 0; i < target.length; i++) {
      int existing = in.index(inner.schema.names().get(i));
      if (existing >= 0) {
        target[i] = j.keepLeftOnConflict() ? -1 : existing;
      } else {
        target[i] = width++;
        out.add(inner.schema.names().get(i), inner.schema.type(i));
      }
    }
    int outWidth = width;
    stages.add(
        snapshot -> {
          Map<Object, List<Object[]>> byKey = new HashMap<>();
          inner.run(
              snapshot,
              row -> {
                if (row[innerKey] != null) {
                  byKey
                      .computeIfAbsent(XqlConditions.key(row[innerKey]), k -> new ArrayList<>(1))
                      .add(row);
                }
                return true;
              });
          return new Op() {
            boolean push(Object[] row) {
              List<Object[]> matches =
                  row[outerKey] == null ? null : byKey.get(XqlConditions.key(row[outerKey]));
              if (matches == null) {
                return !j.leftOuter() || next.push(Arrays.copyOf(row, outWidth));
              }
              for (Object[] match : matches) {
                Object[] merged = Arrays.copyOf(row, outWidth);
                for (int i = 0; i < target.length; i++) {
                  if (target[i] >= 0) {
                    merged[target[i]] = match[i];
                  }
                }
                if (!next.push(merged)) {
                  return false;
                }
              }
              return true;
            }
          };
        });
    return out.build();
  }

  private static XqlOrdering joinedOrder(
      XqlQuery.Join j, XqlSchema outer, XqlSchema inner, XqlOrdering order) {
    Set<String> overwritten = new HashSet<>();
    for (String name : inner.names()) {
      if (outer.index(name) >= 0 && !j.keepLeftOnConflict()) {
        overwritten.add(name);
      }
    }
    String added = outer.index(j.innerField()) < 0 ? j.innerField() : null;
    return order.join(overwritten, !j.leftOuter(), j.outerField(), added);
  }

  private static OpFactory sortStage(XqlQuery.Sort sort, XqlSchema in, boolean alreadySorted) {
    Comparator<Object[]> order = null;
    for (XqlQuery.SortKey key : sort.keys()) {
      int column = in.require(key.field(), "sort");
      if (in.type(column) == XqlSchema.Type.ARRAY) {
        throw new XqlException("cannot sort by the array field '" + key.field() + "'");
      }
      Comparator<Object[]> one =
          (a, b) -> XqlConditions.compareNullsLast(a[column], b[column], key.ascending());
      order = order == null ? one : order.thenComparing(one);
    }
    Comparator<Object[]> comparator = Objects.requireNonNull(order);
    if (alreadySorted) {
      // Rows arrive in this order already (see XqlOrdering): a stable sort would not move any.
      return s ->
          new Op() {
            boolean push(Object[] row) {
              return next.push(row);
            }
          };
    }
    return s ->
        new Op() {
          private final List<Object[]> rows = new ArrayList<>();

          boolean push(Object[] row) {
            rows.add(row);
            return true;
          }

          @Override
          void finish() {
            rows.sort(comparator); // stable: ties keep the dataset's order
            for (Object[] row : rows) {
              if (!next.push(row)) {
                break;
              }
            }
            rows.clear();
            next.finish();
          }
        };
  }

  private static Op limitOp(long limit) {
    return new Op() {
      private long passed;

      boolean push(Object[] row) {
        if (passed >= limit) {
          return false;
        }
        passed++;
        return next.push(row) && passed < limit;
      }
    };
  }

  private static Op countOp() {
    return new Op() {
      private long rows;

      boolean push(Object[] row) {
        rows++;
        return true;
      }

      @Override
      void finish() {
        next.push(new Object[] {rows});
        next.finish();
      }
    };
  }
}
