package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.testkit.VirtualTimeContext;
import java.net.URI;
import java.time.Instant;
import java.util.Random;

/** Wires the connector's parts around a {@link FakeCrowdStrike} and virtual time. */
final class Harness {
  static final String SECRET = "s3cr3t-value-never-shown";
  static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

  final FakeCrowdStrike fake = new FakeCrowdStrike();
  final VirtualTimeContext context = VirtualTimeContext.startingAt(START);
  final CrowdStrikeConfig config;
  final CrowdStrikeTuning tuning;
  final CrowdStrikeRetryPolicy retry;
  final CrowdStrikeTokenProvider tokens;
  final CrowdStrikeClient client;

  Harness() {
    this(CrowdStrikeTuning.defaults(), "");
  }

  Harness(CrowdStrikeTuning tuning, String memberCid) {
    this.tuning = tuning;
    this.config =
        new CrowdStrikeConfig(
            URI.create("https://api.us-2.crowdstrike.com"), "client-1", SECRET, memberCid);
    this.retry = new CrowdStrikeRetryPolicy(tuning, context, new Random(42));
    this.tokens = new CrowdStrikeTokenProvider(config, fake, retry, context.clock(), tuning);
    this.client = new CrowdStrikeClient(config, fake, retry, tokens, tuning);
  }

  CrowdStrikeConnector connector() {
    return new CrowdStrikeConnector(config, context, tuning, fake);
  }
}
