package dev.sightline.server.scoring;

import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
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
  private final AuditTrail audit;

  SeverityMappingController(
      ScoringSettings settings, BackgroundRescoring rescoring, AuditTrail audit) {
    this.settings = settings;
    this.rescoring = rescoring;
    this.audit = audit;
  }

  @GetMapping("/api/v1/connectors/{id}/severity-mapping")
  SeverityMappingResponse severityMapping(@PathVariable UUID id) {
    return SeverityMappingResponse.from(settings.severityMapping(id));
  }

  @PutMapping("/api/v1/connectors/{id}/severity-mapping")
  Saved<SeverityMappingResponse> saveSeverityMapping(
      @PathVariable UUID id, @RequestBody SeverityMappingRequest body) {
    SeverityMappingResponse saved =
        audit.change(
            AuditAction.SEVERITY_MAPPING_PUT,
            id.toString(),
            severityMapping(id),
            null,
            () -> {
              // The value names the connector by id; the platform stores it under the connector's
              // type.
              var mapping =
                  ScoringController.present(body, "sourceValues, qdsBySeverity and defaultSeverity")
                      .toMapping(id.toString());
              return SeverityMappingResponse.from(settings.saveSeverityMapping(id, mapping));
            },
            after -> after);
    return Saved.of(saved, rescoring);
  }

  /** Back to the seed's table for the connector's type. */
  @DeleteMapping("/api/v1/connectors/{id}/severity-mapping")
  Saved<SeverityMappingResponse> resetSeverityMapping(@PathVariable UUID id) {
    SeverityMappingResponse reset =
        audit.change(
            AuditAction.SEVERITY_MAPPING_DELETE,
            id.toString(),
            severityMapping(id),
            "back to the seed's table for the connector's type",
            () -> SeverityMappingResponse.from(settings.resetSeverityMapping(id)),
            after -> after);
    return Saved.of(reset, rescoring);
  }
}
