package dev.sightline.connector.crowdstrike;

import dev.sightline.connector.ConfigField;
import dev.sightline.connector.ConfigSpec;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.ConnectorDescriptor.Capability;
import dev.sightline.connector.ConnectorDescriptor.DefaultMap;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.SourceMeaning;
import dev.sightline.connector.SourceMeaning.Status;
import dev.sightline.connector.TagKind;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The CrowdStrike Falcon connector plug-in (Spotlight vulnerabilities and Discover hosts), found
 * through {@link java.util.ServiceLoader}. Stateless and thread-safe.
 */
public final class CrowdStrikeConnectorFactory implements ConnectorFactory {

  static final String MAP_RESOURCE =
      "dev/sightline/connector/crowdstrike/crowdstrike-spotlight-map.json";

  private static final ConnectorDescriptor DESCRIPTOR =
      new ConnectorDescriptor(
          "crowdstrike",
          "CrowdStrike",
          "CrowdStrike Endpoint Security",
          "CrowdStrike Spotlight",
          "EDR",
          new ConfigSpec(
              List.of(
                  ConfigField.vendorUrl(
                      CrowdStrikeConfig.URL,
                      "Url",
                      "The CrowdStrike OAuth2 Auth URL for your cloud region, for example"
                          + " https://api.us-2.crowdstrike.com, or the region's name: us-1, us-2, eu-1, us-gov-1,"
                          + " us-gov-2 or us-3"),
                  ConfigField.text(
                      CrowdStrikeConfig.CLIENT_ID,
                      "Client ID",
                      "The Client ID generated when you created the API client in the CrowdStrike Falcon console"
                          + " (Support > API Clients and Keys), with Read on Hosts, Host Groups, Assets and"
                          + " Vulnerabilities",
                      true),
                  ConfigField.secret(
                      CrowdStrikeConfig.CLIENT_SECRET,
                      "Client Secret",
                      "The Client Secret generated with the API client; it is shown only once in the Falcon console"),
                  ConfigField.text(
                          CrowdStrikeConfig.MEMBER_CID,
                          "Member CID",
                          "Optional. For an MSSP (Flight Control) parent tenant: the child CID whose hosts and"
                              + " vulnerabilities to read",
                          false)
                      // Another child CID is another tenant's hosts behind the same API client.
                      .identifyingTenant())),
          Set.of(Capability.DELTA, Capability.FINDINGS, Capability.SOURCE_TAGS, Capability.FILTERS),
          List.of(new DefaultMap("Crowdstrike Spotlight Vulnerability Map", MAP_RESOURCE)),
          CrowdStrikeSourceFilters.DECLARED,
          // Host tags: sensor grouping tags set at install, Falcon grouping tags set in the
          // console.
          List.of(
              new TagKind("SensorGroupingTags/", "sensor"),
              new TagKind("FalconGroupingTags/", "falcon-grouping")),
          // cve.severity in CVSS order; UNKNOWN is deliberately absent: it means the source gives
          // no
          // severity, which is what the mapping's default severity is for. Spotlight statuses.
          new SourceMeaning(
              SourceMeaning.ordered("NONE", 1, "LOW", 2, "MEDIUM", 3, "HIGH", 4, "CRITICAL", 5),
              SourceMeaning.ordered(
                  "open",
                  Status.OPEN,
                  "reopen",
                  Status.REOPENED,
                  "closed",
                  Status.CLOSED,
                  "expired",
                  Status.EXPIRED)));

  private final CrowdStrikeTuning tuning;

  /** The ServiceLoader entry, with production timing. */
  public CrowdStrikeConnectorFactory() {
    this(CrowdStrikeTuning.defaults());
  }

  CrowdStrikeConnectorFactory(CrowdStrikeTuning tuning) {
    this.tuning = Objects.requireNonNull(tuning, "tuning");
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Connector create(ConnectorConfig config, ConnectorContext context) {
    return CrowdStrikeConnector.overHttp(CrowdStrikeConfig.from(config), context, tuning);
  }
}
