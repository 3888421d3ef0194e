package dev.sightline.server.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.server.boot.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Which address a request is seen at: a trusted proxy's forwarded headers, else the public URL,
 * else the request as it came; nobody else's forwarded headers are ever read.
 */
class PublicAddressFilterTest {
  private static final Optional<URI> PUBLIC = Optional.of(URI.create("https://sightline.example"));

  @Test
  void aTrustedProxysForwardedHeadersDecideTheAddress() throws Exception {
    HttpServletRequest seen =
        seenBy(filter("10.0.0.0/8", PUBLIC), request("10.1.2.3", "proxied.example", "https"));
    assertThat(url(seen)).isEqualTo("https://proxied.example/inventory");
    assertThat(seen.isSecure()).isTrue();
    assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
  }

  @Test
  void withoutTrustedForwardedHeadersThePublicUrlDecides() throws Exception {
    HttpServletRequest fromTrusted =
        seenBy(filter("10.0.0.0/8", PUBLIC), new MockHttpServletRequest("GET", "/inventory"));
    assertThat(url(fromTrusted)).isEqualTo("https://sightline.example/inventory");
    assertThat(fromTrusted.isSecure()).isTrue();

    HttpServletRequest forged =
        seenBy(filter("10.0.0.0/8", PUBLIC), request("192.0.2.9", "evil.example", "http"));
    assertThat(url(forged)).isEqualTo("https://sightline.example/inventory");
    assertThat(forged.getRemoteAddr()).isEqualTo("192.0.2.9");
    assertThat(forged.getHeader("X-Forwarded-For")).isNull();
  }

  @Test
  void aPublicUrlWithAPortKeepsIt() throws Exception {
    HttpServletRequest seen =
        seenBy(
            filter("", Optional.of(URI.create("https://sightline.example:8443"))),
            new MockHttpServletRequest("GET", "/inventory"));
    assertThat(url(seen)).isEqualTo("https://sightline.example:8443/inventory");
  }

  @Test
  void withNeitherForgedHeadersAreDroppedAndTheRequestStaysAsItCame() throws Exception {
    HttpServletRequest seen =
        seenBy(filter("", Optional.empty()), request("192.0.2.9", "evil.example", "https"));
    assertThat(url(seen)).isEqualTo("http://localhost/inventory");
    assertThat(seen.isSecure()).isFalse();
    assertThat(seen.getHeader("X-Forwarded-Host")).isNull();
    assertThat(seen.getHeader("Forwarded")).isNull();
    assertThat(seen.getRemoteAddr()).isEqualTo("192.0.2.9");
  }

  private static PublicAddressFilter filter(String trusted, Optional<URI> publicUrl) {
    return new PublicAddressFilter(TrustedProxies.parse(trusted), publicUrl);
  }

  private static MockHttpServletRequest request(String from, String host, String proto) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/inventory");
    request.setRemoteAddr(from);
    request.addHeader("X-Forwarded-Host", host);
    request.addHeader("X-Forwarded-Proto", proto);
    request.addHeader("Forwarded", "host=" + host + ";proto=" + proto);
    request.addHeader("X-Forwarded-For", "203.0.113.7");
    return request;
  }

  private static HttpServletRequest seenBy(PublicAddressFilter filter, MockHttpServletRequest in)
      throws Exception {
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(in, new MockHttpServletResponse(), chain);
    return (HttpServletRequest) chain.getRequest();
  }

  private static String url(HttpServletRequest request) {
    return request.getRequestURL().toString();
  }
}
