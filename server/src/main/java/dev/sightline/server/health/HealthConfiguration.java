package dev.sightline.server.health;

import dev.sightline.server.boot.DatabaseBootstrap;
import dev.sightline.server.boot.SchemaMigrations;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The orchestrator's probes: {@code /actuator/health/liveness} (the process runs) and {@code
 * /actuator/health/readiness} (it serves: the database answers and its schema is migrated). Both
 * are anyone's and say only their status (application.properties).
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

  /** Named "schema": the readiness group includes it by that name. */
  @Bean(name = "schema", destroyMethod = "close")
  SchemaHealth schema(DataSource dataSource, DatabaseBootstrap migrated) {
    return new SchemaHealth(dataSource, SchemaMigrations.newestKnown(dataSource));
  }
}
