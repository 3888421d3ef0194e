package dev.sightline.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sightline.connector.RecordKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated transform map: rows that turn raw vendor records into canonical target values.
 *
 * <p>A map is checked in full when it is parsed or built, and a {@link MapValidationException}
 * lists every problem at once. Every expression is compiled then, once, so {@link #apply} only
 * evaluates. Immutable and safe to share between threads and runs.
 */
public final class TransformMap {

  // Duplicate keys in a map file are almost always an editing slip that would silently win.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final String name;
  private final String description;
  private final List<FieldMapping> fields;
  private final Map<RecordKind, List<FieldMapping>> fieldsByKind = new EnumMap<>(RecordKind.class);
  private final Map<RecordKind, RecordMapper> mappers = new EnumMap<>(RecordKind.class);

  private TransformMap(String name, String description, List<CompiledField> compiled) {
    this.name = name;
    this.description = description;
    this.fields = compiled.stream().map(CompiledField::mapping).toList();
    for (RecordKind kind : RecordKind.values()) {
      List<CompiledField> ofKind =
          compiled.stream().filter(f -> f.mapping().appliesTo() == kind).toList();
      fieldsByKind.put(kind, ofKind.stream().map(CompiledField::mapping).toList());
      mappers.put(kind, new RecordMapper(ofKind));
    }
  }

  /**
   * Reads and validates a map file.
   *
   * @param origin where the map comes from (a path, a resource), for messages
   * @throws MapValidationException listing every problem of the map
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static TransformMap parse(InputStream json, String origin) {
    Objects.requireNonNull(json, "json");
    String where = origin == null || origin.isBlank() ? "(unnamed)" : origin;
    List<String> problems = new ArrayList<>();
    JsonNode root = readTree(json, problems);
    if (!problems.isEmpty()) {
      throw new MapValidationException(where, problems);
    }
    MapFileReader.Draft draft = MapFileReader.read(root, problems);
    List<CompiledField> compiled = MapValidator.validate(draft.rows(), problems);
    if (!problems.isEmpty()) {
      throw new MapValidationException(where, problems);
    }
    return new TransformMap(draft.name(), draft.description(), compiled);
  }

  /**
   * Loads a map shipped on the classpath, such as a connector's default map named in its
   * descriptor.
   *
   * @param resource a resource path, with or without a leading slash
   * @throws IllegalArgumentException when there is no such resource
   * @throws MapValidationException when the map is invalid
   */
  public static TransformMap fromClasspath(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    InputStream in = context == null ? null : context.getResourceAsStream(path);
    if (in == null) {
      in = TransformMap.class.getClassLoader().getResourceAsStream(path);
    }
    if (in == null) {
      throw new IllegalArgumentException("No transform map resource " + path + " on the classpath");
    }
    try (InputStream stream = in) {
      return parse(stream, "classpath:" + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds and validates a map from rows, as the console does when a user saves an edited map.
   *
   * @throws MapValidationException listing every problem of the rows
   */
  public static TransformMap of(String name, String description, List<FieldMapping> fields) {
    List<String> problems = new ArrayList<>();
    MapValidator.checkName(name, problems);
    List<MapFileReader.Row> rows = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      FieldMapping field = Objects.requireNonNull(fields.get(i), "fields[" + i + "]");
      rows.add(
          MapFileReader.Row.built("fields[" + i + "] (target '" + field.target() + "')", field));
    }
    List<CompiledField> compiled = MapValidator.validate(rows, problems);
    if (!problems.isEmpty()) {
      throw new MapValidationException(
          name == null || name.isBlank() ? "(unnamed)" : "'" + name + "'", problems);
    }
    return new TransformMap(name, description == null ? "" : description, compiled);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** Every row, in map order. */
  public List<FieldMapping> fields() {
    return fields;
  }

  /** The rows evaluated for one record kind, in map order. */
  public List<FieldMapping> fields(RecordKind kind) {
    return fieldsByKind.get(kind);
  }

  /**
   * Maps one raw record with the rows of its kind. Never throws for anything the record holds:
   * missing values, wrong types and expression errors become {@link MappingProblem}s, and a record
   * missing a required value comes back not {@link MappingResult#accepted() accepted}.
   */
  public MappingResult apply(JsonNode record, RecordKind kind) {
    return mappers.get(Objects.requireNonNull(kind, "kind")).apply(record);
  }

  /** The map in its file format; {@link #parse} reads it back to an equal map. */
  public String toJson() {
    return MapFileWriter.write(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TransformMap that
        && name.equals(that.name)
        && description.equals(that.description)
        && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, fields);
  }

  @Override
  public String toString() {
    return "TransformMap[" + name + ", " + fields.size() + " fields]";
  }

  private static JsonNode readTree(InputStream json, List<String> problems) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || root.isMissingNode()) {
        problems.add("the map file is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      problems.add(
          "not valid JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ": "
              + e.getOriginalMessage());
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
