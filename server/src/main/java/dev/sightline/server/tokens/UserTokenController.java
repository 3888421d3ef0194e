package dev.sightline.server.tokens;

import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import dev.sightline.server.users.Users;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An admin's hand on anyone's tokens: service accounts and scripts, and revoking a leak. */
@RestController
class UserTokenController {
  private final ApiTokens tokens;
  private final AuditTrail audit;
  private final Users users;

  UserTokenController(ApiTokens tokens, Users users, AuditTrail audit) {
    this.tokens = tokens;
    this.users = users;
    this.audit = audit;
  }

  @GetMapping("/api/v1/users/{id}/tokens")
  List<TokenResponse> list(@PathVariable UUID id) {
    users.get(id);
    return tokens.list(id).stream().map(TokenResponse::of).toList();
  }

  @PostMapping("/api/v1/users/{id}/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  TokenResponse issue(@PathVariable UUID id, @RequestBody TokenRequest body) {
    String owner = users.get(id).username();
    return audit.change(
        AuditAction.TOKEN_CREATE,
        owner + "/" + body.name(),
        null,
        "issued by an admin",
        () -> TokenResponse.issued(tokens.issue(id, body.name(), body.expiresAt())),
        TokenResponse::withoutToken);
  }

  @DeleteMapping("/api/v1/users/{id}/tokens/{tokenId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable UUID id, @PathVariable UUID tokenId) {
    String owner = users.get(id).username();
    audit.change(
        AuditAction.TOKEN_REVOKE,
        owner + "/" + tokenId,
        null,
        "revoked by an admin",
        () -> TokenResponse.of(tokens.revoke(id, tokenId)),
        revoked -> revoked);
  }
}
