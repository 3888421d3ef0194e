package dev.sightline.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the JSON a row's expression produced into the Java value of its target type, or throws
 * {@link ConversionException} saying why it cannot. Callers have already replaced empty values by
 * the row's default, so the input here holds at least one non-empty value.
 */
final class Conversions {

  private Conversions() {}

  static Object convert(FieldType type, JsonNode value) {
    if (type == FieldType.STRING_LIST) {
      return toStringList(value);
    }
    JsonNode scalar = firstScalar(value);
    return switch (type) {
      case STRING -> toText(scalar);
      case INTEGER -> toInteger(scalar);
      case DECIMAL -> toDecimal(scalar);
      case BOOLEAN -> toBoolean(scalar);
      case INSTANT -> toInstant(scalar);
      case STRING_LIST -> throw new IllegalStateException("handled above");
    };
  }

  /** Whether a value counts as "nothing": null, blank text, or a list of nothing. */
  static boolean isEmpty(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return true;
    }
    if (node.isTextual()) {
      return node.textValue().isBlank();
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (!isEmpty(element)) {
          return false;
        }
      }
      return true;
    }
    return node.isObject() && node.isEmpty();
  }

  // A single-valued target given a list takes its first value, as the seed maps
  // network_interfaces[].local_ip to the single externalAssetId.
  private static JsonNode firstScalar(JsonNode value) {
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (!isEmpty(element)) {
          return firstScalar(element);
        }
      }
      throw new ConversionException("the list holds no value");
    }
    if (value.isObject()) {
      throw new ConversionException(
          "the expression yields an object, not a value; point it at one of the object's fields");
    }
    return value;
  }

  private static List<String> toStringList(JsonNode value) {
    Set<String> items = new LinkedHashSet<>();
    collect(value, items);
    return List.copyOf(new ArrayList<>(items));
  }

  private static void collect(JsonNode value, Set<String> items) {
    if (isEmpty(value)) {
      return;
    }
    if (value.isArray()) {
      value.forEach(element -> collect(element, items));
    } else {
      items.add(toText(firstScalar(value)));
    }
  }

  private static String toText(JsonNode scalar) {
    if (scalar.isTextual()) {
      return scalar.textValue();
    }
    if (scalar.isFloatingPointNumber() || scalar.isBigDecimal()) {
      return decimalOf(scalar).toPlainString();
    }
    return scalar.asText();
  }

  private static Long toInteger(JsonNode scalar) {
    BigDecimal number = numberOf(scalar, "a whole number");
    try {
      return number.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException e) {
      throw new ConversionException(
          ValueText.describe(scalar) + " is not a whole number that fits 64 bits");
    }
  }

  private static BigDecimal toDecimal(JsonNode scalar) {
    return numberOf(scalar, "a decimal number");
  }

  private static BigDecimal numberOf(JsonNode scalar, String expected) {
    if (scalar.isNumber()) {
      return decimalOf(scalar);
    }
    if (scalar.isTextual()) {
      try {
        return new BigDecimal(scalar.textValue().trim());
      } catch (NumberFormatException e) {
        throw new ConversionException(ValueText.describe(scalar) + " is not " + expected);
      }
    }
    throw new ConversionException(ValueText.describe(scalar) + " is not " + expected);
  }

  private static BigDecimal decimalOf(JsonNode number) {
    if (number.isDouble() || number.isFloat()) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new ConversionException(number.asText() + " is not a finite number");
      }
      // valueOf keeps the decimal digits as written (8.8), not the binary expansion.
      return BigDecimal.valueOf(d);
    }
    return number.decimalValue();
  }

  private static Boolean toBoolean(JsonNode scalar) {
    if (scalar.isBoolean()) {
      return scalar.booleanValue();
    }
    String text =
        scalar.isNumber()
            ? decimalOf(scalar).stripTrailingZeros().toPlainString()
            : scalar.asText();
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1":
        return Boolean.TRUE;
      case "false", "no", "0":
        return Boolean.FALSE;
      default:
        throw new ConversionException(
            ValueText.describe(scalar) + " is not a boolean (true/false, yes/no, 1/0)");
    }
  }

  private static Instant toInstant(JsonNode scalar) {
    if (scalar.isTextual()) {
      return InstantParser.parseText(scalar.textValue());
    }
    if (scalar.isNumber()) {
      try {
        return InstantParser.fromEpochMillis(
            decimalOf(scalar).stripTrailingZeros().longValueExact());
      } catch (ArithmeticException e) {
        throw new ConversionException(scalar.asText() + " is not whole epoch milliseconds");
      }
    }
    throw new ConversionException(
        ValueText.describe(scalar) + " is neither an ISO-8601 timestamp nor epoch milliseconds");
  }
}
