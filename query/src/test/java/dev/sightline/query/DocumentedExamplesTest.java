package dev.sightline.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples of docs/query.md read as the page says. */
class DocumentedExamplesTest {
  private static final QueryParser PARSER = QueryParser.withDefaults();

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "inventory:(source:\"CrowdStrike Spotlight\")",
        "findings.vendorProductname:\"Cortex XDR\" AND finding.qds >= 70",
        "asset.ip:10.0.0.0/8 NOT asset.domain is null",
        "asset.hostName : web01",
        "asset.os:windows",
        "asset.name:\"web 01\"",
        "asset.os:`Windows Server 2019`",
        "asset.mac:00:11:22:aa:bb:cc",
        "asset.name:\"AND\"",
        "asset.name:\"C:\\Windows\\System32\"",
        "asset.riskScore > 700",
        "finding.lastFound >= now-7d",
        "finding.epss<0.1",
        "asset.riskScore:[500 .. 900]",
        "finding.qds:(70 .. 100)",
        "asset.ip:[10.0.0.1 .. 10.0.0.99]",
        "finding.firstFound:[2026-01-01 .. now-30d]",
        "a:[1..5]",
        "finding.state:[NEW, REOPENED]",
        "asset.type:[\"Domain Controller\", Server]",
        "asset.domain is null",
        "asset.domain not null",
        "asset.domain is not null",
        "asset.domain:\"null\"",
        "inventory:(source:\"Palo Alto Networks\" AND lastUpdated > now-7d)",
        "asset.os:win* AND asset.riskScore > 700",
        "asset.type:Server OR asset.type:\"Domain Controller\"",
        "NOT inventory:(source:\"Passive Sensor\")",
        "(finding.severity:5 OR finding.isKev:true) AND finding.state:[NEW, ACTIVE]",
        "asset.os:win* asset.type:Server",
        "now-1d-12h",
      })
  void shouldReadEachDocumentedQuery(String text) {
    String query = text.startsWith("now") ? "finding.lastFound > " + text : text;
    assertThatNoException().isThrownBy(() -> PARSER.parse(query));
  }

  @Test
  void shouldRefuseWhatThePageSaysIsAnError() {
    assertThat(catchThrowableOfType(QuerySyntaxException.class, () -> PARSER.parse("a:>1")))
        .isNotNull();
    assertThat(catchThrowableOfType(QuerySyntaxException.class, () -> PARSER.parse("a:null")))
        .isNotNull();
  }

  @Test
  void shouldGiveTheDocumentedMessages() {
    assertThat(catchThrowableOfType(QuerySyntaxException.class, () -> PARSER.parse("(a:1 OR b:2")))
        .hasMessage(
            "Unexpected end of query at line 1, column 12: expected ')', a token name, AND, OR, NOT or '('");
    assertThat(
            catchThrowableOfType(
                QuerySyntaxException.class, () -> PARSER.parse("(asset.riskScore > )")))
        .hasMessage("Unexpected ')' at line 1, column 20: expected a value");
  }
}
