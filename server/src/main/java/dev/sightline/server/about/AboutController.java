package dev.sightline.server.about;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which version runs, for whoever is signed in: what a support question starts with. */
@RestController
class AboutController {
  private final BuildInfo build = BuildInfo.current();
  private final Flyway flyway;

  AboutController(DataSource dataSource) {
    this.flyway =
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
  }

  @GetMapping("/api/v1/about")
  AboutResponse about() {
    // Read each time: another node of a cluster may have migrated the shared database since.
    MigrationInfo current = flyway.info().current();
    String schema =
        current == null || current.getVersion() == null ? "none" : current.getVersion().toString();
    return new AboutResponse(build.version(), build.commit(), build.buildTime(), schema);
  }
}
