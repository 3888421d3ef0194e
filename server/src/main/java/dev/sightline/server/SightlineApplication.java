package dev.sightline.server;

import dev.sightline.server.boot.ServerSettings;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Sightline server: REST API over the platform. */
@SpringBootApplication
public class SightlineApplication {

  /** Starts the server with settings already read; the CLI is the only caller. */
  public static ConfigurableApplicationContext start(ServerSettings settings, String... args) {
    SpringApplication app =
        new SpringApplicationBuilder(SightlineApplication.class)
            .properties(
                Map.of(
                    "server.port", String.valueOf(settings.port()),
                    "spring.main.banner-mode", "off",
                    "server.error.include-message", "never",
                    "management.endpoints.web.exposure.include", "health,metrics,prometheus"))
            .initializers(ctx -> ctx.getBeanFactory().registerSingleton("serverSettings", settings))
            .build();
    return app.run(args);
  }
}
