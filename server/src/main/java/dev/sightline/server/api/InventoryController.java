package dev.sightline.server.api;

import dev.sightline.platform.correlation.AssetLinks;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.lifecycle.FindingDecisions;
import dev.sightline.platform.rescoring.AssetScores;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.views.AssetView;
import dev.sightline.platform.views.DetectionView;
import dev.sightline.platform.views.FindingView;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.platform.views.InventoryQueries.Filter;
import dev.sightline.platform.views.PageOf;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InventoryController {
  private final InventoryQueries queries;
  private final AssetLinks links;
  private final AssetScores scores;
  private final FindingDecisions decisions;

  private final ScoringSettings settings;
  private final ScoreRefresher refresher;

  InventoryController(
      InventoryQueries queries,
      AssetLinks links,
      AssetScores scores,
      FindingDecisions decisions,
      ScoringSettings settings,
      ScoreRefresher refresher) {
    this.queries = queries;
    this.links = links;
    this.scores = scores;
    this.decisions = decisions;
    this.settings = settings;
    this.refresher = refresher;
  }

  /** Body of a criticality change: ACS 1–5, or null for the default of the asset's type. */
  record CriticalityRequest(Integer criticality, String note) {}

  /** Sets the asset's criticality and rescores it before answering. */
  @PutMapping("/api/v1/assets/{id}/criticality")
  AssetView criticality(@PathVariable long id, @RequestBody CriticalityRequest body) {
    if (body == null) {
      throw new dev.sightline.platform.errors.InvalidRequestException(
          "body", "send {\"criticality\": 1..5 or null, \"note\": \"why\"}");
    }
    settings.setAssetCriticality(id, body.criticality(), body.note());
    refresher.rescore(List.of(id));
    return asset(id);
  }

  /** Body of a decision: RISK_ACCEPTED (optionally until a date) or FALSE_POSITIVE; null clears. */
  record DecisionRequest(String decision, java.time.Instant until, String note) {}

  @PostMapping("/api/v1/findings/{id}/decision")
  FindingView decide(@PathVariable long id, @RequestBody DecisionRequest body) {
    if (body == null) {
      throw new dev.sightline.platform.errors.InvalidRequestException(
          "body",
          "send {\"decision\":\"RISK_ACCEPTED\"|\"FALSE_POSITIVE\"|null, \"until\", \"note\"}");
    }
    long asset =
        decisions.decide(
            id,
            Optional.ofNullable(body.decision()),
            Optional.ofNullable(body.until()),
            Optional.ofNullable(body.note()));
    refresher.rescore(List.of(asset));
    return finding(id);
  }

  /** The asset's risk, term by term, and every open finding's QDS with its reasons. */
  @GetMapping("/api/v1/assets/{id}/score")
  AssetScores.Explanation score(@PathVariable long id) {
    return scores.explain(id);
  }

  /** Body of an unlink: the source records to detach; none means each source on its own. */
  record UnlinkRequest(List<Long> sources) {}

  @GetMapping("/api/v1/assets/{id}")
  AssetView asset(@PathVariable long id) {
    return queries.asset(id).orElseThrow(() -> new NotFoundException("No asset has id " + id));
  }

  @PostMapping("/api/v1/assets/{id}/unlink")
  Map<String, Object> unlink(
      @PathVariable long id, @RequestBody(required = false) UnlinkRequest body) {
    AssetLinks.Split split =
        links.unlink(id, body == null || body.sources() == null ? List.of() : body.sources());
    List<Long> touched = new java.util.ArrayList<>(split.newAssetIds());
    touched.add(split.assetId());
    refresher.rescore(touched);
    return Map.of("assetId", split.assetId(), "newAssetIds", split.newAssetIds());
  }

  @GetMapping("/api/v1/assets")
  PageOf<AssetView> assets(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam Optional<UUID> connectorId,
      @RequestParam Optional<String> sort) {
    return queries.assets(
        new Filter(connectorId, Optional.empty()), InventoryQueries.Sort.parse(sort), page, size);
  }

  @GetMapping("/api/v1/findings/{id}")
  FindingView finding(@PathVariable long id) {
    return queries.finding(id).orElseThrow(() -> new NotFoundException("No finding has id " + id));
  }

  /** Source-level detections as each vendor reported them; every status unless asked. */
  @GetMapping("/api/v1/detections")
  PageOf<DetectionView> detections(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam Optional<UUID> connectorId,
      @RequestParam Optional<String> status) {
    return queries.detections(new Filter(connectorId, status), page, size);
  }

  /** Every status unless {@code status} (a lifecycle state or a source status) is given. */
  @GetMapping("/api/v1/findings")
  PageOf<FindingView> findings(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam Optional<UUID> connectorId,
      @RequestParam Optional<String> status,
      @RequestParam Optional<String> sort) {
    return queries.findings(
        new Filter(connectorId, status), InventoryQueries.Sort.parse(sort), page, size);
  }
}
