package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Search-after cursors: base64 of the JSON array {@code [<sort value>,"<id>"]}, exactly the shape
 * of the real token. The token itself carries no time, so the registry remembers when each was
 * handed out; a token older than the TTL, or one this simulator never issued, is "expired" and the
 * API answers 404, as the real one does after ~120 s. Thread-safe.
 */
final class CursorRegistry {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A redeemed cursor: the sort value (a number, or text for hostname sorts) and the id. */
  record Position(JsonNode sortValue, String id) {}

  private final Clock clock;
  private final Duration ttl;
  private final ConcurrentHashMap<String, Instant> issued = new ConcurrentHashMap<>();

  CursorRegistry(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  String issue(long sortValue, String id) {
    ArrayNode array = MAPPER.createArrayNode().add(sortValue).add(id);
    return register(array);
  }

  String issue(String sortValue, String id) {
    ArrayNode array = MAPPER.createArrayNode().add(sortValue).add(id);
    return register(array);
  }

  private String register(ArrayNode array) {
    Instant now = clock.instant();
    if (issued.size() > 50_000) {
      issued.values().removeIf(at -> now.isAfter(at.plus(ttl)));
      if (issued.size() > 200_000) {
        // Only reachable with a clock that never moves: drop every search context, as a real
        // cluster under pressure would, rather than grow without bound.
        issued.clear();
      }
    }
    String token =
        Base64.getEncoder().encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    issued.put(token, now);
    return token;
  }

  /** Forgets every cursor handed out so far, as a search cluster that dropped its contexts. */
  void expireAll() {
    issued.clear();
  }

  /** The position of a live cursor; empty when expired, unknown or not a cursor at all. */
  Optional<Position> redeem(String token) {
    Instant at = issued.get(token);
    if (at == null || clock.instant().isAfter(at.plus(ttl))) {
      return Optional.empty();
    }
    return decode(token);
  }

  static Optional<Position> decode(String token) {
    try {
      JsonNode node = MAPPER.readTree(Base64.getDecoder().decode(token));
      if (node != null
          && node.isArray()
          && node.size() == 2
          && node.get(1).isTextual()
          && (node.get(0).isNumber() || node.get(0).isTextual())) {
        return Optional.of(new Position(node.get(0), node.get(1).asText()));
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
