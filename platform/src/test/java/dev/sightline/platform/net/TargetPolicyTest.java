package dev.sightline.platform.net;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {

  @Test
  void shouldRefuseLoopbackUnlessAllowed() {
    assertThatThrownBy(() -> TargetPolicy.fromList("").check(URI.create("https://127.0.0.1:8443")))
        .hasMessageContaining("SIGHTLINE_ALLOWED_TARGETS");
    assertThatCode(
            () -> TargetPolicy.fromList("127.0.0.1").check(URI.create("https://127.0.0.1:8443")))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldRefusePrivateRanges() {
    for (String host :
        new String[] {
          "10.1.2.3", "192.168.0.10", "172.16.5.4", "169.254.169.254", "[::1]", "[fd00::1]"
        }) {
      assertThatThrownBy(() -> TargetPolicy.fromList("").check(URI.create("https://" + host)))
          .as(host)
          .isInstanceOf(TargetPolicy.TargetRefusedException.class);
    }
  }

  @Test
  void shouldRefusePlainHttp() {
    assertThatThrownBy(
            () -> TargetPolicy.fromList("").check(URI.create("http://api.crowdstrike.com")))
        .hasMessageContaining("https");
  }

  @Test
  void shouldNeverEchoCredentialsInTheUrl() {
    assertThatThrownBy(
            () -> TargetPolicy.fromList("").check(URI.create("http://user:pw@10.0.0.1/?secret=x")))
        .hasMessageNotContaining("pw")
        .hasMessageNotContaining("secret=x");
  }

  @Test
  void shouldAllowPublicAddresses() {
    assertThatCode(() -> TargetPolicy.fromList("").check(URI.create("https://8.8.8.8")))
        .doesNotThrowAnyException();
  }
}
