package dev.sightline.server.scoring;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editable scoring settings for every asset (docs/scoring.md): band weights and default
 * criticality by asset type. A change is validated whole (nothing is stored when any value is
 * wrong) and queues the affected assets in the same transaction; they are rescored in the
 * background, and {@code GET /api/v1/scoring/status} shows how far that has gone.
 */
@RestController
class ScoringController {
  private final ScoringSettings settings;
  private final BackgroundRescoring rescoring;
  private final AuditTrail audit;

  ScoringController(ScoringSettings settings, BackgroundRescoring rescoring, AuditTrail audit) {
    this.settings = settings;
    this.rescoring = rescoring;
    this.audit = audit;
  }

  @GetMapping("/api/v1/scoring/status")
  BackgroundRescoring.Status status() {
    return rescoring.status();
  }

  @GetMapping("/api/v1/scoring/weights")
  WeightsResponse weights() {
    return WeightsResponse.from(settings.weights());
  }

  @PutMapping("/api/v1/scoring/weights")
  Saved<WeightsResponse> saveWeights(@RequestBody WeightsRequest body) {
    // The platform's save takes the value's own JSON form (and validates it again); one platform
    // call: the save and the queueing of every asset are one transaction.
    WeightsResponse saved =
        audit.change(
            AuditAction.SCORING_WEIGHTS,
            "weights",
            weights(),
            null,
            () ->
                WeightsResponse.from(
                    settings.saveWeights(present(body, "critical, high, medium, low").toWeights())),
            after -> after);
    return Saved.of(saved, rescoring);
  }

  @GetMapping("/api/v1/scoring/criticality")
  CriticalityDefaultsResponse criticality() {
    return CriticalityDefaultsResponse.from(settings.criticalityDefaults());
  }

  @PutMapping("/api/v1/scoring/criticality")
  Saved<CriticalityDefaultsResponse> saveCriticality(@RequestBody CriticalityDefaultsRequest body) {
    CriticalityDefaultsResponse saved =
        audit.change(
            AuditAction.SCORING_CRITICALITY_DEFAULTS,
            "criticality",
            criticality(),
            null,
            () ->
                CriticalityDefaultsResponse.from(
                    settings.saveCriticalityDefaults(
                        present(body, "byAssetType, otherwise").toCriticality())),
            after -> after);
    return Saved.of(saved, rescoring);
  }

  /** A body of JSON {@code null} binds as null; it is a request without the setting. */
  static <T> T present(T body, String fields) {
    if (body == null) {
      throw new InvalidRequestException("body", "send a JSON object with " + fields);
    }
    return body;
  }
}
