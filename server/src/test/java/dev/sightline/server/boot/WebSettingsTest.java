package dev.sightline.server.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment's TLS, public URL and trusted proxies, and the Spring properties TLS sets. */
class WebSettingsTest {

  @Test
  void tlsFilesBecomeOnePemSslBundleForTheServer() {
    WebSettings web =
        WebSettings.fromEnvironment(
            Map.of(
                "SIGHTLINE_TLS_CERT_FILE", "/etc/sightline/chain.pem",
                "SIGHTLINE_TLS_KEY_FILE", "/etc/sightline/key.pem"));
    assertThat(web.springProperties())
        .containsEntry("server.ssl.bundle", "sightline")
        .containsEntry(
            "spring.ssl.bundle.pem.sightline.keystore.certificate", "file:/etc/sightline/chain.pem")
        .containsEntry(
            "spring.ssl.bundle.pem.sightline.keystore.private-key", "file:/etc/sightline/key.pem");
  }

  @Test
  void withoutTlsFilesNoPropertyIsSet() {
    assertThat(WebSettings.fromEnvironment(Map.of()).springProperties()).isEmpty();
  }

  @Test
  void thePublicUrlIsASchemeAndAHost() {
    assertThat(WebSettings.publicUrl("https://sightline.example.com/"))
        .isEqualTo(URI.create("https://sightline.example.com"));
    assertThat(WebSettings.publicUrl("HTTPS://sightline.example.com:8443"))
        .isEqualTo(URI.create("https://sightline.example.com:8443"));
    for (String bad :
        new String[] {"sightline.example.com", "ftp://x.example", "https://x.example/sightline"}) {
      assertThatThrownBy(() -> WebSettings.publicUrl(bad))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("SIGHTLINE_PUBLIC_URL");
    }
  }

  @Test
  void trustedProxiesComeFromTheirSetting() {
    WebSettings web =
        WebSettings.fromEnvironment(Map.of("SIGHTLINE_TRUSTED_PROXIES", "10.0.0.0/8"));
    assertThat(web.trustedProxies().contains("10.1.1.1")).isTrue();
    assertThat(web.publicUrl()).isEmpty();
  }
}
