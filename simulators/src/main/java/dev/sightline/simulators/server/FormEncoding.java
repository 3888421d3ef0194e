package dev.sightline.simulators.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} decoding, as any real server applies to a query string.
 */
public final class FormEncoding {
  private FormEncoding() {}

  /** Decodes {@code a=1&b=x+y&a=2}; '+' becomes a space, repeated names keep their order. */
  public static Map<String, List<String>> decode(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decodePart(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodePart(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String decodePart(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a malformed %-escape is kept verbatim, and the value is then rejected as invalid
    }
  }
}
