package dev.sightline.connector.cortex;

import dev.sightline.connector.testkit.ConnectorContractTest;
import dev.sightline.connector.testkit.ContractTenant;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions.SecurityLevel;

/** The connector contract again with an advanced (hashed, replay-protected) key. */
class CortexXdrAdvancedKeyContractIT extends ConnectorContractTest {

  @Override
  protected ContractTenant createTenant() {
    return new SimulatedTenant(
        CortexXdrSimulatorOptions.defaults(60).withSecurity(SecurityLevel.ADVANCED),
        SimulatedTenant.contractTuning(),
        25,
        true);
  }
}
