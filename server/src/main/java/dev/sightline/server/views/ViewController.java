package dev.sightline.server.views;

import dev.sightline.platform.savedviews.SavedView;
import dev.sightline.platform.savedviews.SavedViews;
import dev.sightline.server.access.Role;
import dev.sightline.server.access.SignedIn;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import dev.sightline.server.web.ForbiddenException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saved views: a user's own, private unless shared. Everyone who reads the inventory sees their own
 * views and the shared ones; only the owner or an admin changes or removes a view. Another user's
 * private view is answered as missing (404), so its name and query stay private; another user's
 * shared view can be read but not changed (403).
 */
@RestController
class ViewController {
  private final SavedViews views;
  private final AuditTrail audit;

  ViewController(SavedViews views, AuditTrail audit) {
    this.views = views;
    this.audit = audit;
  }

  @GetMapping("/api/v1/views")
  List<ViewResponse> list(@AuthenticationPrincipal SignedIn me) {
    return views.visibleTo(me.userId()).stream().map(ViewResponse::of).toList();
  }

  @PostMapping("/api/v1/views")
  @ResponseStatus(HttpStatus.CREATED)
  ViewResponse create(@AuthenticationPrincipal SignedIn me, @RequestBody ViewRequest body) {
    return audit.change(
        AuditAction.VIEW_CREATE,
        me.username() + "/" + (body == null ? "" : body.name()),
        null,
        null,
        () -> ViewResponse.of(views.create(me.userId(), body == null ? null : body.draft())),
        created -> created);
  }

  @GetMapping("/api/v1/views/{id}")
  ViewResponse view(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id) {
    return ViewResponse.of(visible(me, id));
  }

  @PatchMapping("/api/v1/views/{id}")
  ViewResponse edit(
      @AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @RequestBody ViewRequest body) {
    SavedView before = visible(me, id);
    return audit.change(
        AuditAction.VIEW_EDIT,
        id.toString(),
        ViewResponse.of(before),
        null,
        () -> {
          mayChange(me, before);
          return ViewResponse.of(views.edit(id, body == null ? null : body.draft()));
        },
        after -> after);
  }

  @DeleteMapping("/api/v1/views/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id) {
    SavedView before = visible(me, id);
    audit.change(
        AuditAction.VIEW_DELETE,
        id.toString(),
        ViewResponse.of(before),
        null,
        () -> {
          mayChange(me, before);
          return ViewResponse.of(views.delete(id));
        },
        deleted -> null);
  }

  /** The view, if the caller may see it: their own, a shared one, or any for an admin. */
  private SavedView visible(SignedIn me, UUID id) {
    return views
        .find(id)
        .filter(v -> v.shared() || v.changeableBy(me.userId(), me.role() == Role.ADMIN))
        .orElseThrow(() -> SavedViews.notFound(id));
  }

  private static void mayChange(SignedIn me, SavedView v) {
    if (!v.changeableBy(me.userId(), me.role() == Role.ADMIN)) {
      throw new ForbiddenException(
          "The view '"
              + v.name()
              + "' is "
              + v.owner()
              + "'s, shared for reading: only its owner or an admin may change or remove it;"
              + " save a copy of your own instead");
    }
  }
}
