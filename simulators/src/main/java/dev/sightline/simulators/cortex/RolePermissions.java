package dev.sightline.simulators.cortex;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What each API key role may call. The vendor documents no per-API RBAC table, so this one is the
 * simulator's: the predefined roles that can view endpoints and run XQL (Viewer included, which the
 * seed's connector uses), "Deployment Admin" for endpoints only, and any other name a custom role
 * without those permissions (403 everywhere). Names match exactly, as role names do in the console.
 */
final class RolePermissions {
  enum Permission {
    ENDPOINTS,
    XQL
  }

  private static final Set<Permission> ALL = EnumSet.allOf(Permission.class);
  private static final Map<String, Set<Permission>> ROLES =
      Map.ofEntries(
          Map.entry("Account Admin", ALL),
          Map.entry("Instance Administrator", ALL),
          Map.entry("Security Admin", ALL),
          Map.entry("Privileged Security Admin", ALL),
          Map.entry("Investigator", ALL),
          Map.entry("Privileged Investigator", ALL),
          Map.entry("Responder", ALL),
          Map.entry("Privileged Responder", ALL),
          Map.entry("IT Admin", ALL),
          Map.entry("Privileged IT Admin", ALL),
          Map.entry("Viewer", ALL),
          Map.entry("Deployment Admin", EnumSet.of(Permission.ENDPOINTS)));

  private RolePermissions() {}

  static boolean allows(String role, Permission permission) {
    return ROLES.getOrDefault(role, Set.of()).contains(permission);
  }
}
