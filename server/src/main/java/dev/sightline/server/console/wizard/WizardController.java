package dev.sightline.server.console.wizard;

import dev.sightline.connector.CheckResult;
import dev.sightline.platform.connectors.ConnectorScope;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.connectors.ScheduleView;
import dev.sightline.server.console.wizard.WizardForms.CheckForm;
import dev.sightline.server.console.wizard.WizardForms.Editing;
import dev.sightline.server.console.wizard.WizardForms.ScopeForm;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The seeds' three-step wizard: Profile & Connectivity, Scope & Schedule, Review & Confirm, for a
 * new connector and, on the same screens, for Edit Connector. The page reads what the platform
 * declares; the browser makes every change through the REST API (test, create or edit, then the
 * advanced settings), so the API's rules, roles and audit apply unchanged.
 */
@Controller
class WizardController {
  /** The seed's names for the five checks, in the order they run. */
  private static final Map<CheckResult.Check, String> CHECK_LABELS =
      Map.of(
          CheckResult.Check.NETWORK_REACHABILITY, "Network Reachability",
          CheckResult.Check.TLS_HANDSHAKE, "TLS Handshake",
          CheckResult.Check.AUTHENTICATION, "Authentication Credential Check",
          CheckResult.Check.AUTHORIZATION_SCOPE, "Authorization Scope Check",
          CheckResult.Check.DATA_FETCH, "Data Fetch");

  private final WizardCatalog catalog;
  private final ConnectorService connectors;
  private final Clock clock;
  private final List<String> zones;

  WizardController(WizardCatalog catalog, ConnectorService connectors, Clock clock) {
    this.catalog = catalog;
    this.connectors = connectors;
    this.clock = clock;
    // The server's own zone leads, so a schedule without a chosen zone reads as create reads it.
    java.util.TreeSet<String> ids = new java.util.TreeSet<>(ZoneId.getAvailableZoneIds());
    ids.remove(clock.getZone().getId());
    List<String> all = new java.util.ArrayList<>();
    all.add(clock.getZone().getId());
    all.addAll(ids);
    this.zones = List.copyOf(all);
  }

  @GetMapping("/connectors/new")
  String create(Model model) {
    common(model);
    model.addAttribute("types", catalog.all());
    model.addAttribute("editing", null);
    model.addAttribute("scope", freshScope());
    return "wizard/wizard";
  }

  @GetMapping("/connectors/{id}/edit")
  String edit(@PathVariable UUID id, Model model) {
    ConnectorView c = connectors.get(id);
    common(model);
    ScopeForm scope = scopeOf(c);
    model.addAttribute("types", List.of(catalog.of(c)));
    model.addAttribute(
        "editing",
        new Editing(
            c.id().toString(),
            c.type(),
            c.name(),
            c.description(),
            c.draft(),
            scope,
            c.useProxy()));
    model.addAttribute("scope", scope);
    return "wizard/wizard";
  }

  private void common(Model model) {
    model.addAttribute("descriptionMax", ConnectorService.DESCRIPTION_MAX);
    model.addAttribute("nameMax", ConnectorService.NAME_MAX);
    model.addAttribute(
        "checks",
        java.util.Arrays.stream(CheckResult.Check.values())
            .map(c -> new CheckForm(c.name(), CHECK_LABELS.get(c)))
            .toList());
    model.addAttribute("zones", zones);
  }

  /** Assets & Findings, daily from now in the server's zone, everything fetched: the defaults. */
  private ScopeForm freshScope() {
    LocalDateTime now =
        LocalDateTime.ofInstant(clock.instant(), clock.getZone()).truncatedTo(ChronoUnit.MINUTES);
    return new ScopeForm(
        "Assets & Findings",
        true,
        "DAILY",
        "",
        clock.getZone().getId(),
        now.toLocalDate().toString(),
        now.toLocalTime().toString(),
        false,
        ConnectorScope.EVERYTHING.atOffset(ZoneOffset.UTC).toLocalDate().toString());
  }

  private ScopeForm scopeOf(ConnectorView c) {
    ScopeForm fresh = freshScope();
    ScheduleView s = c.schedule().orElse(null);
    return new ScopeForm(
        c.dataToSync(),
        s == null || !"ONCE".equals(s.occurs()),
        s == null || "ONCE".equals(s.occurs()) ? "DAILY" : s.occurs(),
        s == null ? "" : s.cron().orElse(""),
        s == null ? fresh.timezone() : s.timezone(),
        s == null ? fresh.startDate() : s.start().toLocalDate().toString(),
        s == null ? fresh.startTime() : s.start().toLocalTime().toString(),
        c.scope().sampling(),
        c.scope().fetchFrom().atOffset(ZoneOffset.UTC).toLocalDate().toString());
  }
}
