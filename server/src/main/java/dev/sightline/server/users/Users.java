package dev.sightline.server.users;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.server.access.Role;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The users: who exists, with which role, and whether a password signs them in. The last admin can
 * be neither removed nor demoted, so the server can always be administered.
 */
public final class Users {
  /** The first admin's name, made at first start. */
  public static final String FIRST_ADMIN = "admin";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}");
  private static final String COLUMNS =
      "id, username, display_name, role, origin, password_hash IS NOT NULL AS has_password,"
          + " created_at, updated_at, last_sign_in_at";

  private final Jdbc jdbc;
  private final Clock clock;
  private final Passwords passwords;

  public Users(Jdbc jdbc, Clock clock, Passwords passwords) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.passwords = passwords;
  }

  public List<UserView> list() {
    return jdbc.query("SELECT " + COLUMNS + " FROM app_user ORDER BY lower(username)", Users::view);
  }

  public Optional<UserView> find(UUID id) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM app_user WHERE id = ?", Users::view, id);
  }

  public UserView get(UUID id) {
    return find(id).orElseThrow(() -> notFound(id));
  }

  public Optional<UserView> byName(String username) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM app_user WHERE lower(username) = lower(?)",
        Users::view,
        username);
  }

  /** A new local user; the name must be free in any letter case. */
  public UserView create(NewUser user) {
    List<InvalidRequestException.Problem> problems = new ArrayList<>();
    if (user.username() == null || !NAME.matcher(user.username()).matches()) {
      problems.add(
          new InvalidRequestException.Problem(
              "username",
              "is required: 1 to 100 letters, digits or . _ @ + - (starting with a letter or"
                  + " digit)"));
    }
    if (user.role() == null) {
      problems.add(new InvalidRequestException.Problem("role", "is required: " + Role.names()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    passwords.check("password", user.username(), user.password());
    String hash = passwords.hash(user.password());
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    int inserted =
        jdbc.update(
            "INSERT INTO app_user (id, username, display_name, role, password_hash, origin,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'LOCAL', ?, ?)"
                + " ON CONFLICT DO NOTHING",
            id,
            user.username(),
            blankToNull(user.displayName()),
            user.role().name(),
            hash,
            now,
            now);
    if (inserted == 0) {
      throw new ConflictException(
          "A user named '"
              + user.username()
              + "' already exists (names are compared in any letter case): choose another name");
    }
    return get(id);
  }

  /** Changes what is given; a role change away from ADMIN keeps at least one admin. */
  public UserView edit(UUID id, UserEdit edit) {
    UserView before = get(id);
    if (edit.password() != null) {
      passwords.check("password", before.username(), edit.password());
    }
    String hash = edit.password() == null ? null : passwords.hash(edit.password());
    jdbc.inTransaction(
        c -> {
          if (edit.role() != null && edit.role() != Role.ADMIN && before.role() == Role.ADMIN) {
            keepAnAdmin(c, id, "change the role of");
          }
          Jdbc.update(
              c,
              "UPDATE app_user SET role = coalesce(?, role),"
                  + " display_name = CASE WHEN ? THEN ? ELSE display_name END,"
                  + " password_hash = coalesce(?, password_hash), updated_at = ? WHERE id = ?",
              edit.role() == null ? null : edit.role().name(),
              edit.displayName() != null,
              blankToNull(edit.displayName()),
              hash,
              clock.instant(),
              id);
          return null;
        });
    return get(id);
  }

  /** Removes the user and, with them, every token they held; never the last admin. */
  public UserView delete(UUID id) {
    UserView before = get(id);
    jdbc.inTransaction(
        c -> {
          if (before.role() == Role.ADMIN) {
            keepAnAdmin(c, id, "remove");
          }
          Jdbc.update(c, "DELETE FROM app_user WHERE id = ?", id);
          return null;
        });
    return before;
  }

  /**
   * Locks every admin row, then refuses when the user is the only one: two admins removing each
   * other at once cannot both succeed.
   */
  private static void keepAnAdmin(Connection c, UUID id, String verb) throws SQLException {
    List<UUID> admins =
        Jdbc.query(
            c,
            "SELECT id FROM app_user WHERE role = 'ADMIN' ORDER BY id FOR UPDATE",
            rs -> rs.getObject(1, UUID.class));
    if (admins.size() <= 1 && admins.contains(id)) {
      throw new ConflictException(
          "This is the last admin: give another user the ADMIN role first, then " + verb + " it");
    }
  }

  /** The user whose password this is, if it is. Throttling is the caller's. */
  public Optional<UserView> verify(String username, String password) {
    Optional<String> hash =
        username == null
            ? Optional.empty()
            : jdbc.queryOne(
                "SELECT coalesce(password_hash, '') FROM app_user WHERE lower(username) = lower(?)",
                rs -> rs.getString(1),
                username);
    String stored = hash.filter(h -> !h.isEmpty()).orElse(null);
    if (!passwords.matches(password, stored)) {
      return Optional.empty();
    }
    jdbc.update(
        "UPDATE app_user SET last_sign_in_at = ? WHERE lower(username) = lower(?)",
        clock.instant(),
        username);
    return byName(username);
  }

  /**
   * The user a single sign-on names, made or brought up to date with the role the identity provider
   * gives now: the provider decides, at every sign-in.
   */
  public UserView signedInElsewhere(String username, String displayName, Role role) {
    Instant now = clock.instant();
    jdbc.update(
        "INSERT INTO app_user (id, username, display_name, role, origin, created_at, updated_at,"
            + " last_sign_in_at) VALUES (?, ?, ?, ?, 'OIDC', ?, ?, ?)"
            + " ON CONFLICT ((lower(username))) DO UPDATE SET role = EXCLUDED.role,"
            + " display_name = coalesce(EXCLUDED.display_name, app_user.display_name),"
            + " last_sign_in_at = EXCLUDED.last_sign_in_at, updated_at = EXCLUDED.updated_at"
            // A local account of the same name is never taken over by a sign-on.
            + " WHERE app_user.origin = 'OIDC'",
        UUID.randomUUID(),
        username,
        blankToNull(displayName),
        role.name(),
        now,
        now,
        now);
    UserView user = byName(username).orElseThrow();
    if (!"OIDC".equals(user.origin())) {
      throw new ConflictException(
          "The single sign-on names '"
              + username
              + "', which is a local Sightline user: an admin renames or removes the local user,"
              + " or the person signs in with the local password");
    }
    return user;
  }

  /**
   * Makes sure the first admin exists. With a password given (SIGHTLINE_ADMIN_PASSWORD) it is set,
   * at every start, so an operator who lost it can set it again; without one, a first start makes
   * one, returned so it is shown once. A first admin removed on purpose comes back only when a
   * bootstrap password or token (SIGHTLINE_ADMIN_TOKEN, which is its token) is given.
   */
  public Optional<String> ensureFirstAdmin(Optional<String> givenPassword, boolean tokenGiven) {
    givenPassword.ifPresent(p -> passwords.check("SIGHTLINE_ADMIN_PASSWORD", FIRST_ADMIN, p));
    Optional<UserView> admin = byName(FIRST_ADMIN);
    boolean anyAdmin =
        jdbc.queryOne("SELECT 1 FROM app_user WHERE role = 'ADMIN' LIMIT 1", rs -> 1).isPresent();
    if (admin.isPresent()) {
      givenPassword.ifPresent(
          p ->
              jdbc.update(
                  "UPDATE app_user SET password_hash = ?, updated_at = ? WHERE id = ?",
                  passwords.hash(p),
                  clock.instant(),
                  admin.get().id()));
      return Optional.empty();
    }
    if (anyAdmin && givenPassword.isEmpty() && !tokenGiven) {
      return Optional.empty(); // 'admin' was removed on purpose by another admin
    }
    String password = givenPassword.orElseGet(Users::generatedPassword);
    Instant now = clock.instant();
    jdbc.update(
        "INSERT INTO app_user (id, username, display_name, role, password_hash, origin,"
            + " created_at, updated_at) VALUES (?, ?, 'Administrator', 'ADMIN', ?, 'LOCAL', ?, ?)"
            + " ON CONFLICT DO NOTHING",
        UUID.randomUUID(),
        FIRST_ADMIN,
        passwords.hash(password),
        now,
        now);
    return givenPassword.isPresent() ? Optional.empty() : Optional.of(password);
  }

  private static String generatedPassword() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("No user with id " + id + ": list them with GET /api/v1/users");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static UserView view(ResultSet rs) throws SQLException {
    return new UserView(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role")),
        rs.getString("origin"),
        rs.getBoolean("has_password"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("updated_at")),
        instant(rs.getTimestamp("last_sign_in_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** What a new user is made of. */
  public record NewUser(String username, String password, Role role, String displayName) {
    @Override
    public String toString() {
      return "NewUser[username=" + username + ", role=" + role + "]";
    }
  }

  /** A change to a user: null fields stay as they are. */
  public record UserEdit(String password, Role role, String displayName) {
    @Override
    public String toString() {
      return "UserEdit[role=" + role + ", displayName=" + displayName + "]";
    }
  }
}
