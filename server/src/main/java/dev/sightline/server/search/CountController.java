package dev.sightline.server.search;

import dev.sightline.platform.query.QueryEntity;
import dev.sightline.platform.search.InventoryCounts;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts for dashboards: the exact number of assets or findings a query selects, optionally per key
 * ({@code groupBy=severity}, {@code groupBy=firstFound:week}; docs/query.md lists the keys).
 */
@RestController
class CountController {
  private final InventoryCounts counts;

  CountController(InventoryCounts counts) {
    this.counts = counts;
  }

  @GetMapping("/api/v1/assets/count")
  CountResponse assets(@RequestParam Optional<String> q, @RequestParam Optional<String> groupBy) {
    return CountResponse.of(counts.count(QueryEntity.ASSETS, q, groupBy));
  }

  @GetMapping("/api/v1/findings/count")
  CountResponse findings(@RequestParam Optional<String> q, @RequestParam Optional<String> groupBy) {
    return CountResponse.of(counts.count(QueryEntity.FINDINGS, q, groupBy));
  }
}
