package dev.sightline.server.api;

import dev.sightline.platform.inventory.AssetView;
import dev.sightline.platform.inventory.FindingView;
import dev.sightline.platform.inventory.InventoryQueries;
import dev.sightline.platform.inventory.InventoryQueries.Filter;
import dev.sightline.platform.inventory.PageOf;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InventoryController {
  private final InventoryQueries queries;

  InventoryController(InventoryQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/api/v1/assets")
  PageOf<AssetView> assets(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam Optional<UUID> connectorId) {
    return queries.assets(new Filter(connectorId, Optional.empty()), page, size);
  }

  /** Every status unless {@code status} is given. */
  @GetMapping("/api/v1/findings")
  PageOf<FindingView> findings(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam Optional<UUID> connectorId,
      @RequestParam Optional<String> status) {
    return queries.findings(new Filter(connectorId, status), page, size);
  }
}
