package dev.sightline.server.console;

import dev.sightline.server.access.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's front door: the sign-in form for a person not signed in, the dashboard for one who
 * is.
 */
@Controller
class HomeController {
  private final Dashboard dashboard;

  HomeController(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping("/")
  String home(
      @AuthenticationPrincipal SignedIn who,
      @RequestParam(required = false) String next,
      Model model) {
    if (who == null) {
      model.addAttribute("next", SafeNext.of(next));
      return "console/signin";
    }
    return dashboard.render(who, model);
  }
}
