package dev.sightline.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every /api call needs {@code Authorization: Bearer <token>}. */
final class BearerTokenFilter extends OncePerRequestFilter {
  private final ApiTokens tokens;

  BearerTokenFilter(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      deny(
          response,
          "This call needs an API token: send the header 'Authorization: Bearer <token>'"
              + " (the admin token is printed at first start or set with SIGHTLINE_ADMIN_TOKEN)");
      return;
    }
    if (!tokens.valid(header.substring(7).trim())) {
      deny(
          response,
          "The API token is not valid: check it, or restart the server with"
              + " SIGHTLINE_ADMIN_TOKEN set to replace the admin token");
      return;
    }
    chain.doFilter(request, response);
  }

  private static void deny(HttpServletResponse response, String message) throws IOException {
    response.setStatus(401);
    response.setContentType("application/json");
    response.setHeader("WWW-Authenticate", "Bearer");
    response
        .getWriter()
        .write(
            "{\"status\":401,\"error\":\"Unauthorized\",\"message\":\""
                + message.replace("\"", "'")
                + "\"}");
  }
}
