package dev.sightline.connector.cortex;

import dev.sightline.connector.testkit.ConnectorContractTest;
import dev.sightline.connector.testkit.ContractTenant;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;

/**
 * The connector contract with a standard key, against 60 simulated hosts read 25 endpoints a page.
 */
class CortexXdrConnectorContractIT extends ConnectorContractTest {

  @Override
  protected ContractTenant createTenant() {
    return new SimulatedTenant(
        CortexXdrSimulatorOptions.defaults(60), SimulatedTenant.contractTuning(), 25, true);
  }
}
