package dev.sightline.server.console.admin;

import dev.sightline.server.access.SignedIn;
import dev.sightline.server.tokens.ApiTokens;
import dev.sightline.server.users.UserView;
import dev.sightline.server.users.Users;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * API tokens: one user's at a time (chosen with {@code ?user=}; oneself by default), and the
 * signed-in person's own. Listings never carry a token; issuing one shows it once, in the browser
 * that asked ({@code admin.js}); issuing and revoking are calls to the API.
 */
@Controller
class TokensPage {
  private final Users users;
  private final ApiTokens tokens;

  TokensPage(Users users, ApiTokens tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  @GetMapping("/tokens")
  String tokens(
      @AuthenticationPrincipal SignedIn me, @RequestParam Optional<String> user, Model model) {
    List<UserView> everyone = users.list();
    UUID chosen =
        user.flatMap(TokensPage::uuid)
            .filter(id -> everyone.stream().anyMatch(u -> u.id().equals(id)))
            .orElse(me.userId());
    UserView owner = everyone.stream().filter(u -> u.id().equals(chosen)).findFirst().orElseThrow();
    model.addAttribute("users", everyone);
    model.addAttribute("owner", owner);
    model.addAttribute("ownerTokens", tokens.list(owner.id()));
    model.addAttribute("mine", owner.id().equals(me.userId()));
    model.addAttribute("myTokens", tokens.list(me.userId()));
    return "admin/tokens";
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
