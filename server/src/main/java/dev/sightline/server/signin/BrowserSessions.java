package dev.sightline.server.signin;

import dev.sightline.platform.audit.AuditEntry.Outcome;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.server.access.SignedIn;
import dev.sightline.server.access.SignedInAuthentication;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import dev.sightline.server.users.UserView;
import dev.sightline.server.users.Users;
import dev.sightline.server.web.TooManyRequestsException;
import dev.sightline.server.web.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * A person's session in a browser: signing in with a password (throttled), the CSRF token that goes
 * with the session, signing out.
 */
public final class BrowserSessions {
  private static final String WRONG =
      "The user name or the password is wrong: check both (after "
          + SignInThrottle.PER_USER
          + " failures in "
          + SignInThrottle.WINDOW.toMinutes()
          + " minutes, sign-in pauses for "
          + SignInThrottle.BLOCK.toMinutes()
          + " minutes)";

  private final Users users;
  private final SignInThrottle throttle;
  private final SecurityContextRepository contexts;
  private final CsrfTokenRepository csrfTokens;
  private final Clock clock;
  private final AuditTrail audit;

  public BrowserSessions(
      Users users,
      SignInThrottle throttle,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens,
      Clock clock,
      AuditTrail audit) {
    this.audit = audit;
    this.users = users;
    this.throttle = throttle;
    this.contexts = contexts;
    this.csrfTokens = csrfTokens;
    this.clock = clock;
  }

  /** Signs the person in, or says why not (401 wrong, 429 paused). */
  Session signIn(
      String username, String password, HttpServletRequest request, HttpServletResponse response) {
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      throw new InvalidRequestException(
          List.of(
              new InvalidRequestException.Problem("username", "is required"),
              new InvalidRequestException.Problem("password", "is required")));
    }
    String address = request.getRemoteAddr();
    Optional<Instant> blocked = throttle.blockedUntil(username, address);
    if (blocked.isPresent()) {
      refused(username, "paused after too many failed sign-ins for this user or from this address");
      Duration wait = Duration.between(clock.instant(), blocked.get());
      throw new TooManyRequestsException(
          "Too many failed sign-ins for this user or from this address: try again in "
              + Math.max(1, wait.toMinutes())
              + " minute(s), or ask an admin to set a new password",
          wait);
    }
    Optional<UserView> user = users.verify(username, password);
    if (user.isEmpty()) {
      throttle.failed(username, address);
      refused(username, "wrong user name or password");
      throw new UnauthorizedException(WRONG);
    }
    throttle.succeeded(username);
    UserView who = user.get();
    // A new session id at sign-in, so an id planted before it (session fixation) is worthless.
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    request.getSession(true);
    SignedIn signedIn = new SignedIn(who.id(), who.username(), who.role(), "SESSION");
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(SignedInAuthentication.of(signedIn));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    // A fresh CSRF token for the new session: one read before sign-in is no use after it.
    CsrfToken csrf = csrfTokens.generateToken(request);
    csrfTokens.saveToken(csrf, request, response);
    audit.record(
        AuditAction.SESSION_SIGN_IN,
        who.username(),
        Outcome.SUCCEEDED,
        null,
        null,
        "password, role " + who.role());
    return new Session(signedIn, who, csrf);
  }

  private void refused(String username, String why) {
    audit.record(AuditAction.SESSION_SIGN_IN_FAILED, username, Outcome.REFUSED, null, null, why);
  }

  /** Who is signed in, with the session's CSRF token when a browser session it is. */
  Session current(SignedIn who, HttpServletRequest request, HttpServletResponse response) {
    UserView user = users.get(who.userId());
    return new Session(who, user, "TOKEN".equals(who.via()) ? null : csrf(request, response));
  }

  void signOut(HttpServletRequest request, HttpServletResponse response) {
    if (request.getUserPrincipal() != null) {
      audit.record(
          AuditAction.SESSION_SIGN_OUT,
          request.getUserPrincipal().getName(),
          Outcome.SUCCEEDED,
          null,
          null,
          null);
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    csrfTokens.saveToken(null, request, response);
  }

  /** The session's CSRF token as the cookie holds it (the form a header must carry). */
  private CsrfToken csrf(HttpServletRequest request, HttpServletResponse response) {
    CsrfToken token = csrfTokens.loadToken(request);
    if (token == null) {
      token = csrfTokens.generateToken(request);
      csrfTokens.saveToken(token, request, response);
    }
    return token;
  }

  /** A signed-in person; {@code csrf} null for a token's caller, which needs none. */
  record Session(SignedIn who, UserView user, CsrfToken csrf) {}
}
