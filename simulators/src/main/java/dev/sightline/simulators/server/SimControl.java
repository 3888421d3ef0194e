package dev.sightline.simulators.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The simulator controls beside every vendor API: {@code GET /_sim/manifest} (the ground truth),
 * {@code GET /_sim/scope?since=…&sample=N} (the ground truth of a fetch-from date and a sample,
 * {@link ScopeQuery}) and {@code POST /_sim/advance?changes=N} (the tenant moves forward, then the
 * new manifest). No auth, never faulted, never rate limited. Pure: each simulator sends the {@link
 * Reply} its own way.
 */
public final class SimControl {
  public static final String PREFIX = "/_sim/";
  public static final String MANIFEST = "/_sim/manifest";
  public static final String ADVANCE = "/_sim/advance";
  public static final String SCOPE = "/_sim/scope";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_CHANGES = 1_000_000;

  /** What to answer: a status and a JSON body. */
  public record Reply(int status, JsonNode body) {
    public byte[] bytes() {
      try {
        return MAPPER.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final Supplier<JsonNode> manifest;
  private final Function<ScopeQuery, JsonNode> scope;
  private final IntConsumer advance;

  public SimControl(
      Supplier<JsonNode> manifest, Function<ScopeQuery, JsonNode> scope, IntConsumer advance) {
    this.manifest = manifest;
    this.scope = scope;
    this.advance = advance;
  }

  /** Answers one control request; {@code rawQuery} is the undecoded query string or null. */
  public Reply handle(String method, String path, String rawQuery) {
    if (path.equals(MANIFEST) && method.equals("GET")) {
      return new Reply(200, manifest.get());
    }
    if (path.equals(SCOPE) && method.equals("GET")) {
      try {
        return new Reply(200, scope.apply(ScopeQuery.parse(rawQuery)));
      } catch (IllegalArgumentException e) {
        return new Reply(400, MAPPER.createObjectNode().put("error", e.getMessage()));
      }
    }
    if (path.equals(ADVANCE) && method.equals("POST")) {
      int changes;
      try {
        changes =
            Integer.parseInt(
                FormEncoding.decode(rawQuery).getOrDefault("changes", List.of("")).get(0).trim());
      } catch (NumberFormatException e) {
        changes = -1;
      }
      if (changes < 0 || changes > MAX_CHANGES) {
        return new Reply(
            400,
            MAPPER
                .createObjectNode()
                .put(
                    "error",
                    "changes must be an integer 0.."
                        + MAX_CHANGES
                        + ", e.g. POST /_sim/advance?changes=50"));
      }
      advance.accept(changes);
      return new Reply(200, manifest.get());
    }
    return new Reply(
        404,
        MAPPER
            .createObjectNode()
            .put(
                "error",
                "unknown simulator control; use GET /_sim/manifest, GET /_sim/scope?since=&sample="
                    + " or POST /_sim/advance?changes=N"));
  }
}
