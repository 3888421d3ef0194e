package dev.sightline.platform.connectors;

import dev.sightline.connector.ConnectorFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The connector plug-ins found on the class path with ServiceLoader, by type. */
public final class ConnectorCatalog {
  private final Map<String, ConnectorFactory> byType;

  public ConnectorCatalog(List<ConnectorFactory> factories) {
    Map<String, ConnectorFactory> map = new TreeMap<>();
    for (ConnectorFactory f : factories) {
      if (map.put(f.descriptor().type(), f) != null) {
        throw new IllegalStateException(
            "Two connector plug-ins claim type " + f.descriptor().type());
      }
    }
    this.byType = Map.copyOf(map);
  }

  public static ConnectorCatalog discover() {
    return new ConnectorCatalog(
        ServiceLoader.load(ConnectorFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  public Optional<ConnectorFactory> find(String type) {
    return Optional.ofNullable(type).map(byType::get);
  }

  public List<String> types() {
    return List.copyOf(new TreeMap<>(byType).keySet());
  }
}
