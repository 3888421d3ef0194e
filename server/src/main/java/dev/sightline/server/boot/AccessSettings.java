package dev.sightline.server.boot;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How people and scripts sign in: the first admin's password, the session's idle timeout and, when
 * {@code SIGHTLINE_OIDC_ISSUER} is set, single sign-on. {@link #toString} leaves out the secrets.
 *
 * @param adminPassword SIGHTLINE_ADMIN_PASSWORD: the first admin's password, set at every start
 * @param sessionIdle SIGHTLINE_SESSION_IDLE_MINUTES (default 30): a session unused this long ends
 */
public record AccessSettings(
    Optional<String> adminPassword, Duration sessionIdle, Optional<Oidc> oidc) {

  public static AccessSettings none() {
    return new AccessSettings(Optional.empty(), Duration.ofMinutes(30), Optional.empty());
  }

  public AccessSettings withOidc(Oidc settings) {
    return new AccessSettings(adminPassword, sessionIdle, Optional.of(settings));
  }

  public AccessSettings withAdminPassword(String password) {
    return new AccessSettings(Optional.of(password), sessionIdle, oidc);
  }

  static AccessSettings fromEnvironment(Map<String, String> env) {
    Optional<String> issuer = value(env, "SIGHTLINE_OIDC_ISSUER");
    Optional<Oidc> oidc =
        issuer.map(
            url ->
                new Oidc(
                    url,
                    value(env, "SIGHTLINE_OIDC_CLIENT_ID")
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "SIGHTLINE_OIDC_ISSUER is set but SIGHTLINE_OIDC_CLIENT_ID is"
                                        + " not: set the client id the identity provider gave"
                                        + " Sightline, or unset SIGHTLINE_OIDC_ISSUER")),
                    value(env, "SIGHTLINE_OIDC_CLIENT_SECRET").orElse(""),
                    value(env, "SIGHTLINE_OIDC_ROLES_CLAIM").orElse("roles")));
    return new AccessSettings(
        value(env, "SIGHTLINE_ADMIN_PASSWORD"), Duration.ofMinutes(idleMinutes(env)), oidc);
  }

  private static long idleMinutes(Map<String, String> env) {
    String raw = env.getOrDefault("SIGHTLINE_SESSION_IDLE_MINUTES", "30").trim();
    try {
      long minutes = Long.parseLong(raw);
      if (minutes >= 1 && minutes <= 24 * 60) {
        return minutes;
      }
    } catch (NumberFormatException e) {
      // worded below
    }
    throw new IllegalArgumentException(
        "SIGHTLINE_SESSION_IDLE_MINUTES is '"
            + raw
            + "': set it to a whole number of minutes from 1 to 1440");
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "AccessSettings[adminPassword given="
        + adminPassword.isPresent()
        + ", sessionIdle="
        + sessionIdle
        + ", oidc="
        + oidc.map(Oidc::toString).orElse("off")
        + "]";
  }

  /**
   * Single sign-on through an OpenID Connect provider.
   *
   * @param issuer SIGHTLINE_OIDC_ISSUER, the provider's issuer URL (its discovery document lies
   *     under it)
   * @param rolesClaim SIGHTLINE_OIDC_ROLES_CLAIM (default {@code roles}): the claim whose values
   *     name Sightline roles
   */
  public record Oidc(String issuer, String clientId, String clientSecret, String rolesClaim) {
    @Override
    public String toString() {
      return "Oidc[issuer="
          + issuer
          + ", clientId="
          + clientId
          + ", rolesClaim="
          + rolesClaim
          + "]";
    }
  }
}
