package dev.sightline.platform.connectors;

import java.util.Map;

/** A request to register a connector, as received. */
public record NewConnector(
    String type, String name, String description, Map<String, String> auth, String dataToSync) {

  public NewConnector {
    auth = auth == null ? Map.of() : Map.copyOf(auth);
  }
}
