package dev.sightline.simulators.cortex;

import java.util.ArrayList;
import java.util.List;

/** The columns of rows flowing between XQL stages; rows are {@code Object[]} in this order. */
record XqlSchema(List<String> names, List<Type> types) {
  /**
   * STRING values are String, NUMBER values Long or Double, ARRAY values List of String; any may be
   * null.
   */
  enum Type {
    STRING,
    NUMBER,
    ARRAY
  }

  XqlSchema {
    names = List.copyOf(names);
    types = List.copyOf(types);
  }

  static Builder builder() {
    return new Builder();
  }

  int size() {
    return names.size();
  }

  int index(String name) {
    return names.indexOf(name);
  }

  /** The index of {@code name}, or a refusal naming the fields available at this point. */
  int require(String name, String stage) {
    int i = index(name);
    if (i < 0) {
      throw new XqlException(
          "unknown field '" + name + "' in " + stage + "; the fields here are " + names);
    }
    return i;
  }

  Type type(int index) {
    return types.get(index);
  }

  static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<Type> types = new ArrayList<>();

    Builder add(String name, Type type) {
      if (names.contains(name)) {
        throw new XqlException("the field '" + name + "' appears twice");
      }
      names.add(name);
      types.add(type);
      return this;
    }

    XqlSchema build() {
      return new XqlSchema(names, types);
    }
  }
}
