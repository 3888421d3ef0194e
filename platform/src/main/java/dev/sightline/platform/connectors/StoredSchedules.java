package dev.sightline.platform.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.platform.schedule.Occurrence;
import dev.sightline.platform.schedule.Schedule;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/** A schedule as the connector row keeps it: {@code {"occurs","cron","timezone","start"}}. */
final class StoredSchedules {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredSchedules() {}

  static String json(Schedule s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("occurs", s.occurs().name());
    s.cron().ifPresent(c -> o.put("cron", c));
    o.put("timezone", s.zone().getId());
    o.put("start", s.start().toString());
    return o.toString();
  }

  static Schedule parse(String json) {
    try {
      JsonNode o = JSON.readTree(json);
      return new Schedule(
          Occurrence.valueOf(o.path("occurs").asText()),
          Optional.ofNullable(o.get("cron")).map(JsonNode::asText),
          ZoneId.of(o.path("timezone").asText()),
          LocalDateTime.parse(o.path("start").asText()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("A stored connector's schedule is not readable: " + json, e);
    }
  }
}
