package dev.sightline.platform.query;

import dev.sightline.platform.connectors.ConnectorCatalog;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What each connector type calls its inventory source ({@code inventory:(source:…)}) and the
 * product its findings come from ({@code findings.vendorProductname:…}): the labels come from the
 * connector plug-ins' descriptors, not from the database, so the platform names no vendor and the
 * query finds a type's rows through the connector's indexed id.
 */
public record SourceLabels(Map<String, Labels> byType) {
  public SourceLabels {
    byType = Map.copyOf(byType);
  }

  /** A connector type's labels. */
  public record Labels(String sourceName, String vendorProductName) {
    public Labels {
      Objects.requireNonNull(sourceName, "sourceName");
      Objects.requireNonNull(vendorProductName, "vendorProductName");
    }
  }

  public static SourceLabels of(ConnectorCatalog catalog) {
    Map<String, Labels> map = new TreeMap<>();
    for (String type : catalog.types()) {
      catalog
          .find(type)
          .ifPresent(
              f ->
                  map.put(
                      type,
                      new Labels(f.descriptor().sourceName(), f.descriptor().vendorProductName())));
    }
    return new SourceLabels(map);
  }

  /** The connector types whose label ({@code sourceName} or product) {@code matches}. */
  List<String> typesWhere(boolean product, java.util.function.Predicate<String> matches) {
    return new TreeMap<>(byType)
        .entrySet().stream()
            .filter(
                e ->
                    matches.test(
                        product ? e.getValue().vendorProductName() : e.getValue().sourceName()))
            .map(Map.Entry::getKey)
            .toList();
  }

  /** Every known label of one kind, for messages and the token listing. */
  List<String> labels(boolean product) {
    return byType.values().stream()
        .map(l -> product ? l.vendorProductName() : l.sourceName())
        .distinct()
        .sorted()
        .toList();
  }
}
