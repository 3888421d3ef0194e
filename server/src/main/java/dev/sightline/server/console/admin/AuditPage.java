package dev.sightline.server.console.admin;

import dev.sightline.platform.audit.AuditLog;
import dev.sightline.platform.audit.AuditQuery;
import dev.sightline.platform.audit.RecordedEntry;
import dev.sightline.platform.views.PageOf;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log, newest first, filtered as the API filters it (from, to, actor, action) and paged;
 * the filter is in the URL, so a link reproduces it. Days are UTC days: {@code to} includes its
 * whole day.
 */
@Controller
class AuditPage {
  static final int PAGE_SIZE = 50;

  private final AuditLog log;

  AuditPage(AuditLog log) {
    this.log = log;
  }

  @GetMapping("/audit")
  String audit(
      @RequestParam Optional<String> from,
      @RequestParam Optional<String> to,
      @RequestParam Optional<String> actor,
      @RequestParam Optional<String> action,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    List<String> problems = new ArrayList<>();
    Optional<Instant> start =
        day("From", from, problems).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
    Optional<Instant> end =
        day("To", to, problems).map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    Optional<String> who = actor.map(String::trim).filter(a -> !a.isEmpty());
    Optional<String> what = action.map(String::trim).filter(a -> !a.isEmpty());
    int pageNo = Math.max(0, page);
    model.addAttribute("from", from.orElse(""));
    model.addAttribute("to", to.orElse(""));
    model.addAttribute("actor", who.orElse(""));
    model.addAttribute("action", what.orElse(""));
    model.addAttribute("problems", problems);
    if (!problems.isEmpty()) {
      model.addAttribute("entries", new PageOf<RecordedEntry>(0, pageNo, PAGE_SIZE, List.of()));
      return "admin/audit";
    }
    PageOf<RecordedEntry> entries =
        log.find(new AuditQuery(start, end, who, what, pageNo, PAGE_SIZE));
    model.addAttribute("entries", entries);
    model.addAttribute("first", entries.items().isEmpty() ? 0 : pageNo * PAGE_SIZE + 1);
    model.addAttribute("last", pageNo * PAGE_SIZE + entries.items().size());
    model.addAttribute("previous", pageNo > 0 ? link(from, to, who, what, pageNo - 1) : null);
    model.addAttribute(
        "next",
        (long) (pageNo + 1) * PAGE_SIZE < entries.total()
            ? link(from, to, who, what, pageNo + 1)
            : null);
    return "admin/audit";
  }

  private static Optional<LocalDate> day(
      String label, Optional<String> text, List<String> problems) {
    Optional<String> given = text.map(String::trim).filter(t -> !t.isEmpty());
    try {
      return given.map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      problems.add(label + " must be a day such as 2026-03-01; it was '" + given.get() + "'");
      return Optional.empty();
    }
  }

  private static String link(
      Optional<String> from,
      Optional<String> to,
      Optional<String> actor,
      Optional<String> action,
      int page) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/audit");
    from.filter(f -> !f.isBlank()).ifPresent(f -> b.queryParam("from", f));
    to.filter(t -> !t.isBlank()).ifPresent(t -> b.queryParam("to", t));
    actor.ifPresent(a -> b.queryParam("actor", a));
    action.ifPresent(a -> b.queryParam("action", a));
    b.queryParam("page", page);
    return b.encode().build().toUriString();
  }
}
