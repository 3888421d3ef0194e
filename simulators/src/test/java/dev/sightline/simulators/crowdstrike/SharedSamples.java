package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The real CrowdStrike responses in {@code ../shared/vendors/samples/crowdstrike/}. */
final class SharedSamples {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SharedSamples() {}

  static JsonNode read(String file) {
    return dev.sightline.simulators.testsupport.SharedSamples.read("crowdstrike", file);
  }

  /** {@code log.entries[index].response.content.text} of the recorded HAR, parsed. */
  static JsonNode harResponseBody(int index) {
    String text = harEntry(index).path("response").path("content").path("text").asText();
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode harEntry(int index) {
    return read("j1_har_token_and_spotlight_combined_last_page.har.json")
        .path("log")
        .path("entries")
        .get(index);
  }
}
