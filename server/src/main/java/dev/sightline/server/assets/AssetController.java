package dev.sightline.server.assets;

import dev.sightline.platform.correlation.AssetLinks;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.search.InventorySearch;
import dev.sightline.platform.search.SearchRequest;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.platform.views.InventoryQueries.Filter;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import dev.sightline.server.web.PageResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merged assets: listing ({@code ?state=ACTIVE|STALE} to choose), totals, one asset with its
 * sources, its criticality, splitting a merge.
 */
@RestController
class AssetController {
  private final InventoryQueries queries;
  private final InventorySearch search;
  private final AssetLinks links;
  private final ScoreRefresher refresher;
  private final Clock clock;
  private final AuditTrail audit;

  AssetController(
      InventoryQueries queries,
      InventorySearch search,
      AssetLinks links,
      ScoreRefresher refresher,
      Clock clock,
      AuditTrail audit) {
    this.queries = queries;
    this.search = search;
    this.links = links;
    this.refresher = refresher;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Assets a query selects ({@code q}, the query language; {@code connectorId} and {@code state}
   * are shorthands kept from before it), in a token's order, by page or after a cursor.
   */
  @GetMapping("/api/v1/assets")
  PageResponse<AssetResponse> assets(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam Optional<UUID> connectorId,
      @RequestParam Optional<String> sort,
      @RequestParam Optional<String> state,
      @RequestParam Optional<String> q,
      @RequestParam Optional<String> after,
      @RequestParam Optional<String> count) {
    return PageResponse.from(
        search.assets(
            new Filter(connectorId, state),
            new SearchRequest(q, sort, page, size, after, SearchRequest.exactCount(count))),
        AssetResponse::from);
  }

  /** The inventory's totals: stale assets are counted apart and their findings not at all. */
  @GetMapping("/api/v1/assets/totals")
  AssetTotalsResponse totals() {
    return AssetTotalsResponse.from(queries.totals(clock.instant()));
  }

  @GetMapping("/api/v1/assets/{id}")
  AssetResponse asset(@PathVariable long id) {
    return queries
        .asset(id)
        .map(AssetResponse::from)
        .orElseThrow(() -> new NotFoundException("No asset has id " + id));
  }

  /** Sets the asset's criticality and rescores it before answering. */
  @PutMapping("/api/v1/assets/{id}/criticality")
  AssetResponse criticality(@PathVariable long id, @RequestBody CriticalityRequest body) {
    return audit.change(
        AuditAction.ASSET_CRITICALITY,
        Long.toString(id),
        asset(id),
        null,
        () -> {
          if (body == null) {
            throw new InvalidRequestException(
                "body", "send {\"criticality\": 1..5 or null, \"note\": \"why\"}");
          }
          refresher.setAssetCriticality(id, body.criticality(), body.note());
          return asset(id);
        },
        after -> after);
  }

  /** Splits a merged asset; the assets it touched are rescored before answering. */
  @PostMapping("/api/v1/assets/{id}/unlink")
  UnlinkResponse unlink(@PathVariable long id, @RequestBody(required = false) UnlinkRequest body) {
    return audit.change(
        AuditAction.ASSET_UNLINK,
        Long.toString(id),
        asset(id),
        null,
        () -> {
          AssetLinks.Split split =
              links.unlink(id, body == null || body.sources() == null ? List.of() : body.sources());
          return new UnlinkResponse(split.assetId(), split.newAssetIds());
        },
        after -> after);
  }

  /** Body of a criticality change: ACS 1–5, or null for the default of the asset's type. */
  record CriticalityRequest(Integer criticality, String note) {}

  /** Body of an unlink: the source records to detach; none means each source on its own. */
  record UnlinkRequest(List<Long> sources) {}

  /** The asset that kept the id and the assets the split founded. */
  record UnlinkResponse(long assetId, List<Long> newAssetIds) {}
}
