package dev.sightline.server.console.dashboard;

import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.server.access.SignedIn;
import dev.sightline.server.console.Permissions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboard's charts, one request each: the page draws at once and each chart follows as its
 * count comes, so one slow count (a grouping over millions of findings) holds up only its own
 * chart. A count stopped by the statement timeout is said in its chart's place.
 */
@Controller
class DashboardCharts {
  private final DashboardReader reader;

  DashboardCharts(DashboardReader reader) {
    this.reader = reader;
  }

  @GetMapping("/dashboard/charts/{id}")
  String chart(@AuthenticationPrincipal SignedIn who, @PathVariable String id, Model model) {
    Permissions may = new Permissions(who.role());
    Board.Slot slot =
        reader.slot(id, may).orElseThrow(() -> new NotFoundException("No dashboard chart " + id));
    try {
      model.addAttribute("c", reader.chart(id, may).orElseThrow());
      return "console/dashboard-parts :: chart";
    } catch (InvalidRequestException e) {
      model.addAttribute("slot", slot);
      model.addAttribute("message", e.getMessage());
      return "console/dashboard-parts :: failed";
    }
  }

  @GetMapping("/dashboard/trend")
  String trend(@AuthenticationPrincipal SignedIn who, Model model) {
    model.addAttribute(
        "t",
        reader
            .trend(new Permissions(who.role()))
            .orElseThrow(() -> new NotFoundException("No dashboard chart trend")));
    return "console/dashboard-parts :: trend";
  }
}
