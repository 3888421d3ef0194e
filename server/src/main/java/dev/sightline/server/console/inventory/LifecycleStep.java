package dev.sightline.server.console.inventory;

import dev.sightline.platform.views.FindingView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A step of a finding's lifecycle, from the dates the finding keeps (first found, reopened, fixed,
 * last found, a decision until): the inventory stores the latest of each, not every transition.
 */
record LifecycleStep(Instant at, String what) {
  static List<LifecycleStep> of(FindingView f) {
    List<LifecycleStep> steps = new ArrayList<>();
    add(steps, f.firstFound(), "First found (NEW)");
    add(steps, f.reopenedOn(), "Reopened (REOPENED)");
    add(steps, f.fixedOn(), "Fixed (FIXED)");
    add(steps, f.lastFound(), "Last found by a source");
    if (f.decision() != null) {
      add(steps, f.decisionUntil(), "Decision " + f.decision() + " holds until here");
    }
    steps.sort(Comparator.comparing(LifecycleStep::at));
    return steps;
  }

  private static void add(List<LifecycleStep> steps, Instant at, String what) {
    if (at != null) {
      steps.add(new LifecycleStep(at, what));
    }
  }
}
