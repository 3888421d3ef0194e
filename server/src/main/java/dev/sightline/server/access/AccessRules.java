package dev.sightline.server.access;

import static dev.sightline.server.access.Role.ADMIN;
import static dev.sightline.server.access.Role.ANALYST;
import static dev.sightline.server.access.Role.AUDITOR;
import static dev.sightline.server.access.Role.OPERATOR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what: the one place the role matrix is written. Every endpoint of the API has its
 * own rule here, by method and the path pattern its controller declares (a test compares this list
 * with the application's request mappings, so an endpoint without a rule fails the build). Anything
 * under {@code /api/} without a rule is refused to everyone.
 */
public final class AccessRules {
  private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
  private static final PathPatternParser PATTERNS = PathPatternParser.defaultInstance;

  /** The API's endpoints, each with the roles that may call it. */
  private static final List<Rule> API =
      List.of(
          // Signing in and one's own tokens: whoever is signed in, whatever the role.
          anyone(POST, "/api/v1/session"),
          anyone(DELETE, "/api/v1/session"),
          signedIn(GET, "/api/v1/session"),
          // Which version runs and on which schema: whoever is signed in.
          signedIn(GET, "/api/v1/about"),
          signedIn(GET, "/api/v1/tokens"),
          signedIn(POST, "/api/v1/tokens"),
          signedIn(DELETE, "/api/v1/tokens/{id}"),
          // People and their tokens: admins change them; auditors see who has access.
          roles(GET, "/api/v1/users", ADMIN, AUDITOR),
          roles(POST, "/api/v1/users", ADMIN),
          roles(GET, "/api/v1/users/{id}", ADMIN, AUDITOR),
          roles(PATCH, "/api/v1/users/{id}", ADMIN),
          roles(DELETE, "/api/v1/users/{id}", ADMIN),
          roles(GET, "/api/v1/users/{id}/tokens", ADMIN, AUDITOR),
          roles(POST, "/api/v1/users/{id}/tokens", ADMIN),
          roles(DELETE, "/api/v1/users/{id}/tokens/{tokenId}", ADMIN),
          roles(GET, "/api/v1/audit", ADMIN, AUDITOR),
          // Connectors: operators run them; analysts and auditors read them (secrets masked).
          roles(GET, "/api/v1/connectors", ADMIN, OPERATOR, ANALYST, AUDITOR),
          roles(POST, "/api/v1/connectors", ADMIN, OPERATOR),
          roles(POST, "/api/v1/connectors/test", ADMIN, OPERATOR),
          roles(GET, "/api/v1/connectors/{id}", ADMIN, OPERATOR, ANALYST, AUDITOR),
          roles(PATCH, "/api/v1/connectors/{id}", ADMIN, OPERATOR),
          roles(DELETE, "/api/v1/connectors/{id}", ADMIN, OPERATOR),
          roles(POST, "/api/v1/connectors/{id}/test", ADMIN, OPERATOR),
          roles(GET, "/api/v1/connectors/{id}/states", ADMIN, OPERATOR, ANALYST, AUDITOR),
          roles(GET, "/api/v1/connectors/{id}/transform-maps", ADMIN, OPERATOR, AUDITOR),
          roles(PUT, "/api/v1/connectors/{id}/transform-maps", ADMIN, OPERATOR),
          roles(DELETE, "/api/v1/connectors/{id}/transform-maps", ADMIN, OPERATOR),
          roles(GET, "/api/v1/connectors/{id}/severity-mapping", ADMIN, OPERATOR, AUDITOR),
          roles(PUT, "/api/v1/connectors/{id}/severity-mapping", ADMIN, OPERATOR),
          roles(DELETE, "/api/v1/connectors/{id}/severity-mapping", ADMIN, OPERATOR),
          // A schedule read as a connector's create or edit would: for those who set schedules.
          roles(POST, "/api/v1/schedules/preview", ADMIN, OPERATOR),
          // Runs: operators start them; analysts read them.
          roles(POST, "/api/v1/connectors/{id}/runs", ADMIN, OPERATOR),
          roles(GET, "/api/v1/connectors/{id}/runs", ADMIN, OPERATOR, ANALYST),
          roles(GET, "/api/v1/runs/{runId}", ADMIN, OPERATOR, ANALYST),
          roles(GET, "/api/v1/runs/{runId}/rejections", ADMIN, OPERATOR, ANALYST),
          roles(GET, "/api/v1/runs/{runId}/log", ADMIN, OPERATOR, ANALYST),
          // Inventory: analysts read it and set decisions and criticality.
          roles(GET, "/api/v1/assets", ADMIN, ANALYST),
          roles(GET, "/api/v1/assets/totals", ADMIN, ANALYST),
          roles(GET, "/api/v1/assets/export", ADMIN, ANALYST),
          roles(GET, "/api/v1/assets/count", ADMIN, ANALYST),
          roles(GET, "/api/v1/assets/{id}", ADMIN, ANALYST),
          roles(GET, "/api/v1/assets/{id}/score", ADMIN, ANALYST),
          roles(PUT, "/api/v1/assets/{id}/criticality", ADMIN, ANALYST),
          roles(POST, "/api/v1/assets/{id}/unlink", ADMIN, ANALYST),
          roles(GET, "/api/v1/findings", ADMIN, ANALYST),
          roles(GET, "/api/v1/findings/count", ADMIN, ANALYST),
          roles(GET, "/api/v1/findings/{id}", ADMIN, ANALYST),
          roles(GET, "/api/v1/findings/export", ADMIN, ANALYST),
          signedIn(GET, "/api/v1/query/tokens"),
          roles(POST, "/api/v1/findings/{id}/decision", ADMIN, ANALYST),
          roles(GET, "/api/v1/detections", ADMIN, ANALYST),
          // Saved views: for readers of the inventory; the owner or an admin changes one.
          roles(GET, "/api/v1/views", ADMIN, ANALYST),
          roles(POST, "/api/v1/views", ADMIN, ANALYST),
          roles(GET, "/api/v1/views/{id}", ADMIN, ANALYST),
          roles(PATCH, "/api/v1/views/{id}", ADMIN, ANALYST),
          roles(DELETE, "/api/v1/views/{id}", ADMIN, ANALYST),
          // Scoring settings: operators set them; everyone reads them.
          roles(GET, "/api/v1/scoring/status", ADMIN, OPERATOR, ANALYST, AUDITOR),
          roles(GET, "/api/v1/scoring/weights", ADMIN, OPERATOR, ANALYST, AUDITOR),
          roles(PUT, "/api/v1/scoring/weights", ADMIN, OPERATOR),
          roles(GET, "/api/v1/scoring/criticality", ADMIN, OPERATOR, ANALYST, AUDITOR),
          roles(PUT, "/api/v1/scoring/criticality", ADMIN, OPERATOR),
          // Intelligence: operators import it; auditors see what was loaded.
          roles(GET, "/api/v1/intel/loads", ADMIN, OPERATOR, AUDITOR),
          roles(POST, "/api/v1/intel/imports", ADMIN, OPERATOR));

  /** Outside the API: its document, the actuator, the sign-on hops, the error page. */
  private static final List<Rule> AROUND =
      List.of(
          signedIn(GET, "/v3/api-docs"),
          signedIn(GET, "/v3/api-docs/**"),
          signedIn(GET, "/v3/api-docs.yaml"),
          anyone(null, "/actuator/health"),
          anyone(null, "/actuator/health/**"),
          roles(GET, "/actuator/prometheus", ADMIN, OPERATOR),
          roles(null, "/actuator", ADMIN),
          roles(null, "/actuator/**", ADMIN),
          anyone(null, "/oauth2/**"),
          anyone(null, "/login/**"),
          anyone(null, "/error"));

  /**
   * The console's pages. A page shows what one API endpoint answers, so it takes that endpoint's
   * roles (the matrix above stays the only one); its own files and the sign-in page are anyone's.
   */
  private static final List<Rule> CONSOLE =
      List.of(
          anyone(GET, "/"),
          anyone(GET, "/console/**"),
          anyone(GET, "/webjars/**"),
          anyone(GET, "/favicon.ico"),
          // The dashboard's charts: each checks the role may read what it counts.
          signedIn(GET, "/dashboard/**"),
          page("/connectors", "/api/v1/connectors"),
          page("/connectors/new", POST, "/api/v1/connectors"),
          page("/connectors/{id}/edit", PATCH, "/api/v1/connectors/{id}"),
          page("/connectors/rows", "/api/v1/connectors"),
          page("/connectors/{id}", "/api/v1/connectors/{id}"),
          page("/connectors/{id}/**", "/api/v1/connectors/{id}"),
          page("/runs/{runId}", "/api/v1/runs/{runId}"),
          page("/runs/{runId}/**", "/api/v1/runs/{runId}"),
          page("/assets", "/api/v1/assets"),
          page("/assets/**", "/api/v1/assets/{id}"),
          page("/findings", "/api/v1/findings"),
          page("/findings/**", "/api/v1/findings/{id}"),
          page("/users", "/api/v1/users"),
          page("/users/**", "/api/v1/users/{id}"),
          page("/tokens", "/api/v1/users/{id}/tokens"),
          page("/tokens/**", "/api/v1/users/{id}/tokens"),
          page("/audit", "/api/v1/audit"),
          page("/audit/**", "/api/v1/audit"));

  private AccessRules() {}

  /** The console's pages and files. */
  public static List<Rule> console() {
    return CONSOLE;
  }

  /**
   * Whether the role may call this API path (a concrete path, e.g. {@code /api/v1/connectors/42}):
   * the console shows a control only when the call behind it would be allowed.
   */
  public static boolean allows(Role role, HttpMethod method, String path) {
    for (Rule rule : API) {
      if (rule.method().equals(method) && rule.matches(path)) {
        return rule.allows(role);
      }
    }
    return false;
  }

  /** A page that shows what a GET of {@code apiPattern} answers: the same roles may open it. */
  private static Rule page(String pattern, String apiPattern) {
    return page(pattern, GET, apiPattern);
  }

  /** A page for making the call {@code method apiPattern} (a form): the same roles may open it. */
  private static Rule page(String pattern, HttpMethod method, String apiPattern) {
    Rule read =
        API.stream()
            .filter(r -> method.equals(r.method()) && r.pattern().equals(apiPattern))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("No API rule for " + method + " " + apiPattern));
    return new Rule(GET, pattern, read.audience(), read.roles());
  }

  /** Every API endpoint's rule. */
  public static List<Rule> api() {
    return API;
  }

  /** The rules around the API. */
  public static List<Rule> around() {
    return AROUND;
  }

  private static Rule anyone(HttpMethod method, String pattern) {
    return new Rule(method, pattern, Audience.ANYONE, Set.of());
  }

  private static Rule signedIn(HttpMethod method, String pattern) {
    return new Rule(method, pattern, Audience.SIGNED_IN, EVERY_ROLE);
  }

  private static Rule roles(HttpMethod method, String pattern, Role... roles) {
    return new Rule(method, pattern, Audience.ROLES, EnumSet.copyOf(Arrays.asList(roles)));
  }

  /** Who a rule lets in. */
  public enum Audience {
    /** No sign-in needed: signing in itself, health probes, the sign-on hops. */
    ANYONE,
    /** Whoever is signed in, any role. */
    SIGNED_IN,
    /** Only the rule's roles. */
    ROLES
  }

  /**
   * @param method null: every method
   * @param roles who may call it (every role for {@link Audience#SIGNED_IN}, none for {@link
   *     Audience#ANYONE})
   */
  public record Rule(HttpMethod method, String pattern, Audience audience, Set<Role> roles) {
    public Rule {
      roles = Set.copyOf(roles);
    }

    /** Whether a signed-in user of this role gets past the rule. */
    public boolean allows(Role role) {
      return audience == Audience.ANYONE || roles.contains(role);
    }

    /** Whether a concrete path falls under this rule's pattern. */
    boolean matches(String path) {
      return PATTERNS.parse(pattern).matches(PathContainer.parsePath(path));
    }
  }
}
