package dev.sightline.server.cli;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's problem details ({@code message}, {@code problems[].field/message}) as plain words
 * for a terminal: the message, then one indented line per problem.
 */
final class ProblemDetails {
  private ProblemDetails() {}

  static String explain(JsonMapper json, byte[] body) {
    JsonNode problem;
    try {
      problem = body.length == 0 ? null : json.readTree(body);
    } catch (JacksonException e) {
      problem = null;
    }
    if (problem == null || !problem.isObject()) {
      // Not Sightline's error shape (a proxy's page, say): its first line is the best clue.
      String text = new String(body, StandardCharsets.UTF_8).strip();
      int end = text.indexOf('\n');
      text = end < 0 ? text : text.substring(0, end);
      return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
    StringBuilder out = new StringBuilder();
    String message = text(problem, "message");
    if (message.isEmpty()) {
      message = text(problem, "detail");
    }
    message = message.isEmpty() ? text(problem, "error") : message;
    out.append(message);
    for (JsonNode p : problem.path("problems")) {
      if (text(p, "message").equals(message)) {
        // The message is this problem's: say once which field it concerns.
        out.insert(0, text(p, "field") + " ");
        continue;
      }
      out.append(System.lineSeparator())
          .append("  ")
          .append(text(p, "field"))
          .append(": ")
          .append(text(p, "message"));
    }
    return out.toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() ? value.asString() : "";
  }
}
