package dev.sightline.simulators.cortex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What is known, at a point of a plan, about the order rows arrive in: ascending by {@code keys}
 * (each key a set of column names that hold equal values), strictly when {@code strict} (no two
 * rows share all keys). A {@code sort} that asks for an order the rows already have passes them
 * through instead of buffering them, which keeps the documented queries streaming at any tenant
 * size.
 *
 * @param sortedArrays array columns whose elements are sorted ascending and distinct
 */
record XqlOrdering(List<Set<String>> keys, boolean strict, Set<String> sortedArrays) {
  static final XqlOrdering NONE = new XqlOrdering(List.of(), false, Set.of());

  XqlOrdering {
    keys = List.copyOf(keys);
    sortedArrays = Set.copyOf(sortedArrays);
  }

  /** The datasets' natural order: by their unique id column; {@code cves} arrays are sorted. */
  static XqlOrdering natural(String dataset) {
    return dataset.equals(VaRows.VA_CVES)
        ? new XqlOrdering(List.of(Set.of("name")), true, Set.of())
        : new XqlOrdering(List.of(Set.of("endpoint_id")), true, Set.of("cves"));
  }

  /**
   * After {@code fields}: keys follow their columns' new names; a key no column keeps ends the
   * order.
   */
  XqlOrdering project(List<XqlQuery.Column> columns) {
    List<Set<String>> out = new ArrayList<>();
    boolean complete = true;
    for (Set<String> key : keys) {
      Set<String> renamed = new HashSet<>();
      columns.stream().filter(c -> key.contains(c.field())).forEach(c -> renamed.add(c.name()));
      if (renamed.isEmpty()) {
        complete = false;
        break;
      }
      out.add(renamed);
    }
    Set<String> arrays = new HashSet<>();
    columns.stream()
        .filter(c -> sortedArrays.contains(c.field()))
        .forEach(c -> arrays.add(c.name()));
    return new XqlOrdering(out, strict && complete, arrays);
  }

  /** After {@code arrayexpand}: a strict order extends by the sorted array's elements. */
  XqlOrdering expand(String column) {
    if (strict && sortedArrays.contains(column)) {
      List<Set<String>> out = new ArrayList<>(keys);
      out.add(Set.of(column));
      return new XqlOrdering(out, true, Set.of());
    }
    return new XqlOrdering(keys, false, Set.of());
  }

  /**
   * After a {@code join}: rows keep the outer order; columns the joined query overwrote no longer
   * hold their keys; an inner join makes the joined key column equal to the outer one.
   */
  XqlOrdering join(Set<String> overwritten, boolean inner, String outerKey, String addedInnerKey) {
    List<Set<String>> out = new ArrayList<>();
    for (Set<String> key : keys) {
      Set<String> kept = new HashSet<>(key);
      kept.removeAll(overwritten);
      if (kept.isEmpty()) {
        break;
      }
      if (inner && addedInnerKey != null && kept.contains(outerKey)) {
        kept.add(addedInnerKey);
      }
      out.add(kept);
    }
    return new XqlOrdering(out, false, Set.of());
  }

  /** Whether rows already arrive sorted by these keys, so a stable sort would not move any. */
  boolean satisfies(List<XqlQuery.SortKey> sort) {
    if (sort.size() > keys.size()) {
      return false;
    }
    for (int i = 0; i < sort.size(); i++) {
      if (!sort.get(i).ascending() || !keys.get(i).contains(sort.get(i).field())) {
        return false;
      }
    }
    return true;
  }

  /** After a {@code sort}: by its ascending prefix. */
  static XqlOrdering sortedBy(List<XqlQuery.SortKey> sort) {
    List<Set<String>> out = new ArrayList<>();
    for (XqlQuery.SortKey key : sort) {
      if (!key.ascending()) {
        break;
      }
      out.add(Set.of(key.field()));
    }
    return new XqlOrdering(out, false, Set.of());
  }
}
