package dev.sightline.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sightline.connector.RecordKind;
import io.burt.jmespath.Expression;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseError;
import io.burt.jmespath.parser.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks that rows make sense and compiles their expressions, noting every problem: an expression
 * that does not compile (with the position), a target the canonical model lacks for the kind, a
 * type other than the target's, two rows for one target and kind, a value map or default that does
 * not convert to the type.
 */
final class MapValidator {

  // Stateless and thread-safe; one runtime serves every map.
  private static final JacksonRuntime JMESPATH = new JacksonRuntime();

  private MapValidator() {}

  static void checkName(String name, List<String> problems) {
    if (name == null || name.isBlank()) {
      problems.add("the map needs a \"name\"");
    }
  }

  static List<CompiledField> validate(List<MapFileReader.Row> rows, List<String> problems) {
    List<CompiledField> compiled = new ArrayList<>();
    Set<String> seenTargets = new HashSet<>();
    for (MapFileReader.Row row : rows) {
      problems.addAll(row.problems());
      if (row.field() == null) {
        if (row.expression() != null) {
          compile(row.label(), row.expression(), problems);
        }
        continue;
      }
      FieldMapping field = row.field();
      if (!seenTargets.add(field.appliesTo() + "/" + field.target())) {
        problems.add(
            row.label()
                + ": a second row for "
                + field.appliesTo()
                + " target '"
                + field.target()
                + "'; keep one row per target and combine sources in its expression (a || b)");
      }
      CompiledField ready = check(row.label(), field, problems);
      if (ready != null) {
        compiled.add(ready);
      }
    }
    return compiled;
  }

  private static CompiledField check(String label, FieldMapping field, List<String> problems) {
    int before = problems.size();
    Expression<JsonNode> expression = compile(label, field.expression(), problems);
    checkTarget(label, field, problems);
    IntRange range =
        CanonicalFields.rangeOf(field.appliesTo(), field.target()).orElse(CompiledField.UNBOUNDED);
    checkValueMap(label, field, range, problems);
    field
        .defaultValue()
        .ifPresent(d -> checkConverts(label, "default", d, field.type(), range, problems));
    if (problems.size() > before) {
      return null;
    }
    return new CompiledField(
        field, expression, new ValueMapping(field.valueMap(), field.defaultValue()), range);
  }

  static Expression<JsonNode> compile(String label, String expression, List<String> problems) {
    try {
      return JMESPATH.compile(expression);
    } catch (ParseException e) {
      List<String> errors = new ArrayList<>();
      for (ParseError error : e) {
        errors.add("at position " + error.position() + ": " + error.message());
      }
      problems.add(
          label
              + ": expression `"
              + expression
              + "` is not valid JMESPath "
              + String.join("; ", errors));
      return null;
    } catch (RuntimeException e) {
      problems.add(
          label + ": expression `" + expression + "` is not valid JMESPath: " + e.getMessage());
      return null;
    }
  }

  private static void checkTarget(String label, FieldMapping field, List<String> problems) {
    RecordKind kind = field.appliesTo();
    var canonical = CanonicalFields.typeOf(kind, field.target());
    if (canonical.isEmpty()) {
      RecordKind other = kind == RecordKind.ASSET ? RecordKind.FINDING : RecordKind.ASSET;
      String hint =
          CanonicalFields.isKnown(other, field.target())
              ? "; it is a " + other + " target, so set appliesTo to " + other
              : "; the " + kind + " targets are " + CanonicalFields.of(kind).keySet();
      problems.add(label + ": unknown " + kind + " target '" + field.target() + "'" + hint);
    } else if (canonical.get() != field.type()) {
      problems.add(
          label
              + ": type "
              + field.type()
              + " does not match the target's type "
              + canonical.get());
    }
  }

  private static void checkValueMap(
      String label, FieldMapping field, IntRange range, List<String> problems) {
    Map<String, String> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    field
        .valueMap()
        .forEach(
            (from, to) -> {
              if (from.isBlank()) {
                problems.add(label + ": value map has a blank source value");
              }
              String earlier = seen.putIfAbsent(from, from);
              if (earlier != null) {
                problems.add(
                    label
                        + ": value map has both \""
                        + earlier
                        + "\" and \""
                        + from
                        + "\"; keys match regardless of case, so keep one");
              }
              checkConverts(
                  label, "value map entry \"" + from + "\"", to, field.type(), range, problems);
            });
  }

  private static void checkConverts(
      String label,
      String what,
      String value,
      FieldType type,
      IntRange range,
      List<String> problems) {
    if (value.isBlank()) {
      return;
    }
    try {
      Object converted = Conversions.convert(type, TextNode.valueOf(value));
      if (converted instanceof Long number && !range.contains(number)) {
        problems.add(
            label + ": " + what + " gives " + number + ", outside the target's range " + range);
      }
    } catch (ConversionException e) {
      problems.add(label + ": " + what + " does not convert to " + type + ": " + e.getMessage());
    }
  }
}
