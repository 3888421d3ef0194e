package dev.sightline.server.tokens;

import dev.sightline.server.access.AccessProblems;
import dev.sightline.server.access.SignedInAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in the caller of {@code Authorization: Bearer <token>} for this one request (a token never
 * makes a session). A token that signs nobody in is refused at once with the reason, even on a path
 * anyone may call, so a script learns its token is revoked or expired.
 */
public final class TokenAuthentication extends OncePerRequestFilter {
  private final ApiTokens tokens;
  private final AccessProblems problems;
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();

  public TokenAuthentication(ApiTokens tokens, AccessProblems problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  public static boolean carriesToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!carriesToken(request)) {
      chain.doFilter(request, response);
      return;
    }
    ApiTokens.Verdict verdict =
        tokens.authenticate(request.getHeader("Authorization").substring(7).trim());
    if (verdict.user().isEmpty()) {
      problems.unauthorized(request, response, verdict.refusal());
      return;
    }
    SecurityContext context = holder.createEmptyContext();
    context.setAuthentication(SignedInAuthentication.of(verdict.user().get()));
    holder.setContext(context);
    chain.doFilter(request, response);
  }
}
