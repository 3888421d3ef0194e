package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /devices/entities/devices/v2} with body {@code {"ids":[…]}} (at most 5000 aids),
 * answering {@code deviceapi.DeviceDetailsResponseSwagger}. Unknown ids are left out.
 */
final class DevicesEndpoint {
  static final String PATH = "/devices/entities/devices/v2";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_IDS = 5000;

  private final long seed;
  private final AgentDirectory agents;
  private final FaultPlan faults;

  DevicesEndpoint(long seed, AgentDirectory agents, FaultPlan faults) {
    this.seed = seed;
    this.agents = agents;
    this.faults = faults;
  }

  void handle(HttpCall call) throws IOException {
    JsonNode body;
    try {
      body = MAPPER.readTree(call.body());
    } catch (IOException e) {
      ApiErrors.queryError(call, 400, ApiErrors.DEVICES, "Invalid request body: expected JSON {\"ids\":[...]}");
      return;
    }
    JsonNode ids = body == null ? null : body.get("ids");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      ApiErrors.queryError(call, 400, ApiErrors.DEVICES, "'ids' is required: a non-empty array of device ids");
      return;
    }
    if (ids.size() > MAX_IDS) {
      ApiErrors.queryError(call, 400, ApiErrors.DEVICES, "Too many ids: " + ids.size() + "; at most " + MAX_IDS
          + " per request");
      return;
    }
    List<Integer> found = new ArrayList<>();
    for (JsonNode id : ids) {
      int agent = id.isTextual() ? agents.agentByAid(id.asText()) : -1;
      if (agent >= 0) {
        found.add(agent);
      }
    }
    int broken = !found.isEmpty() && faults.takeMalformed() ? found.size() / 2 : -1;
    DeviceJsonWriter writer = new DeviceJsonWriter(seed, agents);
    call.stream(200, g -> {
      g.writeStartObject();
      ApiErrors.meta(g, call, ApiErrors.DEVICES, null);
      g.writeArrayFieldStart("resources");
      for (int i = 0; i < found.size(); i++) {
        writer.write(g, found.get(i), i == broken);
      }
      g.writeEndArray();
      ApiErrors.noErrors(g);
      g.writeEndObject();
    });
  }
}
