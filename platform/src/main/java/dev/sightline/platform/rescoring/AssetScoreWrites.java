package dev.sightline.platform.rescoring;

import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.rescoring.AssetScoring.ScoredAsset;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assets' new risk scores, written in one statement. Every scored asset gets its scored_at; the
 * count is of those whose score changed.
 */
final class AssetScoreWrites {
  private final List<Long> ids = new ArrayList<>();
  private final List<Integer> scores = new ArrayList<>();
  private final List<String> bands = new ArrayList<>();
  private final List<Integer> acs = new ArrayList<>();
  private long changed;

  void add(ScoredAsset a) {
    ScoreInputs.AssetInput in = a.input();
    if (!Objects.equals(in.storedRisk(), a.risk().score())
        || !a.risk().band().name().equals(in.storedBand())
        || !Objects.equals(in.storedAcs(), a.criticality().acs())) {
      changed++;
    }
    ids.add(in.assetId());
    scores.add(a.risk().score());
    bands.add(a.risk().band().name());
    acs.add(a.criticality().acs());
  }

  int size() {
    return ids.size();
  }

  long write(Connection c, Instant now) throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    Jdbc.update(
        c,
        "UPDATE asset a SET risk_score = v.score, risk_band = v.band, acs = v.acs,"
            + " scored_at = ? FROM unnest(?::bigint[], ?::integer[], ?::text[], ?::integer[])"
            + " AS v(id, score, band, acs) WHERE a.id = v.id",
        now,
        ids.toArray(new Long[0]),
        scores.toArray(new Integer[0]),
        bands.toArray(new String[0]),
        acs.toArray(new Integer[0]));
    return changed;
  }
}
