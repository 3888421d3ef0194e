package dev.sightline.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the rows of one record kind to a record and turns failed rows into {@link
 * MappingProblem}s whose messages say what was wrong and what to do.
 */
final class RecordMapper {

  private final List<CompiledField> fields;

  RecordMapper(List<CompiledField> fields) {
    this.fields = List.copyOf(fields);
  }

  MappingResult apply(JsonNode record) {
    JsonNode input = record == null ? NullNode.getInstance() : record;
    Map<String, Object> values = new LinkedHashMap<>();
    List<MappingProblem> problems = new ArrayList<>();
    for (CompiledField field : fields) {
      FieldEvaluator.Outcome outcome = FieldEvaluator.evaluate(field, input);
      if (outcome instanceof FieldEvaluator.Value v) {
        values.put(field.mapping().target(), v.value());
      } else if (outcome instanceof FieldEvaluator.Failed f) {
        problems.add(failed(field.mapping(), f.reason()));
      } else if (field.mapping().required()) {
        problems.add(missing(field.mapping()));
      }
    }
    return new MappingResult(new MappedRecord(values), problems);
  }

  private static MappingProblem missing(FieldMapping row) {
    return new MappingProblem(
        row.target(),
        row.expression(),
        MappingProblem.Kind.REQUIRED_MISSING,
        describe(row)
            + " has no value in this record, so the record was rejected. The source must send"
            + " this value, or the transform map must give the field a default.");
  }

  // A required row that fails is still "required missing": the record is rejected either way,
  // and the reason says why the value could not be read.
  private static MappingProblem failed(FieldMapping row, String reason) {
    if (row.required()) {
      return new MappingProblem(
          row.target(),
          row.expression(),
          MappingProblem.Kind.REQUIRED_MISSING,
          describe(row)
              + " could not be read: "
              + reason
              + ". The record was rejected. Correct the value at the source, or map it with a"
              + " value-map entry or a default in the transform map.");
    }
    return new MappingProblem(
        row.target(),
        row.expression(),
        MappingProblem.Kind.CONVERSION_FAILED,
        describe(row)
            + " was left empty: "
            + reason
            + ". Correct the value at the source, or map it with a value-map entry in the"
            + " transform map.");
  }

  private static String describe(FieldMapping row) {
    return (row.required() ? "Required field '" : "Field '")
        + row.target()
        + "' (source '"
        + row.sourceLabel()
        + "', expression `"
        + row.expression()
        + "`)";
  }
}
