package dev.sightline.server.console;

import dev.sightline.server.access.AccessRules;
import dev.sightline.server.access.Role;
import org.springframework.http.HttpMethod;

/**
 * What the signed-in person's role may call, asked by the pages ({@code ${may.post('/api/v1/…')}})
 * so that a control is shown only when the call behind it would be allowed. The server refuses the
 * call anyway: this only keeps the page honest. No one signed in may do nothing.
 */
public record Permissions(Role role) {
  public boolean get(String path) {
    return allows(HttpMethod.GET, path);
  }

  public boolean post(String path) {
    return allows(HttpMethod.POST, path);
  }

  public boolean put(String path) {
    return allows(HttpMethod.PUT, path);
  }

  public boolean patch(String path) {
    return allows(HttpMethod.PATCH, path);
  }

  public boolean delete(String path) {
    return allows(HttpMethod.DELETE, path);
  }

  private boolean allows(HttpMethod method, String path) {
    return role != null && AccessRules.allows(role, method, path);
  }
}
