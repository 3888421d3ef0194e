package dev.sightline.server.signin;

import java.util.UUID;

/**
 * Who is signed in.
 *
 * @param via {@code TOKEN}, {@code SESSION} or {@code OIDC}
 * @param csrfHeader for a browser session: the header that carries {@code csrfToken} on every
 *     change (null for a token, which needs none)
 */
record SessionResponse(
    UUID userId,
    String username,
    String displayName,
    String role,
    String via,
    String csrfHeader,
    String csrfToken) {

  static SessionResponse of(BrowserSessions.Session s) {
    return new SessionResponse(
        s.who().userId(),
        s.who().username(),
        s.user().displayName(),
        s.who().role().name(),
        s.who().via(),
        s.csrf() == null ? null : s.csrf().getHeaderName(),
        s.csrf() == null ? null : s.csrf().getToken());
  }
}
