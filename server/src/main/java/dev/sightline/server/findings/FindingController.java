package dev.sightline.server.findings;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.lifecycle.FindingDecisions;
import dev.sightline.platform.search.InventorySearch;
import dev.sightline.platform.search.SearchRequest;
import dev.sightline.platform.views.InventoryQueries;
import dev.sightline.platform.views.InventoryQueries.Filter;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import dev.sightline.server.web.PageResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logical findings (one per asset and CVE) with their lifecycle and a user's decision, and the
 * source-level detections they are made of.
 */
@RestController
class FindingController {
  private final InventoryQueries queries;
  private final InventorySearch search;
  private final FindingDecisions decisions;
  private final AuditTrail audit;

  FindingController(
      InventoryQueries queries,
      InventorySearch search,
      FindingDecisions decisions,
      AuditTrail audit) {
    this.queries = queries;
    this.search = search;
    this.decisions = decisions;
    this.audit = audit;
  }

  /** Every status unless {@code status} (a lifecycle state or a source status) is given. */
  @GetMapping("/api/v1/findings")
  PageResponse<FindingResponse> findings(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam Optional<UUID> connectorId,
      @RequestParam Optional<String> status,
      @RequestParam Optional<String> sort,
      @RequestParam Optional<String> q,
      @RequestParam Optional<String> after,
      @RequestParam Optional<String> count) {
    return PageResponse.from(
        search.findings(
            new Filter(connectorId, status),
            new SearchRequest(q, sort, page, size, after, SearchRequest.exactCount(count))),
        FindingResponse::from);
  }

  @GetMapping("/api/v1/findings/{id}")
  FindingResponse finding(@PathVariable long id) {
    return queries
        .finding(id)
        .map(FindingResponse::from)
        .orElseThrow(() -> new NotFoundException("No finding has id " + id));
  }

  /** Records (or with a null decision, clears) a decision; its asset is rescored first. */
  @PostMapping("/api/v1/findings/{id}/decision")
  FindingResponse decide(@PathVariable long id, @RequestBody DecisionRequest body) {
    return audit.change(
        AuditAction.FINDING_DECISION,
        Long.toString(id),
        finding(id),
        null,
        () -> applyDecision(id, body),
        after -> after);
  }

  private FindingResponse applyDecision(long id, DecisionRequest body) {
    if (body == null) {
      throw new InvalidRequestException(
          "body",
          "send {\"decision\":\"RISK_ACCEPTED\"|\"FALSE_POSITIVE\"|null, \"until\", \"note\"}");
    }
    long asset =
        decisions.decide(
            id,
            Optional.ofNullable(body.decision()),
            Optional.ofNullable(body.until()),
            Optional.ofNullable(body.note()));
    return finding(id);
  }

  /** Source-level detections as each vendor reported them; every status unless asked. */
  @GetMapping("/api/v1/detections")
  PageResponse<DetectionResponse> detections(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam Optional<UUID> connectorId,
      @RequestParam Optional<String> status) {
    return PageResponse.from(
        queries.detections(new Filter(connectorId, status), page, size), DetectionResponse::from);
  }

  /** Body of a decision: RISK_ACCEPTED (optionally until a date) or FALSE_POSITIVE; null clears. */
  record DecisionRequest(String decision, Instant until, String note) {}
}
