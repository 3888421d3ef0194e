package dev.sightline.server.console.wizard;

import java.util.List;
import java.util.Map;

/**
 * What the wizard's screens show, one record per part, read from a connector type's descriptor
 * (and, when editing, from the stored connector). The page holds no rule: it shows what the
 * platform declares and sends what the person chose to the API.
 */
final class WizardForms {
  private WizardForms() {}

  /**
   * One connector type the person may choose: its declared settings, source filters, default
   * transform maps and Risk Severity Mapping.
   */
  record TypeForm(
      String type,
      String label,
      String vendor,
      String sourceName,
      List<FieldForm> fields,
      List<FilterForm> filters,
      List<MapForm> maps,
      SeverityForm severity) {}

  /**
   * One declared setting. {@code input} is how the page asks for it: text, password (a secret,
   * masked as typed and never shown back) or select (a choice).
   *
   * @param value the stored value when editing (never a secret's), else the declared default
   * @param tenantKey a changed value points the connector at another tenant (the API asks to
   *     confirm)
   */
  record FieldForm(
      String name,
      String label,
      String description,
      boolean required,
      String input,
      int maxLength,
      List<String> allowedValues,
      String value,
      boolean tenantKey) {
    boolean secret() {
      return "password".equals(input);
    }
  }

  /** A source filter the connector declares, with the values chosen so far. */
  record FilterForm(
      String name,
      String label,
      String description,
      List<String> allowedValues,
      List<String> chosen) {}

  /**
   * One transform map: its rows as listed in the tab, and {@code json}, the map in the map-file
   * format the API takes with every listed row in {@code fields} (the page sends the ones kept).
   */
  record MapForm(
      String name, String description, boolean custom, List<RowForm> rows, String json) {}

  /**
   * A row of a transform map. A required row is always kept; another may be left out ({@code
   * included} false: it is not in the active map).
   */
  record RowForm(
      int index,
      String source,
      String target,
      String appliesTo,
      boolean required,
      boolean included) {}

  /** The Risk Severity Mapping: source values and their severity, QDS per severity, default. */
  record SeverityForm(
      List<SourceValueForm> sourceValues,
      Map<Integer, Integer> qdsBySeverity,
      int defaultSeverity,
      boolean custom) {}

  /** One row of the severity table. */
  record SourceValueForm(int index, String value, int severity) {}

  /** The schedule and scope as the Scope & Schedule screen starts. */
  record ScopeForm(
      String dataToSync,
      boolean recurring,
      String occurs,
      String cron,
      String timezone,
      String startDate,
      String startTime,
      boolean sampling,
      String fetchFrom) {}

  /** The connector being edited: what the first screen starts with. */
  record Editing(
      String id,
      String type,
      String name,
      String description,
      boolean draft,
      ScopeForm scope,
      boolean useProxy) {}

  /** One of the seed's five checks, in order, with the seed's name for it. */
  record CheckForm(String check, String label) {}
}
