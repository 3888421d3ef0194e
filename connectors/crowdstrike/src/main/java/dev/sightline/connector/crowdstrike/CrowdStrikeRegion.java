package dev.sightline.connector.crowdstrike;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The Falcon clouds and their API hosts (falconpy {@code _base_url.py}, gofalcon {@code cloud.go}).
 */
enum CrowdStrikeRegion {
  US_1("us-1", "api.crowdstrike.com"),
  US_2("us-2", "api.us-2.crowdstrike.com"),
  EU_1("eu-1", "api.eu-1.crowdstrike.com"),
  US_GOV_1("us-gov-1", "api.laggar.gcw.crowdstrike.com"),
  US_GOV_2("us-gov-2", "api.us-gov-2.crowdstrike.mil"),
  US_3("us-3", "api.us-3.crowdstrike.com");

  private final String label;
  private final String host;

  CrowdStrikeRegion(String label, String host) {
    this.label = label;
    this.host = host;
  }

  String label() {
    return label;
  }

  String host() {
    return host;
  }

  /** The region for a name such as {@code us-2} or {@code US_2}; empty for anything else. */
  static Optional<CrowdStrikeRegion> byName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(r -> r.label.equals(wanted)).findFirst();
  }

  /** "us-1 api.crowdstrike.com, us-2 …", for messages that tell a user which host to use. */
  static String catalogue() {
    StringBuilder text = new StringBuilder();
    for (CrowdStrikeRegion r : values()) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(r.label).append(' ').append(r.host);
    }
    return text.toString();
  }
}
