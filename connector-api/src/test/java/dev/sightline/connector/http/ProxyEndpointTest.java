package dev.sightline.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A proxy URL as the operator writes it, and its password never shown. */
class ProxyEndpointTest {

  @Test
  void readsHostPortUserAndPassword() {
    ProxyEndpoint p = ProxyEndpoint.parse("http://proxyuser:s3cret@proxy.corp:3128", "HTTPS_PROXY");
    assertThat(p.host()).isEqualTo("proxy.corp");
    assertThat(p.port()).isEqualTo(3128);
    assertThat(p.user()).contains("proxyuser");
    assertThat(p.password()).contains("s3cret");
    assertThat(p.source()).isEqualTo("HTTPS_PROXY");
  }

  @Test
  void masksThePasswordWhereverTheProxyIsNamed() {
    ProxyEndpoint p = ProxyEndpoint.parse("http://proxyuser:s3cret@proxy.corp:3128", "X");
    assertThat(p.masked()).isEqualTo("http://proxyuser:***@proxy.corp:3128");
    assertThat(p.toString()).doesNotContain("s3cret").contains("proxyuser:***@");
    assertThat(new OutboundProxy(Optional.of(p), Optional.of(p), NoProxy.NONE).toString())
        .doesNotContain("s3cret");
  }

  @Test
  void takesHttpWhenTheSchemeIsLeftOutAndCurlsPortWhenThePortIs() {
    ProxyEndpoint p = ProxyEndpoint.parse("proxy.corp", "HTTPS_PROXY");
    assertThat(p.port()).isEqualTo(ProxyEndpoint.DEFAULT_PORT);
    assertThat(p.hasCredentials()).isFalse();
    assertThat(p.masked()).isEqualTo("http://proxy.corp:1080");
    assertThat(ProxyEndpoint.parse("http://proxy.corp:8080/", "X").port()).isEqualTo(8080);
  }

  @Test
  void percentDecodesTheCredentialsAndKeepsAPlusAsAPlus() {
    ProxyEndpoint p = ProxyEndpoint.parse("http://dom%5Cuser:p%40ss+w%3Ard@proxy:3128", "X");
    assertThat(p.user()).contains("dom\\user");
    assertThat(p.password()).contains("p@ss+w:rd");
  }

  @Test
  void readsAnIpv6Proxy() {
    ProxyEndpoint p = ProxyEndpoint.parse("http://[::1]:3128", "X");
    assertThat(p.host()).isEqualTo("::1");
    assertThat(p.masked()).isEqualTo("http://[::1]:3128");
  }

  @Test
  void refusesAnythingButAnHttpProxyNamingTheSettingWithoutThePassword() {
    assertThatThrownBy(() -> ProxyEndpoint.parse("socks5://u:topsecret@proxy:1080", "ALL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ALL")
        .hasMessageContaining("only http://")
        .hasMessageContaining("u:***@proxy")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> ProxyEndpoint.parse("http://u:topsecret@proxy:99999", "P"))
        .hasMessageContaining("port")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> ProxyEndpoint.parse("http://u:top%zzsecret@proxy:1", "P"))
        .hasMessageNotContaining("top%zzsecret")
        .hasMessageNotContaining("secret");
  }

  @Test
  void sendsBasicCredentialsOnlyWhenGiven() {
    assertThat(ProxyEndpoint.parse("http://u:p@h:1", "X").basicAuthorization())
        .contains("Basic dTpw");
    assertThat(ProxyEndpoint.parse("http://h:1", "X").basicAuthorization()).isEmpty();
  }
}
