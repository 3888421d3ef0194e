package dev.sightline.server.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How the security filters answer a person at a console page rather than a script at the API: a
 * redirect to sign in that comes back, and a page (not JSON) when the role may not see it.
 */
final class ConsolePages {
  private ConsolePages() {}

  /** A page a person opens in the browser: a GET outside the API. */
  static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "GET".equals(request.getMethod())
        && !path.startsWith("/api/")
        && !path.startsWith("/actuator")
        && !path.startsWith("/v3/");
  }

  /** The sign-in page, with the page asked for to come back to. */
  static String signInThenBackTo(HttpServletRequest request) {
    String wanted = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getQueryString() != null) {
      wanted += "?" + request.getQueryString();
    }
    return request.getContextPath() + "/?next=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8);
  }

  /** A plain page saying the role may not see this, with the way back. */
  static void forbidden(HttpServletResponse response, String role) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    response
        .getWriter()
        .write(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Not allowed · Sightline</title>"
                + "<link rel=\"stylesheet\" href=\"/console/console.css\"></head>"
                + "<body><main class=\"notice\"><h1>Not allowed</h1><p>The role "
                + role
                + " may not open this page. Ask an admin for a role that may"
                + " (docs/access.md lists what each role may do).</p>"
                + "<p><a href=\"/\">Back to the dashboard</a></p></main></body></html>");
  }
}
