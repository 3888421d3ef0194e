package dev.sightline.server.console.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A listing's URL carries its state: Next and Previous walk keyset cursors both ways. */
class ListStateTest {
  private static ListState first() {
    return new ListState(
        "/findings", "finding.qds >= 70", "-finding.qds", List.of(), "", List.of());
  }

  @Test
  void nextCarriesTheCursorAndRemembersThePageItCameFrom() {
    String second = first().next("c2");
    assertThat(second)
        .isEqualTo("/findings?q=finding.qds%20%3E%3D%2070&sort=-finding.qds&after=c2");
    ListState two =
        new ListState("/findings", "finding.qds >= 70", "-finding.qds", List.of(), "c2", List.of());
    assertThat(two.next("c3")).endsWith("&after=c3&back=c2");
    assertThat(two.pagesBefore()).isEqualTo(1);
  }

  @Test
  void previousWalksBackToTheFirstPageWhichHasNoPrevious() {
    ListState three =
        new ListState("/assets", "", "", List.of("id", "hostName"), "c3", List.of("c2"));
    assertThat(three.pagesBefore()).isEqualTo(2);
    assertThat(three.previous()).isEqualTo("/assets?cols=id%2ChostName&after=c2");
    ListState two = new ListState("/assets", "", "", List.of("id", "hostName"), "c2", List.of());
    assertThat(two.previous()).isEqualTo("/assets?cols=id%2ChostName");
    assertThat(new ListState("/assets", "", "", List.of(), "", List.of()).previous()).isNull();
  }

  @Test
  void anotherOrderStartsAgainAtTheFirstPage() {
    ListState deep = new ListState("/assets", "asset.os:win*", "", List.of(), "c3", List.of("c2"));
    assertThat(deep.sorted("asset.riskScore"))
        .isEqualTo("/assets?q=asset.os%3Awin*&sort=asset.riskScore");
  }
}
