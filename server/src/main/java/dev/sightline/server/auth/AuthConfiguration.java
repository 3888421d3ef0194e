package dev.sightline.server.auth;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.server.boot.ServerSettings;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Bearer-token auth for the API, and the bootstrap admin token. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(AuthConfiguration.class);

  @Bean
  ApiTokens apiTokens(Jdbc jdbc, Clock clock, ServerSettings settings) {
    ApiTokens tokens = new ApiTokens(jdbc, clock);
    tokens
        .bootstrapAdmin(settings.adminToken())
        .ifPresent(
            token -> {
              // Shown once on the console, deliberately not through the logger (logs are kept and
              // shipped).
              System.out.println();
              System.out.println("  Admin API token (shown once, keep it): " + token);
              System.out.println();
            });
    if (settings.adminToken().isEmpty()) {
      LOG.info(
          "Admin token: the one printed at first start (set SIGHTLINE_ADMIN_TOKEN to replace it)");
    }
    return tokens;
  }

  @Bean
  FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(ApiTokens tokens, JsonMapper json) {
    FilterRegistrationBean<BearerTokenFilter> registration =
        new FilterRegistrationBean<>(new BearerTokenFilter(tokens, json));
    // Every path: the filter itself decides which need a token (BearerTokenFilter.needsToken).
    registration.addUrlPatterns("/*");
    return registration;
  }
}
