package dev.sightline.server.console;

import dev.sightline.server.access.SignedIn;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The landing page after sign-in: where the risk is and how the connectors are doing. */
@Component
class Dashboard {
  String render(SignedIn who, Model model) {
    return "console/dashboard";
  }
}
