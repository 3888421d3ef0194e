package dev.sightline.server.console.wizard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.connector.ConfigField;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.SourceFilter;
import dev.sightline.mapping.FieldMapping;
import dev.sightline.mapping.TransformMap;
import dev.sightline.platform.connectors.ConnectorService;
import dev.sightline.platform.connectors.ConnectorView;
import dev.sightline.platform.connectors.TransformMaps;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.SeverityDefaults;
import dev.sightline.platform.scoring.SeverityMapping;
import dev.sightline.server.console.wizard.WizardForms.FieldForm;
import dev.sightline.server.console.wizard.WizardForms.FilterForm;
import dev.sightline.server.console.wizard.WizardForms.MapForm;
import dev.sightline.server.console.wizard.WizardForms.RowForm;
import dev.sightline.server.console.wizard.WizardForms.SeverityForm;
import dev.sightline.server.console.wizard.WizardForms.SourceValueForm;
import dev.sightline.server.console.wizard.WizardForms.TypeForm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The connector types as the wizard shows them, read from the registered connector factories: the
 * platform names no vendor, so every label, field and default comes from a descriptor. For an edit,
 * the stored connector's values, active transform maps and severity mapping fill them in.
 */
@Component
class WizardCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConnectorService connectors;
  private final TransformMaps maps;
  private final ScoringSettings scoring;
  private final SeverityDefaults severityDefaults;

  WizardCatalog(ConnectorService connectors, TransformMaps maps, ScoringSettings scoring) {
    this.connectors = connectors;
    this.maps = maps;
    this.scoring = scoring;
    this.severityDefaults = new SeverityDefaults(connectors.catalog());
  }

  /** Every type a new connector may have, with its defaults. */
  List<TypeForm> all() {
    return connectors.catalog().types().stream().map(this::fresh).toList();
  }

  private TypeForm fresh(String type) {
    ConnectorDescriptor d = connectors.factoryFor(type).descriptor();
    List<MapForm> defaults = new ArrayList<>();
    for (ConnectorDescriptor.DefaultMap m : d.defaultMaps()) {
      defaults.add(mapForm(TransformMap.fromClasspath(m.resource()), null, false));
    }
    return new TypeForm(
        d.type(),
        d.vendorProductName(),
        d.vendor(),
        d.sourceName(),
        fields(d, Map.of()),
        filters(d, Map.of()),
        defaults,
        severity(severityDefaults.forType(d.type()), false));
  }

  /** The stored connector's type with its own values, maps and mapping. */
  TypeForm of(ConnectorView c) {
    ConnectorDescriptor d = connectors.factoryFor(c.type()).descriptor();
    List<MapForm> forms = new ArrayList<>();
    List<TransformMaps.ActiveMap> active = maps.active(c.id());
    for (int i = 0; i < active.size(); i++) {
      TransformMap byDefault = TransformMap.fromClasspath(d.defaultMaps().get(i).resource());
      TransformMaps.ActiveMap a = active.get(i);
      forms.add(mapForm(a.map(), a.custom() ? byDefault : null, a.custom()));
    }
    ScoringSettings.ConnectorMapping mapping = scoring.severityMapping(c.id());
    return new TypeForm(
        d.type(),
        d.vendorProductName(),
        d.vendor(),
        d.sourceName(),
        fields(d, c.auth()),
        filters(d, c.filters()),
        forms,
        severity(mapping.mapping(), mapping.custom()));
  }

  private static List<FieldForm> fields(ConnectorDescriptor d, Map<String, String> stored) {
    List<FieldForm> out = new ArrayList<>();
    for (ConfigField f : d.config().fields()) {
      String input =
          f.secret() ? "password" : f.kind() == ConfigField.Kind.CHOICE ? "select" : "text";
      // A secret is never shown back, not even masked: blank keeps the stored one.
      String value = f.secret() ? "" : stored.getOrDefault(f.name(), f.defaultValue().orElse(""));
      out.add(
          new FieldForm(
              f.name(),
              f.label(),
              f.description(),
              f.required(),
              input,
              f.maxLength(),
              f.allowedValues(),
              value,
              f.identifiesTenant()));
    }
    return out;
  }

  private static List<FilterForm> filters(ConnectorDescriptor d, Map<String, List<String>> chosen) {
    List<FilterForm> out = new ArrayList<>();
    for (SourceFilter f : d.filters()) {
      out.add(
          new FilterForm(
              f.name(),
              f.label(),
              f.description(),
              f.allowedValues(),
              chosen.getOrDefault(f.name(), List.of())));
    }
    return out;
  }

  /**
   * A map's rows as the tab lists them: the active rows (kept), then, for an edited map, the
   * default's rows it left out (not kept), so a row taken out can be put back.
   */
  private static MapForm mapForm(TransformMap active, TransformMap byDefault, boolean custom) {
    List<FieldMapping> rows = new ArrayList<>(active.fields());
    int kept = rows.size();
    if (byDefault != null) {
      Set<String> present = new HashSet<>();
      active.fields().forEach(f -> present.add(key(f)));
      byDefault.fields().stream().filter(f -> !present.contains(key(f))).forEach(rows::add);
    }
    List<RowForm> forms = new ArrayList<>();
    ArrayNode json = JSON.createArrayNode();
    for (int i = 0; i < rows.size(); i++) {
      FieldMapping f = rows.get(i);
      forms.add(
          new RowForm(
              i, f.sourceLabel(), f.target(), f.appliesTo().name(), f.required(), i < kept));
      json.add(rowJson(active, byDefault, f, i < kept));
    }
    ObjectNode map = (ObjectNode) read(active.toJson());
    map.set("fields", json);
    return new MapForm(active.name(), active.description(), custom, forms, map.toString());
  }

  /** A row in the map-file format, taken from the map that holds it. */
  private static JsonNode rowJson(
      TransformMap active, TransformMap byDefault, FieldMapping row, boolean inActive) {
    TransformMap holder = inActive ? active : byDefault;
    int at = holder.fields().indexOf(row);
    return read(holder.toJson()).path("fields").get(at);
  }

  private static String key(FieldMapping f) {
    return f.appliesTo() + "/" + f.target() + "/" + f.expression();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a transform map does not write JSON", e);
    }
  }

  private static SeverityForm severity(SeverityMapping m, boolean custom) {
    List<SourceValueForm> rows = new ArrayList<>();
    for (int i = 0; i < m.sourceValues().size(); i++) {
      SeverityMapping.SourceValue v = m.sourceValues().get(i);
      rows.add(new SourceValueForm(i, v.value(), v.severity()));
    }
    return new SeverityForm(
        rows, new LinkedHashMap<>(m.qdsBySeverity()), m.defaultSeverity(), custom);
  }
}
