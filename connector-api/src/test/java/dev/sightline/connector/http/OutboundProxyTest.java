package dev.sightline.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which setting wins, as curl reads the conventional variables, and the route of each call. */
class OutboundProxyTest {
  private static final URI VENDOR = URI.create("https://api.crowdstrike.com/oauth2/token");
  private static final URI FEED = URI.create("http://feeds.example/kev.json");

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void noSettingMeansEveryCallGoesDirect() {
    OutboundProxy proxy = OutboundProxy.fromEnvironment(env());
    assertThat(proxy.isSet()).isFalse();
    assertThat(proxy.routeFor(VENDOR)).isEmpty();
  }

  @Test
  void httpsTargetsTakeHttpsProxyAndHttpTargetsHttpProxyInEitherCase() {
    OutboundProxy upper =
        OutboundProxy.fromEnvironment(
            env("HTTPS_PROXY", "http://secure:3128", "HTTP_PROXY", "http://plain:3128"));
    assertThat(upper.routeFor(VENDOR).orElseThrow().host()).isEqualTo("secure");
    assertThat(upper.routeFor(FEED).orElseThrow().host()).isEqualTo("plain");
    OutboundProxy lower =
        OutboundProxy.fromEnvironment(
            env("https_proxy", "http://secure:3128", "http_proxy", "http://plain:3128"));
    assertThat(lower.routeFor(VENDOR).orElseThrow().source()).isEqualTo("https_proxy");
    assertThat(lower.routeFor(FEED).orElseThrow().source()).isEqualTo("http_proxy");
  }

  @Test
  void theLowerCaseNameWinsAsInCurl() {
    OutboundProxy proxy =
        OutboundProxy.fromEnvironment(
            env("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:1"));
    assertThat(proxy.routeFor(VENDOR).orElseThrow().host()).isEqualTo("lower");
  }

  @Test
  void anHttpsTargetDoesNotTakeTheHttpProxy() {
    OutboundProxy proxy = OutboundProxy.fromEnvironment(env("HTTP_PROXY", "http://plain:3128"));
    assertThat(proxy.routeFor(VENDOR)).isEmpty();
  }

  @Test
  void sightlineProxyUrlOverridesBothConventionalVariables() {
    OutboundProxy proxy =
        OutboundProxy.fromEnvironment(
            env(
                "SIGHTLINE_PROXY_URL", "http://u:p@own:8080",
                "HTTPS_PROXY", "http://other:3128",
                "http_proxy", "http://other:3128"));
    assertThat(proxy.routeFor(VENDOR).orElseThrow().host()).isEqualTo("own");
    assertThat(proxy.routeFor(FEED).orElseThrow().source()).isEqualTo("SIGHTLINE_PROXY_URL");
  }

  @Test
  void noProxyHostsGoDirect() {
    OutboundProxy proxy =
        OutboundProxy.fromEnvironment(
            env("HTTPS_PROXY", "http://p:3128", "NO_PROXY", ".crowdstrike.com"));
    assertThat(proxy.routeFor(VENDOR)).isEmpty();
    assertThat(proxy.routeFor(URI.create("https://api-1.xdr.paloaltonetworks.com/"))).isPresent();
  }

  @Test
  void sightlineNoProxyOverridesNoProxyEvenWhenEmpty() {
    OutboundProxy proxy =
        OutboundProxy.fromEnvironment(
            env(
                "HTTPS_PROXY", "http://p:3128",
                "NO_PROXY", "*",
                "SIGHTLINE_NO_PROXY", ""));
    assertThat(proxy.routeFor(VENDOR)).isPresent();
    OutboundProxy lowerFirst =
        OutboundProxy.fromEnvironment(
            env("HTTPS_PROXY", "http://p:3128", "no_proxy", "", "NO_PROXY", "*"));
    assertThat(lowerFirst.routeFor(VENDOR)).isPresent();
  }

  @Test
  void theSelectorGivesTheProxyOrADirectConnection() {
    OutboundProxy proxy =
        OutboundProxy.fromEnvironment(env("HTTPS_PROXY", "http://p:3128", "NO_PROXY", "direct"));
    assertThat(proxy.selector().select(VENDOR).get(0).type()).isEqualTo(Proxy.Type.HTTP);
    assertThat(proxy.selector().select(URI.create("https://direct/")))
        .containsExactly(Proxy.NO_PROXY);
  }
}
