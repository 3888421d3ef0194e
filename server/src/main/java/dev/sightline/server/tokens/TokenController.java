package dev.sightline.server.tokens;

import dev.sightline.server.access.SignedIn;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** One's own API tokens, for scripts that act as oneself. */
@RestController
class TokenController {
  private final ApiTokens tokens;
  private final AuditTrail audit;

  TokenController(ApiTokens tokens, AuditTrail audit) {
    this.tokens = tokens;
    this.audit = audit;
  }

  @GetMapping("/api/v1/tokens")
  List<TokenResponse> list(@AuthenticationPrincipal SignedIn me) {
    return tokens.list(me.userId()).stream().map(TokenResponse::of).toList();
  }

  @PostMapping("/api/v1/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  TokenResponse issue(@AuthenticationPrincipal SignedIn me, @RequestBody TokenRequest body) {
    return audit.change(
        AuditAction.TOKEN_CREATE,
        me.username() + "/" + body.name(),
        null,
        null,
        () -> TokenResponse.issued(tokens.issue(me.userId(), body.name(), body.expiresAt())),
        TokenResponse::withoutToken);
  }

  @DeleteMapping("/api/v1/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id) {
    audit.change(
        AuditAction.TOKEN_REVOKE,
        me.username() + "/" + id,
        null,
        null,
        () -> TokenResponse.of(tokens.revoke(me.userId(), id)),
        revoked -> revoked);
  }
}
