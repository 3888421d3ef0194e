package dev.sightline.bench;

import dev.sightline.bench.SimulatedTenant.RequestBudget;
import dev.sightline.simulators.server.RequestRate;

/**
 * How much of a connector's request budget a phase used: the rate at which its budgeted calls
 * arrived at the simulator, over the configured rate. The target is 90 % or more.
 */
record BudgetUse(RequestBudget budget, RequestRate rate) {

  /** The share of the budget used, 1.0 for all of it. */
  double share() {
    return rate.useOf(budget.perSecond());
  }
}
