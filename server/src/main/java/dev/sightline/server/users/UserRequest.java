package dev.sightline.server.users;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.server.access.Role;

/**
 * A user to create, or the fields of one to change (absent fields stay as they are).
 *
 * @param role one of ADMIN, OPERATOR, ANALYST, AUDITOR, in any letter case
 */
record UserRequest(String username, String password, String role, String displayName) {
  Role parsedRole() {
    if (role == null) {
      return null;
    }
    return Role.named(role)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "role", "is '" + role + "': use one of " + Role.names()));
  }

  @Override
  public String toString() {
    return "UserRequest[username=" + username + ", role=" + role + "]";
  }
}
