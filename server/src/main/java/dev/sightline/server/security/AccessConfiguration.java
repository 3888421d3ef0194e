package dev.sightline.server.security;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.server.access.AccessProblems;
import dev.sightline.server.audit.AuditTrail;
import dev.sightline.server.boot.ServerSettings;
import dev.sightline.server.signin.BrowserSessions;
import dev.sightline.server.signin.SignInThrottle;
import dev.sightline.server.tokens.ApiTokens;
import dev.sightline.server.users.Passwords;
import dev.sightline.server.users.UserView;
import dev.sightline.server.users.Users;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import tools.jackson.databind.json.JsonMapper;

/** The users, their tokens and the first admin, made at first start. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(AccessConfiguration.class);

  @Bean
  Users users(Jdbc jdbc, Clock clock, ServerSettings settings) {
    Users users = new Users(jdbc, clock, new Passwords());
    users
        .ensureFirstAdmin(settings.access().adminPassword(), settings.adminToken().isPresent())
        .ifPresent(
            password ->
                // Shown once on the console, never through the logger (logs are kept and shipped).
                shownOnce(
                    "Admin password for user '"
                        + Users.FIRST_ADMIN
                        + "' (shown once, keep it): "
                        + password));
    return users;
  }

  @Bean
  ApiTokens apiTokens(Jdbc jdbc, Clock clock, ServerSettings settings, Users users) {
    ApiTokens tokens = new ApiTokens(jdbc, clock);
    UserView admin = users.byName(Users.FIRST_ADMIN).orElse(null);
    if (admin == null) {
      LOG.info(
          "The first admin '{}' was removed by another admin: no bootstrap token is made"
              + " (set SIGHTLINE_ADMIN_TOKEN or SIGHTLINE_ADMIN_PASSWORD to bring it back)",
          Users.FIRST_ADMIN);
      return tokens;
    }
    tokens
        .bootstrap(admin.id(), settings.adminToken())
        .ifPresent(token -> shownOnce("Admin API token (shown once, keep it): " + token));
    if (settings.adminToken().isEmpty()) {
      LOG.info(
          "Admin token: the one printed at first start (set SIGHTLINE_ADMIN_TOKEN to replace it)");
    }
    return tokens;
  }

  @Bean
  SignInThrottle signInThrottle(Jdbc jdbc, Clock clock) {
    return new SignInThrottle(jdbc, clock);
  }

  @Bean
  BrowserSessions browserSessions(
      Users users,
      SignInThrottle throttle,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens,
      Clock clock,
      AuditTrail audit) {
    return new BrowserSessions(users, throttle, contexts, csrfTokens, clock, audit);
  }

  @Bean
  AccessProblems accessProblems(JsonMapper json) {
    return new AccessProblems(json);
  }

  private static void shownOnce(String line) {
    System.out.println();
    System.out.println("  " + line);
    System.out.println();
  }
}
