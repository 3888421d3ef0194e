package dev.sightline.platform.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      csanfr.local               | csanfr.local
      illusive-sacumen.com       | illusive-sacumen.com
      CORP.Example.COM.          | corp.example.com
      .corp.example.com          | corp.example.com
      '  Corp.Example.com  '     | corp.example.com
      CORP                       | corp
      eu-central-1.compute.internal | eu-central-1.compute.internal
      ad_site.corp.example.com   | ad_site.corp.example.com
      """)
  void shouldSpellDomainsOneWay(String raw, String expected) {
    assertThat(Domains.canonical(raw)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "WORKGROUP",
        "workgroup",
        "MSHOME",
        "localdomain",
        "(none)",
        "none",
        "N/A",
        "local",
        ".local.",
        "home.arpa",
        "lan",
        "...",
        "10.0.0.1",
        "corp..example.com",
        "corp example com",
        "-corp.example.com",
        "corp/example"
      })
  void shouldRefuseDomainsManyStrangersShare(String raw) {
    assertThat(Domains.canonical(raw)).isEmpty();
  }
}
