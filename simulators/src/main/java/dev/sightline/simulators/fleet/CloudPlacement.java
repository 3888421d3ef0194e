package dev.sightline.simulators.fleet;

import java.util.Objects;

/**
 * Where a cloud instance runs; vendors render provider names their own way (AWS_EC2_V2, AZURE…).
 */
public record CloudPlacement(
    CloudProvider provider, String accountId, String region, String zone, String instanceId) {
  public CloudPlacement {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(instanceId, "instanceId");
  }
}
