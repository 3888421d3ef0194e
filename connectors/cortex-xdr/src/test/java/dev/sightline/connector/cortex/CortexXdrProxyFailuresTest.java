package dev.sightline.connector.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.http.ProxyEndpoint;
import dev.sightline.connector.http.ProxyFailureException;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run that fails at the proxy says so, as the connection test does: the proxy, not Cortex XDR.
 */
class CortexXdrProxyFailuresTest {
  private final CortexXdrFailures failures =
      new CortexXdrFailures(
          CortexXdrConfig.from(
              new ConnectorConfig(
                  Map.of(
                      CortexXdrConfig.URL, "https://api-tenant.xdr.us.paloaltonetworks.com",
                      CortexXdrConfig.API_KEY, "key",
                      CortexXdrConfig.API_KEY_ID, "7"))));
  private final ProxyEndpoint proxy =
      ProxyEndpoint.parse("http://proxyuser:pr0xy-secret@10.0.0.5:3128", "SIGHTLINE_PROXY_URL");

  @Test
  void aProxyThatRefusesItsCredentialsIsNamedWithItsStatusAndTheFix() {
    PermanentException e =
        failures.unreachable(
            ProxyFailureException.refused(proxy, "api-tenant.xdr.us.paloaltonetworks.com:443", 401),
            1);
    assertThat(e.reason())
        .startsWith("Cannot reach the Cortex XDR host")
        .contains("through the proxy")
        .contains("http://proxyuser:***@10.0.0.5:3128")
        .contains("401")
        .doesNotContain("pr0xy-secret");
    assertThat(e.fix()).contains("SIGHTLINE_PROXY_URL");
  }

  @Test
  void aProxyThatCannotBeReachedIsNamedNotTheVendor() {
    ProxyFailureException down =
        ProxyFailureException.unreachable(proxy, new ConnectException("Connection refused"));
    PermanentException e = failures.unreachable(down, 1);
    assertThat(e.reason())
        .contains("cannot connect to the proxy http://proxyuser:***@10.0.0.5:3128")
        .contains("Connection refused");
  }
}
