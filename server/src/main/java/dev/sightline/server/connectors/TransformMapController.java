package dev.sightline.server.connectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sightline.mapping.FieldMapping;
import dev.sightline.platform.connectors.TransformMaps;
import dev.sightline.server.audit.AuditAction;
import dev.sightline.server.audit.AuditTrail;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A connector's transform maps (the seeds' Advanced Settings tab): shown row by row, replaced by an
 * override validated whole, or restored to the defaults. The next run maps with them.
 */
@RestController
class TransformMapController {
  private final TransformMaps maps;
  private final AuditTrail audit;

  TransformMapController(TransformMaps maps, AuditTrail audit) {
    this.maps = maps;
    this.audit = audit;
  }

  @GetMapping("/api/v1/connectors/{id}/transform-maps")
  TransformMapsResponse get(@PathVariable UUID id) {
    return TransformMapsResponse.from(maps.active(id));
  }

  /** The body is {@code {"maps":[…]}} in the map-file format GET shows; the engine validates it. */
  @PutMapping("/api/v1/connectors/{id}/transform-maps")
  TransformMapsResponse put(@PathVariable UUID id, @RequestBody String body) {
    return audit.change(
        AuditAction.TRANSFORM_MAP_PUT,
        id.toString(),
        get(id),
        null,
        () -> TransformMapsResponse.from(maps.save(id, body)),
        saved -> saved);
  }

  @DeleteMapping("/api/v1/connectors/{id}/transform-maps")
  TransformMapsResponse reset(@PathVariable UUID id) {
    return audit.change(
        AuditAction.TRANSFORM_MAP_DELETE,
        id.toString(),
        get(id),
        "back to the connector type's defaults",
        () -> TransformMapsResponse.from(maps.reset(id)),
        reset -> reset);
  }

  /** The active maps, in the order of the connector's defaults. */
  record TransformMapsResponse(List<MapResponse> maps) {
    static TransformMapsResponse from(List<TransformMaps.ActiveMap> active) {
      return new TransformMapsResponse(active.stream().map(MapResponse::from).toList());
    }
  }

  /** One map: its seed name, whether a user replaced the default, and every row. */
  record MapResponse(String name, String description, boolean custom, List<RowResponse> fields) {
    static MapResponse from(TransformMaps.ActiveMap a) {
      return new MapResponse(
          a.map().name(),
          a.map().description(),
          a.custom(),
          a.map().fields().stream().map(RowResponse::from).toList());
    }
  }

  /** One row, in the map-file format (so a GET can be edited and PUT back). */
  record RowResponse(
      String source,
      String expression,
      String target,
      String appliesTo,
      String type,
      boolean required,
      Map<String, String> valueMap,
      @JsonProperty("default") String defaultValue,
      boolean seed,
      String note) {
    static RowResponse from(FieldMapping f) {
      return new RowResponse(
          f.sourceLabel(),
          f.expression(),
          f.target(),
          f.appliesTo().name(),
          f.type().name(),
          f.required(),
          f.valueMap(),
          f.defaultValue().orElse(null),
          f.fromSeed(),
          f.note());
    }
  }
}
