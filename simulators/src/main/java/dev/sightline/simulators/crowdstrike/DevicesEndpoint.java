package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Device details, {@code deviceapi.DeviceDetailsResponseSwagger}, both ways the vendor serves them:
 * {@code GET /devices/entities/devices/v2?ids=a&ids=b} (at most 100; a comma-joined value is split,
 * as FalconPy sends it) and {@code POST} with {@code {"ids":[…]}} (at most 5000). Only agents are
 * devices: an unmanaged asset's id is unknown here.
 *
 * <p>Unknown ids: the known ones come back in {@code resources} and each other id as one {@code
 * errors[]} entry. The research found no recorded answer for that case; the only evidence is
 * Elastic's CrowdStrike emulator (Kibana), whose error bodies say {@code
 * {"code":400,"message":"invalid device id [asdasd]"}} for an id that is not a device id and {@code
 * "The 'ids' parameter must be present at least once."}. So a malformed id is a 400 entry in those
 * words; a well-formed id no agent has is our guess, a 404 entry {@code "device not found: <id>"}.
 * The status is 200 when any device is found, else 404 (or 400 when every id is malformed).
 */
final class DevicesEndpoint {
  static final String PATH = "/devices/entities/devices/v2";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_POST_IDS = 5000;
  private static final int MAX_GET_IDS = 100;

  private final long seed;
  private final AgentDirectory agents;
  private final CrowdStrikeFaultPlan faults;

  DevicesEndpoint(long seed, AgentDirectory agents, CrowdStrikeFaultPlan faults) {
    this.seed = seed;
    this.agents = agents;
    this.faults = faults;
  }

  void get(HttpCall call) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String value : call.all("ids")) {
      for (String id : value.split(",")) {
        if (!id.isBlank()) {
          ids.add(id.trim());
        }
      }
    }
    if (ids.isEmpty()) {
      CrowdStrikeErrors.queryError(
          call,
          400,
          CrowdStrikeErrors.DEVICES,
          "The 'ids' parameter must be present at least once.");
      return;
    }
    details(call, ids, MAX_GET_IDS);
  }

  void post(HttpCall call) throws IOException {
    JsonNode body;
    try {
      body = MAPPER.readTree(call.body());
    } catch (IOException e) {
      CrowdStrikeErrors.queryError(
          call,
          400,
          CrowdStrikeErrors.DEVICES,
          "Invalid request body: expected JSON {\"ids\":[...]}");
      return;
    }
    JsonNode ids = body == null ? null : body.get("ids");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      CrowdStrikeErrors.queryError(
          call,
          400,
          CrowdStrikeErrors.DEVICES,
          "'ids' is required: a non-empty array of device ids");
      return;
    }
    List<String> list = new ArrayList<>();
    ids.forEach(id -> list.add(id.isTextual() ? id.asText() : id.toString()));
    details(call, list, MAX_POST_IDS);
  }

  private void details(HttpCall call, List<String> ids, int max) throws IOException {
    if (ids.size() > max) {
      CrowdStrikeErrors.queryError(
          call,
          400,
          CrowdStrikeErrors.DEVICES,
          "Too many ids: " + ids.size() + "; at most " + max + " per request");
      return;
    }
    List<Integer> found = new ArrayList<>();
    List<DeviceError> errors = new ArrayList<>();
    for (String id : ids) {
      int agent = agents.agentByAid(id);
      if (agent >= 0) {
        found.add(agent);
      } else if (id.length() == 32
          && id.equals(id.toLowerCase(Locale.ROOT))
          && id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        errors.add(new DeviceError(404, "device not found: " + id));
      } else {
        errors.add(new DeviceError(400, "invalid device id [" + id + "]"));
      }
    }
    int status =
        !found.isEmpty() ? 200 : errors.stream().anyMatch(e -> e.code() == 404) ? 404 : 400;
    int broken = !found.isEmpty() && faults.takeMalformed() ? found.size() / 2 : -1;
    DeviceJsonWriter writer = new DeviceJsonWriter(seed, agents);
    call.stream(
        status,
        g -> {
          g.writeStartObject();
          CrowdStrikeErrors.meta(g, call, CrowdStrikeErrors.DEVICES, null);
          g.writeArrayFieldStart("resources");
          for (int i = 0; i < found.size(); i++) {
            writer.write(g, found.get(i), i == broken);
          }
          g.writeEndArray();
          g.writeArrayFieldStart("errors");
          for (DeviceError e : errors) {
            g.writeStartObject();
            g.writeNumberField("code", e.code());
            g.writeStringField("message", e.message());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private record DeviceError(int code, String message) {}
}
