package dev.sightline.server.audit;

import dev.sightline.platform.audit.AuditLog;
import dev.sightline.platform.db.Jdbc;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The audit log and the trail every controller records its changes through. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  @Bean
  AuditLog auditLog(Jdbc jdbc, Clock clock) {
    return new AuditLog(jdbc, clock);
  }

  /** {@code json}: the application's mapper, so a value is audited exactly as the API shows it. */
  @Bean
  AuditTrail auditTrail(AuditLog log, JsonMapper json) {
    return new AuditTrail(log, json);
  }
}
