package dev.sightline.server.api;

import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.ScoringSettings.ConnectorMapping;
import dev.sightline.platform.scoring.AssetCriticality;
import dev.sightline.platform.scoring.RiskWeights;
import dev.sightline.server.scoring.BackgroundRescoring;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editable scoring settings (docs/scoring.md): band weights, default criticality by asset type,
 * each connector's Risk Severity Mapping. A change is validated whole (nothing is stored when any
 * value is wrong), then every affected asset is rescored in the background; {@code GET
 * /api/v1/scoring/status} shows how far that has gone.
 */
@RestController
class ScoringController {
  private final ScoringSettings settings;
  private final BackgroundRescoring rescoring;

  ScoringController(ScoringSettings settings, BackgroundRescoring rescoring) {
    this.settings = settings;
    this.rescoring = rescoring;
  }

  /** A saved setting and the rescoring it started. */
  record Saved<T>(T value, BackgroundRescoring.Status rescoring) {}

  @GetMapping("/api/v1/scoring/status")
  BackgroundRescoring.Status status() {
    return rescoring.status();
  }

  @GetMapping("/api/v1/scoring/weights")
  RiskWeights weights() {
    return settings.weights();
  }

  @PutMapping("/api/v1/scoring/weights")
  Saved<RiskWeights> saveWeights(@RequestBody String body) {
    RiskWeights saved = settings.saveWeights(body);
    rescoring.request();
    return new Saved<>(saved, rescoring.status());
  }

  @GetMapping("/api/v1/scoring/criticality")
  AssetCriticality criticality() {
    return settings.criticalityDefaults();
  }

  @PutMapping("/api/v1/scoring/criticality")
  Saved<AssetCriticality> saveCriticality(@RequestBody String body) {
    AssetCriticality saved = settings.saveCriticalityDefaults(body);
    rescoring.request();
    return new Saved<>(saved, rescoring.status());
  }

  @GetMapping("/api/v1/connectors/{id}/severity-mapping")
  ConnectorMapping severityMapping(@PathVariable UUID id) {
    return settings.severityMapping(id);
  }

  @PutMapping("/api/v1/connectors/{id}/severity-mapping")
  Saved<ConnectorMapping> saveSeverityMapping(@PathVariable UUID id, @RequestBody String body) {
    ConnectorMapping saved = settings.saveSeverityMapping(id, body);
    rescoring.request();
    return new Saved<>(saved, rescoring.status());
  }

  /** Back to the seed's table for the connector's type. */
  @DeleteMapping("/api/v1/connectors/{id}/severity-mapping")
  Saved<ConnectorMapping> resetSeverityMapping(@PathVariable UUID id) {
    ConnectorMapping saved = settings.resetSeverityMapping(id);
    rescoring.request();
    return new Saved<>(saved, rescoring.status());
  }
}
