package dev.sightline.simulators.cortex;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sightline.simulators.fleet.CloudPlacement;
import dev.sightline.simulators.fleet.CloudProvider;
import java.io.IOException;
import java.util.List;

/**
 * Writes one {@code get_endpoint} record: the fields of the recorded samples first, with their JSON
 * types ({@code active_directory} null, lists for {@code ip}/{@code users}), then the fields of
 * newer agents ({@code operating_system}, {@code mac_address}, {@code ipv6}, {@code tags}…) and the
 * simulator's cloud information ({@code cloud_info} object for cloud instances, else null).
 */
final class EndpointJsonWriter {
  private EndpointJsonWriter() {}

  static void write(JsonGenerator g, EndpointFacts f) throws IOException {
    g.writeStartObject();
    g.writeStringField("endpoint_id", f.endpointId());
    g.writeStringField("endpoint_name", f.endpointName());
    g.writeStringField("endpoint_type", f.endpointType());
    g.writeStringField("endpoint_status", f.status().name());
    g.writeStringField("os_type", f.osType());
    strings(g, "ip", f.ip());
    strings(g, "users", f.users());
    g.writeStringField("domain", f.domain());
    g.writeStringField("alias", f.alias());
    g.writeNumberField("first_seen", f.firstSeen());
    g.writeNumberField("last_seen", f.lastSeen());
    g.writeStringField("content_version", f.contentVersion());
    g.writeStringField("installation_package", f.installationPackage());
    g.writeNullField("active_directory");
    g.writeNumberField("install_date", f.firstSeen());
    g.writeStringField("endpoint_version", f.endpointVersion());
    g.writeStringField("is_isolated", f.isIsolated());
    strings(g, "group_name", f.groupNames());
    if (f.isolated()) {
      g.writeNumberField("isolated_date", f.isolatedDate());
    } else {
      g.writeNullField("isolated_date");
    }
    g.writeStringField("operating_system", f.operatingSystem());
    g.writeStringField("os_version", f.osVersion());
    strings(g, "ipv6", f.ipv6());
    g.writeStringField("public_ip", f.publicIp());
    strings(g, "mac_address", f.macAddresses());
    g.writeStringField("operational_status", f.operationalStatus());
    g.writeStringField(
        "operational_status_description",
        f.partiallyProtected()
            ? "[{\"name\": \"dseStatus\", \"error_code\": 20002, \"description\": \"XDR data collection is disabled\"}]"
            : "[]");
    g.writeArrayFieldStart("operational_status_details");
    if (f.partiallyProtected()) {
      g.writeStartObject();
      g.writeStringField("title", "XDR Data Collection");
      g.writeStringField("reason", "Disabled");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("scan_status", f.scanStatus());
    g.writeNumberField("content_release_timestamp", f.contentReleaseTimestamp());
    g.writeNumberField("last_content_update_time", f.lastContentUpdateTime());
    g.writeStringField("content_status", f.contentStatus());
    g.writeStringField("assigned_prevention_policy", f.preventionPolicy());
    g.writeStringField("assigned_extensions_policy", "Default");
    g.writeNullField("token_hash");
    g.writeObjectFieldStart("tags");
    strings(g, "server_tags", f.serverTags());
    strings(g, "endpoint_tags", f.endpointTags());
    g.writeEndObject();
    if (f.cloud().isPresent()) {
      CloudPlacement c = f.cloud().get();
      g.writeStringField("cloud_id", c.instanceId());
      g.writeObjectFieldStart("cloud_info");
      g.writeStringField("provider", CortexRendering.cloudProvider(c));
      g.writeStringField("region", c.region());
      g.writeStringField("zone", c.zone());
      g.writeStringField("instance_id", c.instanceId());
      g.writeStringField(
          c.provider() == CloudProvider.GCP ? "project_id" : "account_id", c.accountId());
      g.writeEndObject();
    } else {
      g.writeNullField("cloud_id");
      g.writeNullField("cloud_info");
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
