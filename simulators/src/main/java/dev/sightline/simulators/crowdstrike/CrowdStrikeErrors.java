package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The standard error bodies ({@code msa.ReplyMetaOnly}, plus {@code resources} and pagination for
 * query endpoints) and the common {@code meta} block.
 */
final class CrowdStrikeErrors {
  static final String GATEWAY = "crowdstrike-api-gateway";
  static final String OAUTH = "csam";
  static final String SPOTLIGHT = "spapi";
  static final String DISCOVER = "discover-api";
  static final String DEVICES = "device-api";

  private CrowdStrikeErrors() {}

  /** {@code {"meta":{query_time,powered_by,trace_id},"errors":[{code,message}]}}. */
  static void replyMetaOnly(HttpCall call, int status, String poweredBy, String message)
      throws IOException {
    call.respond(
        status,
        g -> {
          g.writeStartObject();
          meta(g, call, poweredBy, null);
          errors(g, status, message);
          g.writeEndObject();
        });
  }

  /** Query-endpoint errors: meta, empty resources, errors. */
  static void queryError(HttpCall call, int status, String poweredBy, String message)
      throws IOException {
    call.respond(
        status,
        g -> {
          g.writeStartObject();
          meta(g, call, poweredBy, null);
          g.writeArrayFieldStart("resources");
          g.writeEndArray();
          errors(g, status, message);
          g.writeEndObject();
        });
  }

  /**
   * The expired-cursor answer observed in production: 404, pagination with total 0 and an empty
   * after, empty resources, and the "Search context expired" error.
   */
  static void searchContextExpired(HttpCall call, int limit, String poweredBy) throws IOException {
    call.respond(
        404,
        g -> {
          g.writeStartObject();
          meta(
              g,
              call,
              poweredBy,
              p -> {
                p.writeNumberField("limit", limit);
                p.writeNumberField("total", 0);
                p.writeStringField("after", "");
              });
          g.writeArrayFieldStart("resources");
          g.writeEndArray();
          errors(g, 404, "Search context expired, 'after' key no longer valid");
          g.writeEndObject();
        });
  }

  /** Writes {@code "meta":{query_time[,pagination],powered_by,trace_id}} in the samples' order. */
  static void meta(JsonGenerator g, HttpCall call, String poweredBy, HttpCall.JsonWriter pagination)
      throws IOException {
    g.writeObjectFieldStart("meta");
    g.writeNumberField("query_time", call.queryTime());
    if (pagination != null) {
      g.writeObjectFieldStart("pagination");
      pagination.write(g);
      g.writeEndObject();
    }
    g.writeStringField("powered_by", poweredBy);
    g.writeStringField("trace_id", call.traceId());
    g.writeEndObject();
  }

  static void errors(JsonGenerator g, int code, String message) throws IOException {
    g.writeArrayFieldStart("errors");
    g.writeStartObject();
    g.writeNumberField("code", code);
    g.writeStringField("message", message);
    g.writeEndObject();
    g.writeEndArray();
  }

  static void noErrors(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("errors");
    g.writeEndArray();
  }
}
