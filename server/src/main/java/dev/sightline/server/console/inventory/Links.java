package dev.sightline.server.console.inventory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Query strings for the links a listing page draws: each one reproduces a state of the page. */
final class Links {
  private Links() {}

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A path with its parameters, leaving out the empty ones. */
  static String of(String path, List<String[]> params) {
    List<String> parts = new ArrayList<>();
    for (String[] p : params) {
      if (p[1] != null && !p[1].isEmpty()) {
        parts.add(p[0] + "=" + enc(p[1]));
      }
    }
    return parts.isEmpty() ? path : path + "?" + String.join("&", parts);
  }
}
