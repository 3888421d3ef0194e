package dev.sightline.simulators.cortex;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The {@code va_cves} side of a snapshot: the distinct CVEs present on at least one endpoint,
 * sorted by id, and for each the endpoints (in {@code endpoint_id} order) that carry it. About four
 * bytes per finding.
 */
final class CveIndex {
  /** Catalogue references are family * 10,000 + local index, below this bound. */
  private static final int REF_BOUND = 30_000;

  private final int[] distinct;
  private final int[][] endpointsByRef;

  private CveIndex(int[] distinct, int[][] endpointsByRef) {
    this.distinct = distinct;
    this.endpointsByRef = endpointsByRef;
  }

  static CveIndex build(VaSnapshot snapshot) {
    EndpointDirectory endpoints = snapshot.endpoints();
    int[] sizes = new int[REF_BOUND];
    for (int e = 0; e < endpoints.count(); e++) {
      for (int ref : snapshot.refs(e)) {
        sizes[ref]++;
      }
    }
    int[][] byRef = new int[REF_BOUND][];
    int[] fill = new int[REF_BOUND];
    int distinctCount = 0;
    for (int ref = 0; ref < REF_BOUND; ref++) {
      if (sizes[ref] > 0) {
        byRef[ref] = new int[sizes[ref]];
        distinctCount++;
      }
    }
    for (int rank = 0; rank < endpoints.count(); rank++) {
      int e = endpoints.atRank(rank);
      for (int ref : snapshot.refs(e)) {
        byRef[ref][fill[ref]++] = e;
      }
    }
    int[] distinct = new int[distinctCount];
    int d = 0;
    for (int ref = 0; ref < REF_BOUND; ref++) {
      if (byRef[ref] != null) {
        distinct[d++] = ref;
      }
    }
    BaseFindings base = snapshot.base();
    Integer[] boxed = Arrays.stream(distinct).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, Comparator.comparing((Integer r) -> base.entry(r).id()));
    return new CveIndex(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), byRef);
  }

  /** Distinct CVE references, sorted by CVE id. Do not modify. */
  int[] distinct() {
    return distinct;
  }

  /** Endpoints carrying {@code ref}, in {@code endpoint_id} order. Do not modify. */
  int[] endpoints(int ref) {
    int[] out = endpointsByRef[ref];
    return out == null ? new int[0] : out;
  }
}
