package dev.sightline.server.users;

import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** People and service accounts, each with one role. */
@RestController
class UserController {
  private final Users users;
  private final AuditTrail audit;

  UserController(Users users, AuditTrail audit) {
    this.users = users;
    this.audit = audit;
  }

  @GetMapping("/api/v1/users")
  List<UserResponse> list() {
    return users.list().stream().map(UserResponse::of).toList();
  }

  @GetMapping("/api/v1/users/{id}")
  UserResponse get(@PathVariable UUID id) {
    return UserResponse.of(users.get(id));
  }

  @PostMapping("/api/v1/users")
  @ResponseStatus(HttpStatus.CREATED)
  UserResponse create(@RequestBody UserRequest body) {
    return audit.change(
        AuditAction.USER_CREATE,
        body.username(),
        null,
        null,
        () ->
            UserResponse.of(
                users.create(
                    new Users.NewUser(
                        body.username(), body.password(), body.parsedRole(), body.displayName()))),
        made -> made);
  }

  @PatchMapping("/api/v1/users/{id}")
  UserResponse edit(@PathVariable UUID id, @RequestBody UserRequest body) {
    if (body.username() != null && !body.username().equals(users.get(id).username())) {
      throw new dev.sightline.platform.errors.InvalidRequestException(
          "username", "cannot be changed: create a new user and remove this one");
    }
    UserResponse before = UserResponse.of(users.get(id));
    // Recorded like every other change to a user; a new password is named, never shown.
    return audit.change(
        AuditAction.USER_EDIT,
        before.username(),
        before,
        body.password() == null ? null : "password changed",
        () ->
            UserResponse.of(
                users.edit(
                    id,
                    new Users.UserEdit(body.password(), body.parsedRole(), body.displayName()))),
        changed -> changed);
  }

  @DeleteMapping("/api/v1/users/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    UserResponse before = UserResponse.of(users.get(id));
    audit.change(
        AuditAction.USER_DELETE,
        before.username(),
        before,
        "with every token the user held",
        () -> users.delete(id),
        removed -> null);
  }
}
