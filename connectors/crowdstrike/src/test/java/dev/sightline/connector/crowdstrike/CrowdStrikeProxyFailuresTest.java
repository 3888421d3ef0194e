package dev.sightline.connector.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.http.ProxyEndpoint;
import dev.sightline.connector.http.ProxyFailureException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run that fails at the proxy says so, as the connection test does: the proxy, not CrowdStrike.
 */
class CrowdStrikeProxyFailuresTest {
  private final CrowdStrikeFailures failures =
      new CrowdStrikeFailures(
          CrowdStrikeConfig.from(
              new ConnectorConfig(
                  Map.of(
                      "url", "https://api.crowdstrike.com",
                      "clientId", "id",
                      "clientSecret", "secret"))));
  private final ProxyEndpoint proxy =
      ProxyEndpoint.parse("http://proxyuser:pr0xy-secret@10.0.0.5:3128", "HTTPS_PROXY");

  @Test
  void aProxyThatRefusesItsCredentialsIsNamedWithItsStatusAndTheFix() {
    PermanentException e =
        failures.unreachable(
            ProxyFailureException.refused(proxy, "api.crowdstrike.com:443", 407), 1);
    assertThat(e.reason())
        .startsWith("Cannot reach the CrowdStrike host api.crowdstrike.com")
        .contains("through the proxy")
        .contains("http://proxyuser:***@10.0.0.5:3128")
        .contains("407")
        .doesNotContain("pr0xy-secret");
    assertThat(e.fix()).contains("HTTPS_PROXY").doesNotContain("pr0xy-secret");
  }

  @Test
  void aTunnelRefusedByPolicyIsNotTakenForCrowdStrikesOwnRefusal() {
    PermanentException e =
        failures.unreachable(
            ProxyFailureException.refused(proxy, "api.crowdstrike.com:443", 403), 3);
    assertThat(e.reason()).contains("policy").contains("403").doesNotContain("scope");
    assertThat(e.fix()).contains("CONNECT");
  }
}
