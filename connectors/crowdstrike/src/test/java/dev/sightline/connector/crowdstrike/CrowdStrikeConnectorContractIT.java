package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.testkit.ConnectorContractTest;
import dev.sightline.connector.testkit.ContractTenant;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;

/** The connector contract against a simulated tenant of 60 hosts, read 50 records a page. */
class CrowdStrikeConnectorContractIT extends ConnectorContractTest {

  @Override
  protected ContractTenant createTenant() {
    return new SimulatedTenant(
        CrowdStrikeSimulatorOptions.defaults(60), SimulatedTenant.contractTuning(), 50);
  }
}
