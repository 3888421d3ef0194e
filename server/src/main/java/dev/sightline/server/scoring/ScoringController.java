package dev.sightline.server.scoring;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.rescoring.ScoringSettings;
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

  ScoringController(ScoringSettings settings, BackgroundRescoring rescoring) {
    this.settings = settings;
    this.rescoring = rescoring;
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
    var saved = settings.saveWeights(present(body, "critical, high, medium, low").toWeights());
    return Saved.of(WeightsResponse.from(saved), rescoring);
  }

  @GetMapping("/api/v1/scoring/criticality")
  CriticalityDefaultsResponse criticality() {
    return CriticalityDefaultsResponse.from(settings.criticalityDefaults());
  }

  @PutMapping("/api/v1/scoring/criticality")
  Saved<CriticalityDefaultsResponse> saveCriticality(@RequestBody CriticalityDefaultsRequest body) {
    var saved =
        settings.saveCriticalityDefaults(present(body, "byAssetType, otherwise").toCriticality());
    return Saved.of(CriticalityDefaultsResponse.from(saved), rescoring);
  }

  /** A body of JSON {@code null} binds as null; it is a request without the setting. */
  static <T> T present(T body, String fields) {
    if (body == null) {
      throw new InvalidRequestException("body", "send a JSON object with " + fields);
    }
    return body;
  }
}
