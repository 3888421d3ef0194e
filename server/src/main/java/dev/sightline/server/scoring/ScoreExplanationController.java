package dev.sightline.server.scoring;

import dev.sightline.platform.rescoring.AssetScores;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Why an asset has its score: recomputed term by term, beside the stored score. */
@RestController
class ScoreExplanationController {
  private final AssetScores scores;

  ScoreExplanationController(AssetScores scores) {
    this.scores = scores;
  }

  /** The asset's risk, term by term, and every open finding's QDS with its reasons. */
  @GetMapping("/api/v1/assets/{id}/score")
  ScoreExplanationResponse score(@PathVariable long id) {
    return ScoreExplanationResponse.from(scores.explain(id));
  }
}
