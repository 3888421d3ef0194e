package dev.sightline.server.doctor;

import java.util.List;

/** The Java that runs Sightline: 17 or newer. */
final class JavaCheck implements DoctorCheck {
  static final int MINIMUM = 17;

  private final int feature;
  private final String description;

  JavaCheck() {
    this(
        Runtime.version().feature(),
        Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")");
  }

  JavaCheck(int feature, String description) {
    this.feature = feature;
    this.description = description;
  }

  @Override
  public List<CheckLine> run() {
    if (feature >= MINIMUM) {
      return List.of(CheckLine.ok("java", "Java " + description));
    }
    return List.of(
        CheckLine.failed(
            "java",
            "Java " + description + " is older than " + MINIMUM,
            "install Java " + MINIMUM + " or newer and point JAVA_HOME at it"));
  }
}
