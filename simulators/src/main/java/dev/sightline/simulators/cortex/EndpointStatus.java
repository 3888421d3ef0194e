package dev.sightline.simulators.cortex;

import java.util.Locale;

/** {@code endpoint_status}: upper case in replies, lower case in filters. */
enum EndpointStatus {
  CONNECTED,
  DISCONNECTED,
  LOST,
  UNINSTALLED;

  String filterValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
