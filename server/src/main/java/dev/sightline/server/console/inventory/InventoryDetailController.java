package dev.sightline.server.console.inventory;

import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.rescoring.AssetScores;
import dev.sightline.platform.views.AssetSourceView;
import dev.sightline.platform.views.AssetView;
import dev.sightline.platform.views.FindingView;
import dev.sightline.platform.views.InventoryQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One asset and one finding, read as the API reads them ({@link InventoryQueries}, the score
 * explanation of {@link AssetScores}). Changes (criticality, unlink, decisions) are made by the
 * browser calling the API, so they pass the same roles, checks and audit as any client.
 */
@Controller
class InventoryDetailController {
  private final InventoryQueries queries;
  private final AssetScores scores;

  InventoryDetailController(InventoryQueries queries, AssetScores scores) {
    this.queries = queries;
    this.scores = scores;
  }

  @GetMapping("/assets/{id}")
  String asset(
      @PathVariable long id,
      @RequestParam(required = false) List<Long> split,
      Model model,
      HttpServletResponse response) {
    Optional<AssetView> asset = queries.asset(id);
    if (asset.isEmpty()) {
      return missing(model, response, "No asset has id " + id + ".", "/assets", "Assets > Host");
    }
    AssetView a = asset.get();
    model.addAttribute("asset", a);
    model.addAttribute("fmt", new Formats());
    model.addAttribute("riskBadge", Badge.score(a.riskScore(), a.riskBand()));
    Optional<AssetScores.Explanation> explanation = explain(id);
    model.addAttribute("explanation", explanation);
    model.addAttribute(
        "explainedBadge",
        explanation.map(e -> Badge.score(e.risk().score(), e.risk().band().name())).orElse(null));
    model.addAttribute("findingsHref", "/findings?q=" + Links.enc("asset.id:" + id));
    model.addAttribute(
        "openFindingsHref",
        "/findings?q="
            + Links.enc("asset.id:" + id + " AND finding.state:[NEW, ACTIVE, REOPENED]")
            + "&sort="
            + Links.enc("-finding.qds"));
    model.addAttribute("split", split == null ? List.of() : split);
    model.addAttribute("unlinks", a.sources().stream().map(s -> unlink(a, s)).toList());
    return "inventory/asset";
  }

  @GetMapping("/findings/{id}")
  String finding(@PathVariable long id, Model model, HttpServletResponse response) {
    Optional<FindingView> finding = queries.finding(id);
    if (finding.isEmpty()) {
      return missing(
          model,
          response,
          "No finding has id " + id + ".",
          "/findings",
          "Findings > Vulnerability");
    }
    FindingView f = finding.get();
    model.addAttribute("finding", f);
    model.addAttribute("fmt", new Formats());
    model.addAttribute("severityBadge", Badge.severity(f.findingSeverity()));
    model.addAttribute("qdsBadge", Badge.score(f.qds(), f.qdsBand()));
    model.addAttribute("asset", queries.asset(f.assetId()).orElse(null));
    model.addAttribute("history", LifecycleStep.of(f));
    Optional<AssetScores.FindingLine> line =
        explain(f.assetId())
            .flatMap(e -> e.findings().stream().filter(l -> l.findingId() == id).findFirst());
    model.addAttribute("scoreLine", line.orElse(null));
    return "inventory/finding";
  }

  private Optional<AssetScores.Explanation> explain(long assetId) {
    try {
      return Optional.of(scores.explain(assetId));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The Unlink action of one source, and the confirmation naming what splits: this record leaves
   * the asset and becomes an asset of its own; the others stay.
   */
  private static Unlink unlink(AssetView a, AssetSourceView s) {
    List<AssetSourceView> others =
        a.sources().stream().filter(o -> o.sourceId() != s.sourceId()).toList();
    String record = describe(s);
    String staying =
        others.stream().map(InventoryDetailController::describe).collect(Collectors.joining(", "));
    String confirm =
        "Unlink "
            + record
            + " from asset "
            + a.id()
            + "? It becomes an asset of its own, with its findings; "
            + (others.isEmpty() ? "nothing stays." : staying + " stay on asset " + a.id() + ".")
            + " The scores of both are computed again.";
    return new Unlink(
        s.sourceId(), "{\"sources\":[" + s.sourceId() + "]}", confirm, !others.isEmpty());
  }

  private static String describe(AssetSourceView s) {
    return "the "
        + s.connectorName()
        + " record "
        + s.sourceRecordId()
        + (s.hostName() == null ? "" : " (" + s.hostName() + ")");
  }

  private static String missing(
      Model model, HttpServletResponse response, String message, String back, String backLabel) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("message", message);
    model.addAttribute("back", back);
    model.addAttribute("backLabel", backLabel);
    return "inventory/missing";
  }

  /** One source's Unlink button: the call's body and what the confirmation says will split. */
  record Unlink(long sourceId, String body, String confirm, boolean possible) {}
}
