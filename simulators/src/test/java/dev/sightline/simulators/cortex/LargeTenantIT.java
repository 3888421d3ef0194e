package dev.sightline.simulators.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.simulators.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A 20,000-endpoint tenant, the benchmark's size: all findings in one gzip NDJSON stream. */
class LargeTenantIT {
  @Test
  void shouldStreamEveryFindingOfTwentyThousandEndpoints() throws IOException {
    try (CortexXdrSimulator simulator =
        CortexXdrSimulator.start(
            CortexXdrSimulatorOptions.defaults(19_900)
                .withClock(new MutableClock(Instant.parse("2025-05-05T10:00:00Z"))))) {
      CortexClient client = new CortexClient(simulator);
      JsonNode manifest = simulator.manifest();
      CortexClient.Response firstPage = client.endpoints(0, 100, "endpoint_id", "asc", List.of());
      JsonNode reply = client.completed(client.startOk(XqlTexts.FINDINGS));
      byte[] gzipped = client.streamBytes(reply.at("/results/stream_id").asText(), true);

      long lines = 0;
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 64 * 1024)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
          for (int i = 0; i < n; i++) {
            lines += buffer[i] == '\n' ? 1 : 0;
          }
        }
      }

      assertThat(manifest.get("endpoints").asInt()).isGreaterThanOrEqualTo(20_000);
      assertThat(firstPage.reply().get("total_count").asInt())
          .isEqualTo(manifest.get("endpoints").asInt());
      assertThat(reply.get("number_of_results").asLong())
          .isEqualTo(manifest.get("findings").asLong());
      assertThat(lines).isEqualTo(manifest.get("findings").asLong()).isGreaterThan(150_000);
    }
  }
}
