package dev.sightline.connector.cortex;

import dev.sightline.connector.cortex.CortexXdrConfig.SecurityLevel;
import dev.sightline.connector.testkit.VirtualTimeContext;
import java.net.URI;
import java.time.Instant;
import java.util.Random;

/** Wires the connector's parts around a {@link FakeCortexXdr} and virtual time. */
final class Harness {
  static final String KEY = "k3y-value-never-shown-0123456789";
  static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

  final FakeCortexXdr fake = new FakeCortexXdr();
  final VirtualTimeContext context = VirtualTimeContext.startingAt(START);
  final CortexXdrConfig config;
  final CortexXdrTuning tuning;
  final CortexXdrFailures failures;
  final CortexXdrRequestBudget budget;
  final CortexXdrRetryPolicy retry;
  final CortexXdrClient client;

  Harness() {
    this(CortexXdrTuning.defaults(), SecurityLevel.STANDARD);
  }

  Harness(CortexXdrTuning tuning, SecurityLevel level) {
    this.tuning = tuning;
    this.config =
        new CortexXdrConfig(
            URI.create("https://api-acme.xdr.us.paloaltonetworks.com"), KEY, "7", level, false);
    this.failures = new CortexXdrFailures(config);
    this.budget =
        new CortexXdrRequestBudget(context, config.requestsPerSecond(), tuning.budgetRecovery());
    this.retry = new CortexXdrRetryPolicy(tuning, context, budget, failures, new Random(42));
    this.client =
        new CortexXdrClient(
            config,
            fake,
            retry,
            new CortexXdrApiKeySigner(config, context.clock(), new Random(7)),
            failures,
            tuning);
  }

  CortexXdrQueryRunner queries() {
    return new CortexXdrQueryRunner(client, context, tuning, failures);
  }

  CortexXdrConnector connector() {
    return new CortexXdrConnector(config, context, tuning, fake);
  }
}
