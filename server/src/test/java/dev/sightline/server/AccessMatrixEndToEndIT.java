package dev.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.server.access.AccessRules;
import dev.sightline.server.access.Role;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role matrix, built from the application's own request mappings: every endpoint has its own
 * rule, and every role gets exactly what its rule says, over real HTTP with real tokens.
 */
class AccessMatrixEndToEndIT {
  private static TestServer server;
  private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer("127.0.0.1", Optional.empty());
    Accounts accounts = new Accounts(server);
    TOKENS.put(Role.ADMIN, TestServer.TOKEN);
    for (Role role : List.of(Role.OPERATOR, Role.ANALYST, Role.AUDITOR)) {
      TOKENS.put(role, accounts.tokenOfNewUser("matrix-" + role.name().toLowerCase(), role.name()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void everyEndpointOfTheApiHasItsOwnRuleAndEveryRuleAnEndpoint() {
    Set<String> endpoints = apiEndpoints();
    Set<String> ruled = new TreeSet<>();
    for (AccessRules.Rule rule : AccessRules.api()) {
      ruled.add(rule.method().name() + " " + rule.pattern());
    }
    assertThat(endpoints)
        .as("endpoints without a rule in AccessRules (add one: who may call it?)")
        .isSubsetOf(ruled);
    assertThat(ruled)
        .as("rules in AccessRules for endpoints that do not exist")
        .isSubsetOf(endpoints);
  }

  @Test
  void everythingOutsideTheApiIsTheDocumentTheErrorPageOrAConsolePageWithARule() {
    List<String> outside = new ArrayList<>();
    for (RequestMappingInfo info : mappings()) {
      for (String path : info.getPathPatternsCondition().getPatternValues()) {
        if (!path.startsWith("/api/")) {
          outside.add(path);
        }
      }
    }
    assertThat(outside)
        .allMatch(
            p -> p.startsWith("/v3/api-docs") || p.equals("/error") || consoleRuleCovers(p),
            "the API's document, the error page, or a console page that AccessRules.console()"
                + " covers");
  }

  private static boolean consoleRuleCovers(String mappedPattern) {
    var path = org.springframework.http.server.PathContainer.parsePath(concrete(mappedPattern));
    return AccessRules.console().stream()
        .anyMatch(
            rule ->
                org.springframework.web.util.pattern.PathPatternParser.defaultInstance
                    .parse(rule.pattern())
                    .matches(path));
  }

  @Test
  void eachRoleGetsExactlyWhatItsRuleAllows() {
    List<String> wrong = new ArrayList<>();
    for (AccessRules.Rule rule : AccessRules.api()) {
      String path = concrete(rule.pattern());
      for (Role role : Role.values()) {
        int status = call(rule.method().name(), path, TOKENS.get(role));
        boolean passed = status != 401 && status != 403;
        if (rule.allows(role) != passed) {
          wrong.add(
              role
                  + " "
                  + rule.method()
                  + " "
                  + rule.pattern()
                  + " answered "
                  + status
                  + (rule.allows(role) ? ", want allowed" : ", want 403"));
        }
        if (!rule.allows(role) && status != 403) {
          wrong.add(role + " " + rule.method() + " " + rule.pattern() + " denied with " + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void nobodyWithoutATokenOrSessionGetsPastAnyRuleButSigningIn() {
    List<String> wrong = new ArrayList<>();
    for (AccessRules.Rule rule : AccessRules.api()) {
      if (rule.audience() == AccessRules.Audience.ANYONE) {
        continue;
      }
      int status = call(rule.method().name(), concrete(rule.pattern()), null);
      if (status != 401) {
        wrong.add(rule.method() + " " + rule.pattern() + " without a token answered " + status);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void anApiPathWithoutARuleIsRefusedToEveryRoleTheAdminIncluded() {
    assertThat(call("GET", "/api/v1/no-such-thing", TestServer.TOKEN)).isEqualTo(403);
    assertThat(call("GET", "/api/v1/no-such-thing", null)).isEqualTo(401);
  }

  @Test
  void theDocumentNeedsASignInAndHealthDoesNot() {
    assertThat(call("GET", "/v3/api-docs", null)).isEqualTo(401);
    assertThat(call("GET", "/v3/api-docs", TOKENS.get(Role.AUDITOR))).isEqualTo(200);
    assertThat(call("GET", "/actuator/health", null)).isEqualTo(200);
    assertThat(call("GET", "/actuator/prometheus", TOKENS.get(Role.ANALYST))).isEqualTo(403);
    assertThat(call("GET", "/actuator/prometheus", TOKENS.get(Role.OPERATOR))).isEqualTo(200);
  }

  private static int call(String method, String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/json")
            .method(
                method,
                Set.of("POST", "PUT", "PATCH").contains(method)
                    ? HttpRequest.BodyPublishers.ofString("{}")
                    : HttpRequest.BodyPublishers.noBody());
    return server.sendAs(token, request).status();
  }

  /** The pattern with each variable filled by an id that names nothing. */
  private static String concrete(String pattern) {
    return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
  }

  private static Set<String> apiEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mappings()) {
      for (String path : info.getPathPatternsCondition().getPatternValues()) {
        if (!path.startsWith("/api/")) {
          continue;
        }
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        assertThat(methods).as(path + " must name its HTTP method").isNotEmpty();
        for (RequestMethod m : methods) {
          endpoints.add(m.name().toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    return endpoints;
  }

  private static Set<RequestMappingInfo> mappings() {
    return server
        .bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
        .getHandlerMethods()
        .keySet();
  }
}
