package dev.sightline.server.auth;

import dev.sightline.server.web.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call of the API ({@code /api/}), of its OpenAPI document ({@code /v3/api-docs}) and of the
 * actuator ({@code /actuator/}, metrics included) needs {@code Authorization: Bearer <token>}; only
 * health ({@code /actuator/health} and below) answers without one, for load balancers and probes.
 */
final class BearerTokenFilter extends OncePerRequestFilter {
  private final ApiTokens tokens;
  private final JsonMapper json;

  /**
   * {@code json}: the application's mapper, the one that writes every other error, so the 401 is
   * the same shape with the same serialization.
   */
  BearerTokenFilter(ApiTokens tokens, JsonMapper json) {
    this.tokens = tokens;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !needsToken(path(request));
  }

  static boolean needsToken(String path) {
    if (isUnder(path, "/actuator/health")) {
      return false;
    }
    return path.startsWith("/api/")
        || path.startsWith("/v3/api-docs")
        || isUnder(path, "/actuator");
  }

  /**
   * The path as the servlet container resolved it (decoded, dot segments and path parameters
   * removed), not the raw request URI, so {@code /actuator/health/../prometheus} is judged as what
   * it names.
   */
  private static String path(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }

  private static boolean isUnder(String path, String root) {
    return path.equals(root) || path.startsWith(root + "/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      deny(
          request,
          response,
          "This call needs an API token: send the header 'Authorization: Bearer <token>'"
              + " (the admin token is printed at first start or set with SIGHTLINE_ADMIN_TOKEN)");
      return;
    }
    if (!tokens.valid(header.substring(7).trim())) {
      deny(
          request,
          response,
          "The API token is not valid: check it, or restart the server with"
              + " SIGHTLINE_ADMIN_TOKEN set to replace the admin token");
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * The filter runs before any controller, so the advice cannot answer; it writes the same body.
   */
  private void deny(HttpServletRequest request, HttpServletResponse response, String message)
      throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(ErrorBody.PROBLEM_JSON.toString());
    response.setCharacterEncoding("UTF-8");
    response.setHeader("WWW-Authenticate", "Bearer");
    json.writeValue(
        response.getOutputStream(),
        ErrorBody.of(
            "unauthorized", HttpStatus.UNAUTHORIZED, message, List.of(), request.getRequestURI()));
  }
}
