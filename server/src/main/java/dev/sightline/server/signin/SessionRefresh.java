package dev.sightline.server.signin;

import dev.sightline.server.access.SignedIn;
import dev.sightline.server.access.SignedInAuthentication;
import dev.sightline.server.users.UserView;
import dev.sightline.server.users.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session holds who signed in, not what they may do: each request reads the user again, so a role
 * an admin changed applies at once and a removed user's session ends at the next request.
 */
public final class SessionRefresh extends OncePerRequestFilter {
  private final Users users;
  private final SecurityContextRepository repository;
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();

  public SessionRefresh(Users users, SecurityContextRepository repository) {
    this.users = users;
    this.repository = repository;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = holder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof SignedIn who && !"TOKEN".equals(who.via())) {
      Optional<UserView> now = users.find(who.userId());
      if (now.isEmpty()) {
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        holder.clearContext();
      } else if (now.get().role() != who.role()) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(
            SignedInAuthentication.of(
                new SignedIn(who.userId(), who.username(), now.get().role(), who.via())));
        holder.setContext(context);
        repository.saveContext(context, request, response);
      }
    }
    chain.doFilter(request, response);
  }
}
