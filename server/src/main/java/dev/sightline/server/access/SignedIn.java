package dev.sightline.server.access;

import java.security.Principal;
import java.util.UUID;

/**
 * Who is calling: the user and role behind a token, a session or a single sign-on.
 *
 * @param via how the caller proved who they are: {@code TOKEN}, {@code SESSION} or {@code OIDC}
 */
public record SignedIn(UUID userId, String username, Role role, String via)
    implements Principal, java.io.Serializable {
  @Override
  public String getName() {
    return username;
  }
}
