package dev.sightline.server.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four roles; a user has exactly one. What each may do is written in {@link AccessRules}. */
public enum Role {
  /** Everything, users and tokens of others included. */
  ADMIN,
  /** Connectors, runs, maps, mappings, scoring settings, intelligence imports. */
  OPERATOR,
  /** Reads inventory, findings and runs; sets decisions and criticality. */
  ANALYST,
  /** Reads the audit log and the settings, nothing else. */
  AUDITOR;

  /** Spring Security's authority for the role. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** A role named in any letter case, e.g. from an OIDC claim; empty when it names none. */
  public static Optional<Role> named(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String wanted = value.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
  }

  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
  }
}
