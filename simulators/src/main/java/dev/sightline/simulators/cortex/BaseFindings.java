package dev.sightline.simulators.cortex;

import dev.sightline.simulators.cve.CveCatalog;
import dev.sightline.simulators.cve.CveEntry;
import dev.sightline.simulators.fleet.OsFamily;
import dev.sightline.simulators.fleet.StableHash;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The CVEs Host Insights reports on each endpoint when the simulator starts: 0–20 per current
 * endpoint (about ten on average), 0–7 on the old agent of a reimaged machine. They are the first
 * slots of the same catalogue walk the CrowdStrike simulator uses for the machine, so the two
 * tenants overlap; vendor advisories without a CVE id (ADV…, USN-…) are skipped, since {@code
 * va_cves} is keyed by CVE. Computed from hashes; only the counts are stored.
 */
final class BaseFindings {
  private static final long SALT_COUNT = StableHash.salt("cx.cve-count");

  private final long seed;
  private final EndpointDirectory endpoints;
  private final CveCatalog catalog;
  private final byte[] counts;
  private final long total;

  BaseFindings(long seed, EndpointDirectory endpoints, CveCatalog catalog) {
    this.seed = seed;
    this.endpoints = endpoints;
    this.catalog = catalog;
    this.counts = new byte[endpoints.count()];
    IntStream.range(0, endpoints.count())
        .parallel()
        .forEach(e -> counts[e] = (byte) compute(e).length);
    long sum = 0;
    for (byte c : counts) {
      sum += c;
    }
    this.total = sum;
  }

  /** Catalogue references on endpoint {@code e}, distinct and sorted by CVE id. */
  int[] refs(int e) {
    return compute(e);
  }

  int count(int e) {
    return counts[e];
  }

  long total() {
    return total;
  }

  /** Slots drawn as the CrowdStrike walk draws them; a CVE added later continues the walk. */
  int slots(int e) {
    long h = StableHash.of(seed, endpoints.hostKey(e), SALT_COUNT);
    return (int) Long.remainderUnsigned(h, endpoints.stale(e) ? 8 : 21);
  }

  /**
   * The catalogue reference at walk position {@code slot} of endpoint {@code e}, or -1 without a
   * CVE id.
   */
  int walk(int e, int slot) {
    OsFamily family = endpoints.family(e);
    int ref = CveCatalog.walk(seed, endpoints.hostKey(e), family, slot);
    return catalog.entry(ref).hasCveId() ? ref : -1;
  }

  private int[] compute(int e) {
    int n = slots(e);
    int[] refs = new int[n];
    int size = 0;
    for (int slot = 0; slot < n; slot++) {
      int ref = walk(e, slot);
      if (ref >= 0) {
        refs[size++] = ref;
      }
    }
    return sortById(Arrays.copyOf(refs, size), catalog);
  }

  /** Sorts references by CVE id, the order of {@code cves} arrays and of {@code va_cves}. */
  int[] sortById(int[] refs) {
    return sortById(refs, catalog);
  }

  private static int[] sortById(int[] refs, CveCatalog catalog) {
    return Arrays.stream(refs)
        .boxed()
        .sorted(Comparator.comparing((Integer r) -> catalog.entry(r).id()))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  CveEntry entry(int ref) {
    return catalog.entry(ref);
  }
}
