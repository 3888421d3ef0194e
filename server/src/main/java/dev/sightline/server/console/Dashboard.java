package dev.sightline.server.console;

import dev.sightline.server.access.SignedIn;
import dev.sightline.server.console.dashboard.DashboardReader;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The landing page after sign-in: where the risk is and how the connectors are doing. */
@Component
class Dashboard {
  private final DashboardReader reader;

  Dashboard(DashboardReader reader) {
    this.reader = reader;
  }

  String render(SignedIn who, Model model) {
    // Read with the role's own permissions: a part the role may not read is not even counted.
    model.addAttribute("board", reader.read(new Permissions(who.role())));
    return "console/dashboard";
  }
}
