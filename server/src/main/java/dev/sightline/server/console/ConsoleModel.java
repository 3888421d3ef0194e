package dev.sightline.server.console;

import dev.sightline.server.access.SignedIn;
import dev.sightline.server.signin.SingleSignOn;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page's frame needs: who is signed in, what their role may do, where they are
 * (for the navigation), and whether single sign-on is on.
 */
@ControllerAdvice(basePackages = "dev.sightline.server.console")
class ConsoleModel {
  private final boolean singleSignOn;

  ConsoleModel(ObjectProvider<SingleSignOn> sso) {
    this.singleSignOn = sso.getIfAvailable() != null;
  }

  @ModelAttribute("who")
  SignedIn who(Authentication authentication) {
    return authentication != null && authentication.getPrincipal() instanceof SignedIn s ? s : null;
  }

  @ModelAttribute("may")
  Permissions may(Authentication authentication) {
    SignedIn who = who(authentication);
    return new Permissions(who == null ? null : who.role());
  }

  @ModelAttribute("path")
  String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @ModelAttribute("singleSignOn")
  boolean singleSignOn() {
    return singleSignOn;
  }
}
