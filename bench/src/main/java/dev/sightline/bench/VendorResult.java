package dev.sightline.bench;

/**
 * The figures of one vendor run.
 *
 * @param hosts the simulated tenant's size as asked ({@code --hosts})
 * @param assets source asset records the tenant holds
 * @param findings finding records the tenant holds
 * @param floor fetching and parsing every page with a bare client
 * @param full the first sync through Sightline
 * @param fullBudget how much of the connector's request budget the full ingest used, for a vendor
 *     that limits the tenant's request rate
 * @param changes finding records changed before the delta
 * @param delta the connector's next run after the change
 * @param idle the query mix, one query at a time, nothing else running
 * @param loadSync a second sync (a fresh connector of the same tenant) run while clients query
 * @param load the query mix from {@code clients} concurrent clients during {@code loadSync}
 */
record VendorResult(
    String vendor,
    int hosts,
    long assets,
    long findings,
    PhaseFigures floor,
    PhaseFigures full,
    java.util.Optional<BudgetUse> fullBudget,
    int changes,
    PhaseFigures delta,
    MixLatencies idle,
    PhaseFigures loadSync,
    int clients,
    MixLatencies load) {

  /** Full ingest time over floor time: the figure the target is about. */
  double ingestOverFloor() {
    return full.seconds() / floor.seconds();
  }

  /** Delta time over full ingest time. */
  double deltaOverFull() {
    return delta.seconds() / full.seconds();
  }
}
