package dev.sightline.server.scoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sightline.platform.audit.AuditLog;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.ScoringSettings.ConnectorMapping;
import dev.sightline.platform.scoring.AssetCriticality;
import dev.sightline.platform.scoring.RiskWeights;
import dev.sightline.platform.scoring.SeverityMapping;
import dev.sightline.server.audit.AuditTrail;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scoring settings' typed bodies, without a database: what is refused, in the one error shape,
 * before the platform stores anything, and what reaches the platform.
 */
// Request validation and error shape only: who may call these is the role matrix's
// (AccessMatrixIT).
@WebMvcTest({ScoringController.class, SeverityMappingController.class})
@AutoConfigureMockMvc(addFilters = false)
class ScoringSettingsRequestTest {
  private static final UUID CONNECTOR = UUID.fromString("7f8a4c1e-0000-4000-8000-000000000001");

  @Autowired MockMvc mvc;
  @MockitoBean ScoringSettings settings;
  @MockitoBean BackgroundRescoring rescoring;
  @MockitoBean AuditLog auditLog;

  /** The real trail over a log that stores nothing: this test is about the bodies. */
  @TestConfiguration
  static class Audit {
    @Bean
    AuditTrail auditTrail(AuditLog log, JsonMapper json) {
      return new AuditTrail(log, json);
    }
  }

  /** The settings as they stand, which a change records as its "before". */
  @BeforeEach
  void currentSettings() {
    when(settings.weights()).thenReturn(RiskWeights.defaults());
    when(settings.criticalityDefaults()).thenReturn(AssetCriticality.defaults());
    when(settings.severityMapping(CONNECTOR))
        .thenReturn(
            new ConnectorMapping(
                CONNECTOR,
                false,
                new SeverityMapping(
                    "crowdstrike",
                    List.of(new SeverityMapping.SourceValue("HIGH", 4)),
                    Map.of(1, 20, 2, 40, 3, 60, 4, 80, 5, 100),
                    2)));
  }

  @Test
  void shouldRefuseABadSeverityMappingNamingEveryProblem() throws Exception {
    put(
            "/api/v1/connectors/" + CONNECTOR + "/severity-mapping",
            "{\"sourceValues\": [{\"value\": \"HIGH\", \"severity\": 9}],"
                + " \"qdsBySeverity\": {\"1\": 20}, \"defaultSeverity\": 2}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.type").value("urn:problem-type:sightline:invalid-request"))
        .andExpect(jsonPath("$.title").value("Bad Request"))
        .andExpect(jsonPath("$.detail", containsString("severity must be 1..5, not 9")))
        .andExpect(jsonPath("$.instance").exists())
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.error").value("Bad Request"))
        .andExpect(jsonPath("$.problems", hasSize(1)))
        .andExpect(jsonPath("$.problems[0].field").value("severity mapping"))
        .andExpect(jsonPath("$.message", containsString("severity must be 1..5, not 9")))
        .andExpect(jsonPath("$.message", containsString("severity 2 has no QDS")));
    verify(settings, never()).saveSeverityMapping(any(), any(SeverityMapping.class));
  }

  @Test
  void shouldRefuseFieldsTheSettingDoesNotHave() throws Exception {
    put(
            "/api/v1/scoring/weights",
            "{\"critical\": 1, \"high\": 0.6, \"medium\": 0.4, \"low\": 0.2, \"lowest\": 0.1}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.problems[0].field").value("weights"))
        .andExpect(jsonPath("$.message", containsString("unknown field 'lowest'")));
    put(
            "/api/v1/connectors/" + CONNECTOR + "/severity-mapping",
            "{\"sourceValues\": [{\"value\": \"HIGH\", \"severity\": 4, \"qds\": 80}],"
                + " \"qdsBySeverity\": {\"1\": 20, \"2\": 40, \"3\": 60, \"4\": 80, \"5\": 100},"
                + " \"defaultSeverity\": 2}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message", containsString("unknown field 'qds'")));
    verify(settings, never()).saveWeights(any(RiskWeights.class));
  }

  @Test
  void shouldRefuseMissingValuesNamingEachOne() throws Exception {
    put("/api/v1/scoring/weights", "{\"critical\": 1}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message", containsString("high weight is required")))
        .andExpect(jsonPath("$.message", containsString("low weight is required")));
    put("/api/v1/scoring/criticality", "{\"byAssetType\": {\"Server\": 4}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message", containsString("otherwise is required")));
  }

  @Test
  void shouldAnswerMalformedJsonInTheErrorShape() throws Exception {
    put("/api/v1/scoring/weights", "{\"critical\": ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.message", containsString("not valid JSON")))
        .andExpect(jsonPath("$.problems", hasSize(0)));
  }

  @Test
  void shouldHandTheValidatedSettingToThePlatform() throws Exception {
    when(settings.saveWeights(any(RiskWeights.class))).thenAnswer(i -> i.getArgument(0));
    put("/api/v1/scoring/weights", "{\"critical\": 2, \"high\": 1, \"medium\": 0.5, \"low\": 0.25}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.value.critical").value(2))
        .andExpect(jsonPath("$.value.low").value(0.25));

    SeverityMapping table =
        new SeverityMapping(
            "crowdstrike",
            List.of(new SeverityMapping.SourceValue("HIGH", 4)),
            Map.of(1, 5, 2, 7, 3, 9, 4, 11, 5, 13),
            1);
    when(settings.saveSeverityMapping(eq(CONNECTOR), any(SeverityMapping.class)))
        .thenReturn(new ConnectorMapping(CONNECTOR, true, table));
    put(
            "/api/v1/connectors/" + CONNECTOR + "/severity-mapping",
            "{\"sourceValues\": [{\"value\": \"HIGH\", \"severity\": 4}], \"qdsBySeverity\":"
                + " {\"1\": 5, \"2\": 7, \"3\": 9, \"4\": 11, \"5\": 13}, \"defaultSeverity\": 1}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.value.custom").value(true))
        .andExpect(jsonPath("$.value.mapping.connector").value("crowdstrike"))
        .andExpect(jsonPath("$.value.mapping.sourceValues[0].value").value("HIGH"))
        .andExpect(jsonPath("$.value.mapping.qdsBySeverity.5").value(13));
  }

  private ResultActions put(String path, String json) throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }
}
