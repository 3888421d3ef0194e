package dev.sightline.simulators.fleet;

import java.util.Objects;
import java.util.Set;

/**
 * The hardware identity of a machine. Serial numbers are not always unique: whitebox boards report
 * placeholders such as "To Be Filled By O.E.M.", which is one of the fleet's correlation traps.
 */
public record Hardware(
    String manufacturer,
    String productName,
    String serialNumber,
    String biosManufacturer,
    String biosVersion,
    FormFactor formFactor) {

  /** Serial strings that firmware reports when the maker never set one. */
  public static final Set<String> PLACEHOLDER_SERIALS =
      Set.of("To Be Filled By O.E.M.", "Default string", "System Serial Number", "0123456789");

  public Hardware {
    Objects.requireNonNull(manufacturer, "manufacturer");
    Objects.requireNonNull(productName, "productName");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(biosManufacturer, "biosManufacturer");
    Objects.requireNonNull(biosVersion, "biosVersion");
    Objects.requireNonNull(formFactor, "formFactor");
  }

  public boolean placeholderSerial() {
    return PLACEHOLDER_SERIALS.contains(serialNumber);
  }

  public boolean virtual() {
    return formFactor == FormFactor.VIRTUAL_MACHINE;
  }
}
