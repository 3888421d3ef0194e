package dev.sightline.server;

import dev.sightline.server.boot.LogFormat;
import dev.sightline.server.boot.ServerSettings;
import dev.sightline.server.boot.StartupChecks;
import java.util.HashMap;
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
    // A start that cannot succeed fails here in one line, before the database starts.
    StartupChecks.verify(settings, System.getenv());
    Map<String, Object> properties = new HashMap<>(properties(settings));
    properties.putAll(LogFormat.properties(System.getenv()));
    properties.putAll(settings.web().springProperties());
    SpringApplication app =
        new SpringApplicationBuilder(SightlineApplication.class)
            .properties(properties)
            .initializers(ctx -> ctx.getBeanFactory().registerSingleton("serverSettings", settings))
            .build();
    return app.run(args);
  }

  private static Map<String, Object> properties(ServerSettings settings) {
    return Map.ofEntries(
        Map.entry("server.port", String.valueOf(settings.port())),
        Map.entry("spring.main.banner-mode", "off"),
        Map.entry("server.error.include-message", "never"),
        Map.entry("management.endpoints.web.exposure.include", "health,metrics,prometheus"),
        // A person's session: its cookie unreadable by scripts, sent only to this site on top-level
        // navigation (Lax lets the single sign-on's redirect back in), never in a URL; Secure is
        // set by the container whenever the request came over TLS.
        Map.entry("server.servlet.session.cookie.name", "SIGHTLINE_SESSION"),
        Map.entry("server.servlet.session.cookie.http-only", "true"),
        Map.entry("server.servlet.session.cookie.same-site", "lax"),
        Map.entry("server.servlet.session.tracking-modes", "cookie"),
        // Sessions live in PostgreSQL (Flyway makes the tables), so any node serves any person.
        Map.entry("spring.session.jdbc.initialize-schema", "never"),
        Map.entry(
            "server.servlet.session.timeout", settings.access().sessionIdle().toSeconds() + "s"),
        // Users come from Sightline's own store and sign-on registration from its own settings;
        // Boot's defaults would add an in-memory user whose generated password goes to the log.
        Map.entry(
            "spring.autoconfigure.exclude",
            String.join(
                ",",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.security.oauth2.client.autoconfigure"
                    + ".OAuth2ClientAutoConfiguration",
                "org.springframework.boot.security.oauth2.client.autoconfigure.servlet"
                    + ".OAuth2ClientWebSecurityAutoConfiguration")));
  }
}
