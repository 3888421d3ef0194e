package dev.sightline.server.signin;

import dev.sightline.server.access.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in for people: a session cookie for the console. Scripts use tokens and need none of this.
 */
@RestController
class SessionController {
  private final BrowserSessions sessions;

  SessionController(BrowserSessions sessions) {
    this.sessions = sessions;
  }

  @PostMapping("/api/v1/session")
  SessionResponse signIn(
      @RequestBody SignInRequest body, HttpServletRequest request, HttpServletResponse response) {
    return SessionResponse.of(sessions.signIn(body.username(), body.password(), request, response));
  }

  @GetMapping("/api/v1/session")
  SessionResponse whoAmI(
      @AuthenticationPrincipal SignedIn who,
      HttpServletRequest request,
      HttpServletResponse response) {
    return SessionResponse.of(sessions.current(who, request, response));
  }

  @DeleteMapping("/api/v1/session")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void signOut(HttpServletRequest request, HttpServletResponse response) {
    sessions.signOut(request, response);
  }
}
