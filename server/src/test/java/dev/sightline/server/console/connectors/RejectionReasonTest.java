package dev.sightline.server.console.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.server.runs.RejectionResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectionReasonTest {
  private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");

  @Test
  void countsEachReasonOnceForEveryRecordThatHasItMostFrequentFirst() {
    List<RejectionReason> grouped =
        RejectionReason.grouped(
            List.of(
                new RejectionResponse("hosts", "a", null, "hostname is missing", AT),
                new RejectionResponse(
                    "hosts", "b", null, "hostname is missing; last seen is not a date", AT),
                new RejectionResponse(
                    "vulnerabilities", "c", "$.cve", "last seen is not a date", AT),
                new RejectionResponse("hosts", "d", null, "hostname is missing", AT)));

    assertThat(grouped)
        .containsExactly(
            new RejectionReason("hostname is missing", 3, "hosts a"),
            new RejectionReason("last seen is not a date", 2, "hosts b"));
  }

  @Test
  void aRecordWithoutAReasonIsStillCounted() {
    assertThat(RejectionReason.grouped(List.of(new RejectionResponse("hosts", "a", "$.x", "", AT))))
        .containsExactly(new RejectionReason("(no reason given)", 1, "hosts a at $.x"));
  }
}
