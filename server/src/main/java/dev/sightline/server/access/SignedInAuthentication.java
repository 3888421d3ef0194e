package dev.sightline.server.access;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security's view of a {@link SignedIn}: the user as principal, the role as authority. */
public final class SignedInAuthentication {
  private SignedInAuthentication() {}

  public static UsernamePasswordAuthenticationToken of(SignedIn user) {
    return UsernamePasswordAuthenticationToken.authenticated(
        user, null, List.of(new SimpleGrantedAuthority(user.role().authority())));
  }
}
