package dev.sightline.server.access;

import dev.sightline.server.web.ErrorBody;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 401 and 403 of the security filters, in the API's one error shape (they run before any
 * controller, so the controller advice cannot answer for them).
 */
public final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final JsonMapper json;

  public AccessProblems(JsonMapper json) {
    this.json = json;
  }

  /** Nobody is signed in: a person opening a console page is sent to sign in first. */
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (ConsolePages.isPage(request)) {
      response.sendRedirect(ConsolePages.signInThenBackTo(request));
      return;
    }
    unauthorized(
        request,
        response,
        "This call needs you signed in: send the header 'Authorization: Bearer <token>' (the"
            + " admin token is printed at first start or set with SIGHTLINE_ADMIN_TOKEN), or sign"
            + " in with POST /api/v1/session");
  }

  /** A token or session that does not sign anyone in, for the reason given. */
  public void unauthorized(HttpServletRequest request, HttpServletResponse response, String why)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", why);
  }

  /** Signed in, but the role may not do this, or a browser's request lacks its CSRF token. */
  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "csrf",
          "This change came from a signed-in browser without its CSRF token: send the value of"
              + " the XSRF-TOKEN cookie in the X-XSRF-TOKEN header (scripts use a bearer token"
              + " instead)");
      return;
    }
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    String role =
        who != null && who.getPrincipal() instanceof SignedIn s ? s.role().name() : "your role";
    if (ConsolePages.isPage(request)) {
      ConsolePages.forbidden(response, role);
      return;
    }
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "forbidden",
        "The role "
            + role
            + " may not "
            + request.getMethod()
            + " "
            + request.getRequestURI()
            + ": ask an admin for a role that may (docs/access.md lists what each role may do)");
  }

  private void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String kind,
      String message)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(ErrorBody.PROBLEM_JSON.toString());
    response.setCharacterEncoding("UTF-8");
    json.writeValue(
        response.getOutputStream(),
        ErrorBody.of(kind, status, message, List.of(), request.getRequestURI()));
  }
}
