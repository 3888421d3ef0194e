package dev.sightline.server.console.admin;

import dev.sightline.server.access.Role;
import dev.sightline.server.users.Users;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Users: who may sign in, with which role. The page reads the users as the API lists them;
 * creating, changing a role and removing are the browser's calls to {@code /api/v1/users}, so the
 * API's rules (the last admin kept) and its audit apply, and its refusals are shown in its words.
 */
@Controller
class UsersPage {
  private final Users users;

  UsersPage(Users users) {
    this.users = users;
  }

  @GetMapping("/users")
  String users(Model model) {
    model.addAttribute("users", users.list());
    model.addAttribute("roles", List.of(Role.values()));
    return "admin/users";
  }
}
