package dev.sightline.simulators.cortex;

import java.io.IOException;

/**
 * The error body every Cortex public API call uses, {@code
 * {"reply":{"err_code","err_msg","err_extra"}}}, with the messages of the documented status table
 * ("Get XQL Query Quota" and the other API pages) and of the recorded 401 sample (its leading tab
 * included).
 */
final class CortexErrors {
  static final String BAD_REQUEST = "Bad Request. Got an invalid JSON.";
  static final String UNAUTHORIZED =
      "\tUnauthorized access. An issue occurred during authentication. This can "
          + "indicate an incorrect key, id, or other invalid authentication parameters.";
  static final String NO_LICENSE =
      "Unauthorized access. User does not have the required license type to run " + "this API.";
  static final String FORBIDDEN =
      "Forbidden access. The provided API Key does not have the required RBAC "
          + "permissions to run this API.";
  static final String TOO_MANY = "Too many requests.";
  static final String PROCESSING = "An error occurred while processing XDR public API";
  static final String PARALLEL = "reached max allowed amount of parallel running queries";
  static final String QUOTA = "query usage exceeded max daily quota";

  private CortexErrors() {}

  static void send(CortexCall call, int status, String message, String extra) throws IOException {
    call.reply(
        status,
        g -> {
          g.writeStartObject();
          g.writeObjectFieldStart("reply");
          g.writeNumberField("err_code", status);
          g.writeStringField("err_msg", message);
          g.writeStringField("err_extra", extra);
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** A business error: HTTP 500, "An error occurred while processing XDR public API - <reason>". */
  static void business(CortexCall call, String reason, String extra) throws IOException {
    send(call, 500, PROCESSING + " - " + reason, extra);
  }
}
