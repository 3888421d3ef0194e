package dev.sightline.server.scoring;

import dev.sightline.platform.rescoring.ScoringSettings;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A connector's Risk Severity Mapping. It lives with scoring, not connectors: it is a scoring
 * setting (stored and validated by the platform's scoring settings, applied by the rescoring),
 * merely kept per connector. A change queues the connector's assets for background rescoring.
 */
@RestController
class SeverityMappingController {
  private final ScoringSettings settings;
  private final BackgroundRescoring rescoring;

  SeverityMappingController(ScoringSettings settings, BackgroundRescoring rescoring) {
    this.settings = settings;
    this.rescoring = rescoring;
  }

  @GetMapping("/api/v1/connectors/{id}/severity-mapping")
  SeverityMappingResponse severityMapping(@PathVariable UUID id) {
    return SeverityMappingResponse.from(settings.severityMapping(id));
  }

  @PutMapping("/api/v1/connectors/{id}/severity-mapping")
  Saved<SeverityMappingResponse> saveSeverityMapping(
      @PathVariable UUID id, @RequestBody SeverityMappingRequest body) {
    // The value names the connector by id; the platform stores it under the connector's type.
    var mapping =
        ScoringController.present(body, "sourceValues, qdsBySeverity and defaultSeverity")
            .toMapping(id.toString());
    return Saved.of(
        SeverityMappingResponse.from(settings.saveSeverityMapping(id, mapping)), rescoring);
  }

  /** Back to the seed's table for the connector's type. */
  @DeleteMapping("/api/v1/connectors/{id}/severity-mapping")
  Saved<SeverityMappingResponse> resetSeverityMapping(@PathVariable UUID id) {
    return Saved.of(SeverityMappingResponse.from(settings.resetSeverityMapping(id)), rescoring);
  }
}
