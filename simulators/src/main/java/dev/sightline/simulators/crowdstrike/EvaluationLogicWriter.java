package dev.sightline.simulators.crowdstrike;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sightline.simulators.cve.CveEntry;
import dev.sightline.simulators.fleet.Machine;
import dev.sightline.simulators.fleet.StableHash;
import java.io.IOException;
import java.math.BigInteger;

/**
 * The expanded {@code apps[].evaluation_logic} block of the {@code evaluation_logic} facet. Its
 * {@code logic[].id} values are unsigned 64-bit numbers, often above {@code Long.MAX_VALUE}, as in
 * real data: a parser that maps them to {@code long} fails here just as it would in production.
 */
final class EvaluationLogicWriter {
  private final long seed;

  EvaluationLogicWriter(long seed) {
    this.seed = seed;
  }

  void write(JsonGenerator g, String id, String cid, String aid, Vuln v, CveEntry e, Machine m)
      throws IOException {
    g.writeObjectFieldStart("evaluation_logic");
    g.writeStringField("id", id);
    g.writeStringField("cid", cid);
    g.writeStringField("aid", aid);
    g.writeStringField("created_timestamp", CsRendering.iso(v.created()));
    g.writeStringField("updated_timestamp", CsRendering.iso(v.updated()));
    g.writeArrayFieldStart("logic");
    String product = CsRendering.appName(e, m);
    writeLogic(
        g,
        StableHash.of(seed, v.suffixHi(), 1),
        "Check if " + product + " is installed",
        "inventory",
        "pattern match",
        "^" + product.replace(".", "\\.") + ".*$",
        e,
        m,
        "true");
    writeLogic(
        g,
        StableHash.of(seed, v.suffixHi(), 2),
        "Check if the version of " + product + " is less than " + e.fixedVersion(),
        "vulnerability",
        "less than",
        e.fixedVersion(),
        e,
        m,
        v.status() == VulnStatus.CLOSED ? "false" : "true");
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeLogic(
      JsonGenerator g,
      long id,
      String title,
      String type,
      String operation,
      String expected,
      CveEntry e,
      Machine m,
      String result)
      throws IOException {
    g.writeStartObject();
    g.writeFieldName("id");
    g.writeNumber(new BigInteger(Long.toUnsignedString(id)));
    g.writeStringField("title", title);
    g.writeStringField("type", type);
    g.writeBooleanField("negate", false);
    g.writeStringField("existence_check", "at_least_one_exists");
    g.writeStringField("comparison_check", "all");
    g.writeBooleanField("determined_by_comparison", true);
    g.writeObjectFieldStart("comparisons");
    g.writeStringField("state_operator", "AND");
    g.writeArrayFieldStart("state_comparisons");
    g.writeStartObject();
    g.writeStringField("entity_operator", "AND");
    g.writeArrayFieldStart("entity_comparisons");
    g.writeStartObject();
    g.writeStringField("actual_value_field", "version");
    g.writeStringField("expected_value", expected);
    g.writeStringField("operation", operation);
    g.writeStringField("value_datatype", operation.equals("less than") ? "version" : "string");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("items");
    g.writeStartObject();
    g.writeStringField("comparison_result", result);
    switch (m.os().family()) {
      case WINDOWS -> {
        g.writeStringField("item_type", "file_item");
        g.writeStringField(
            "filepath", "C:\\Program Files\\" + e.product().vendor() + "\\" + e.product().name());
        g.writeStringField("product_name", e.product().name());
        g.writeStringField("windows_view", "64_bit");
      }
      case MAC -> {
        g.writeStringField("item_type", "app_item");
        g.writeStringField("filepath", "/Applications/" + e.product().name() + ".app");
      }
      case LINUX -> {
        g.writeStringField("item_type", "package_item");
        g.writeStringField("name", e.product().name());
      }
    }
    g.writeStringField("version", e.product().versionPrefix() + "0.1");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }
}
