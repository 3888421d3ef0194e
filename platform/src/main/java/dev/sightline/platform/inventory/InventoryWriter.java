package dev.sightline.platform.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Upserts a page of mapped rows in one statement per kind, keyed by the natural key (connector,
 * vendor id), so a re-run never creates a duplicate. A row whose content did not change is not
 * rewritten. Runs inside the caller's transaction.
 */
public final class InventoryWriter {
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private static final String UPSERT_ASSETS = """
      INSERT INTO asset (connector_id, source_record_id, external_asset_id, asset_name, host_name,
          fqdn, domain, asset_type, os_name, os_version, bios_serial, bios_manufacturer,
          ip_addresses, mac_addresses, first_found, last_seen, cloud_provider, cloud_instance_id,
          source_tags, attributes, content_hash, created_at, updated_at, last_run_id)
      SELECT ?, r.source_record_id, r.external_asset_id, r.asset_name, r.host_name, r.fqdn,
          r.domain, r.asset_type, r.os_name, r.os_version, r.bios_serial, r.bios_manufacturer,
          COALESCE(r.ip_addresses, '{}'), COALESCE(r.mac_addresses, '{}'), r.first_found,
          r.last_seen, r.cloud_provider, r.cloud_instance_id, COALESCE(r.source_tags, '{}'),
          r.attributes, r.content_hash, ?, ?, ?
      FROM jsonb_to_recordset(?::jsonb) AS r(source_record_id text, external_asset_id text,
          asset_name text, host_name text, fqdn text, domain text, asset_type text, os_name text,
          os_version text, bios_serial text, bios_manufacturer text, ip_addresses text[],
          mac_addresses text[], first_found timestamptz, last_seen timestamptz,
          cloud_provider text, cloud_instance_id text, source_tags text[], attributes jsonb,
          content_hash text)
      ON CONFLICT (connector_id, source_record_id) DO UPDATE SET
          external_asset_id = EXCLUDED.external_asset_id, asset_name = EXCLUDED.asset_name,
          host_name = EXCLUDED.host_name, fqdn = EXCLUDED.fqdn, domain = EXCLUDED.domain,
          asset_type = EXCLUDED.asset_type, os_name = EXCLUDED.os_name,
          os_version = EXCLUDED.os_version, bios_serial = EXCLUDED.bios_serial,
          bios_manufacturer = EXCLUDED.bios_manufacturer, ip_addresses = EXCLUDED.ip_addresses,
          mac_addresses = EXCLUDED.mac_addresses, first_found = EXCLUDED.first_found,
          last_seen = EXCLUDED.last_seen, cloud_provider = EXCLUDED.cloud_provider,
          cloud_instance_id = EXCLUDED.cloud_instance_id, source_tags = EXCLUDED.source_tags,
          attributes = EXCLUDED.attributes, content_hash = EXCLUDED.content_hash,
          updated_at = EXCLUDED.updated_at, last_run_id = EXCLUDED.last_run_id
      WHERE asset.content_hash IS DISTINCT FROM EXCLUDED.content_hash
      RETURNING (xmax = 0) AS inserted
      """;

  private static final String UPSERT_FINDINGS = """
      INSERT INTO finding (connector_id, external_finding_id, asset_source_id, asset_id,
          finding_name, cve_id, finding_severity, source_severity, cvss_v2_base, cvss_v3_base,
          finding_status, finding_sub_type, detection_method, finding_description,
          recommendation, first_found_on, last_found_on, fixed_on, vendor_product_name,
          attributes, content_hash, created_at, updated_at, last_run_id)
      SELECT c.id, r.external_finding_id, r.asset_source_id,
          (SELECT a.id FROM asset a WHERE a.connector_id = c.id
              AND a.source_record_id = r.asset_source_id),
          r.finding_name, r.cve_id, r.finding_severity, r.source_severity, r.cvss_v2_base,
          r.cvss_v3_base, r.finding_status, r.finding_sub_type, r.detection_method,
          r.finding_description, r.recommendation, r.first_found_on, r.last_found_on,
          r.fixed_on, r.vendor_product_name, r.attributes, r.content_hash, ?, ?, ?
      FROM (SELECT ?::uuid AS id) c, jsonb_to_recordset(?::jsonb) AS r(external_finding_id text,
          asset_source_id text, finding_name text, cve_id text, finding_severity integer,
          source_severity text, cvss_v2_base numeric, cvss_v3_base numeric, finding_status text,
          finding_sub_type text, detection_method text, finding_description text,
          recommendation text, first_found_on timestamptz, last_found_on timestamptz,
          fixed_on timestamptz, vendor_product_name text, attributes jsonb, content_hash text)
      ON CONFLICT (connector_id, external_finding_id) DO UPDATE SET
          asset_source_id = EXCLUDED.asset_source_id,
          asset_id = COALESCE(EXCLUDED.asset_id, finding.asset_id),
          finding_name = EXCLUDED.finding_name, cve_id = EXCLUDED.cve_id,
          finding_severity = EXCLUDED.finding_severity, source_severity = EXCLUDED.source_severity,
          cvss_v2_base = EXCLUDED.cvss_v2_base, cvss_v3_base = EXCLUDED.cvss_v3_base,
          finding_status = EXCLUDED.finding_status, finding_sub_type = EXCLUDED.finding_sub_type,
          detection_method = EXCLUDED.detection_method,
          finding_description = EXCLUDED.finding_description,
          recommendation = EXCLUDED.recommendation, first_found_on = EXCLUDED.first_found_on,
          last_found_on = EXCLUDED.last_found_on, fixed_on = EXCLUDED.fixed_on,
          vendor_product_name = EXCLUDED.vendor_product_name, attributes = EXCLUDED.attributes,
          content_hash = EXCLUDED.content_hash, updated_at = EXCLUDED.updated_at,
          last_run_id = EXCLUDED.last_run_id
      WHERE finding.content_hash IS DISTINCT FROM EXCLUDED.content_hash
      RETURNING (xmax = 0) AS inserted
      """;

  /** How many rows of a page were new, changed or already as stored. */
  public record Outcome(long created, long updated, long unchanged) {}

  public Outcome upsertAssets(Connection c, UUID connectorId, UUID runId, List<AssetRow> rows,
      Instant now) throws SQLException {
    List<AssetRow> unique = lastWins(rows, AssetRow::sourceRecordId);
    ArrayNode json = JSON.createArrayNode();
    for (AssetRow r : unique) {
      ObjectNode o = JSON.valueToTree(snakeCase(r));
      o.put("content_hash", hash(r.attributes()));
      json.add(o);
    }
    long[] counts = run(c, UPSERT_ASSETS, json, connectorId, now, now, runId, json.toString());
    return new Outcome(counts[0], counts[1], rows.size() - counts[0] - counts[1]);
  }

  public Outcome upsertFindings(Connection c, UUID connectorId, UUID runId, List<FindingRow> rows,
      Instant now) throws SQLException {
    List<FindingRow> unique = lastWins(rows, FindingRow::externalFindingId);
    ArrayNode json = JSON.createArrayNode();
    for (FindingRow r : unique) {
      ObjectNode o = JSON.valueToTree(snakeCase(r));
      Map<String, Object> hashed = new TreeMap<>(r.attributes());
      hashed.put("@asset", r.assetSourceId());
      o.put("content_hash", hash(hashed));
      json.add(o);
    }
    long[] counts = run(c, UPSERT_FINDINGS, json, now, now, runId, connectorId, json.toString());
    return new Outcome(counts[0], counts[1], rows.size() - counts[0] - counts[1]);
  }

  /** Links findings that arrived before their asset once the asset exists. */
  public static int linkOrphanFindings(Connection c, UUID connectorId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE finding f SET asset_id = a.id FROM asset a WHERE f.connector_id = ?"
            + " AND f.asset_id IS NULL AND a.connector_id = f.connector_id"
            + " AND a.source_record_id = f.asset_source_id")) {
      ps.setObject(1, connectorId);
      return ps.executeUpdate();
    }
  }

  private static long[] run(Connection c, String sql, ArrayNode rows, Object... params)
      throws SQLException {
    long created = 0;
    long updated = 0;
    if (rows.isEmpty()) {
      return new long[] {0, 0};
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        ps.setObject(i + 1, p instanceof Instant t
            ? java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC) : p);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getBoolean(1)) {
            created++;
          } else {
            updated++;
          }
        }
      }
    }
    return new long[] {created, updated};
  }

  private static <T> List<T> lastWins(List<T> rows, Function<T, String> key) {
    Map<String, T> byKey = new LinkedHashMap<>();
    rows.forEach(r -> byKey.put(key.apply(r), r));
    return List.copyOf(byKey.values());
  }

  private static Map<String, Object> snakeCase(Record row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var component : row.getClass().getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(row);
        String name = component.getName().replaceAll("([A-Z])", "_$1").toLowerCase();
        out.put(name, value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  static String hash(Map<String, Object> attributes) {
    try {
      byte[] canonical = JSON.writeValueAsString(new TreeMap<>(attributes))
          .getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String attributesJson(Map<String, Object> attributes) {
    try {
      return JSON.writeValueAsString(attributes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
