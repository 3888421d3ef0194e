package dev.sightline.platform.sync;

/** What a run or a page did; fetched = created + updated + unchanged + rejected. */
public record RunCounters(
    long fetched, long created, long updated, long unchanged, long rejected, long pages) {

  public static final RunCounters ZERO = new RunCounters(0, 0, 0, 0, 0, 0);

  public RunCounters plus(RunCounters o) {
    return new RunCounters(fetched + o.fetched, created + o.created, updated + o.updated,
        unchanged + o.unchanged, rejected + o.rejected, pages + o.pages);
  }
}
