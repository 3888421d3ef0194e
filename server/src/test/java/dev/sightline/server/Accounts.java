package dev.sightline.server;

import java.util.Map;

/** Users and their tokens made through the API, as an admin would. */
final class Accounts {
  static final String PASSWORD = "Correct-Horse-Battery-9";

  private final TestServer server;

  Accounts(TestServer server) {
    this.server = server;
  }

  /** A new user of the role; its id. */
  String user(String username, String role) {
    TestServer.Response made =
        server.post(
            "/api/v1/users", Map.of("username", username, "password", PASSWORD, "role", role));
    if (made.status() != 201) {
      throw new AssertionError("creating " + username + " answered " + made.text());
    }
    return made.json().path("id").asText();
  }

  /** A token issued by the admin to the user; the token itself. */
  String token(String userId, String name) {
    TestServer.Response issued =
        server.post("/api/v1/users/" + userId + "/tokens", Map.of("name", name));
    if (issued.status() != 201) {
      throw new AssertionError("issuing a token answered " + issued.text());
    }
    return issued.json().path("token").asText();
  }

  /** A new user of the role and a token for it. */
  String tokenOfNewUser(String username, String role) {
    return token(user(username, role), "test");
  }
}
