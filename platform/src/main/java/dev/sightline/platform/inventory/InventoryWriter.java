package dev.sightline.platform.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Upserts a page of mapped rows in one statement per kind, keyed by the natural key (connector,
 * vendor id), so a re-run never creates a duplicate. A row whose content did not change is not
 * rewritten. Runs inside the caller's transaction.
 */
public final class InventoryWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  // Like detections, a page's source records arrive by COPY into a session-local staging table.
  private static final String CREATE_ASSET_STAGE =
      """
      CREATE TEMP TABLE IF NOT EXISTS sightline_asset_stage (source_record_id text,
          external_asset_id text, asset_name text, host_name text, fqdn text, domain text,
          asset_type text, os_name text, os_version text, bios_serial text,
          bios_manufacturer text, ip_addresses text[], mac_addresses text[],
          first_found timestamptz, last_seen timestamptz, cloud_provider text,
          cloud_instance_id text, source_tags text[], attributes jsonb, content_hash text,
          key_cloud text, key_serial text, key_manufacturer text, key_macs text[],
          key_virtual_macs text[], key_host text, key_domain text, tags jsonb)
      ON COMMIT DELETE ROWS
      """;

  private static final String MERGE_ASSETS =
      """
      INSERT INTO source_asset (connector_id, source_record_id, external_asset_id, asset_name,
          host_name, fqdn, domain, asset_type, os_name, os_version, bios_serial, bios_manufacturer,
          ip_addresses, mac_addresses, first_found, last_seen, cloud_provider, cloud_instance_id,
          source_tags, attributes, content_hash, key_cloud, key_serial, key_manufacturer,
          key_macs, key_virtual_macs, key_host, key_domain, tags, from_snapshot, created_at,
          updated_at, last_run_id)
      SELECT ?, r.source_record_id, r.external_asset_id, r.asset_name, r.host_name, r.fqdn,
          r.domain, r.asset_type, r.os_name, r.os_version, r.bios_serial, r.bios_manufacturer,
          COALESCE(r.ip_addresses, '{}'), COALESCE(r.mac_addresses, '{}'), r.first_found,
          r.last_seen, r.cloud_provider, r.cloud_instance_id, COALESCE(r.source_tags, '{}'),
          r.attributes, r.content_hash, r.key_cloud, r.key_serial, r.key_manufacturer,
          COALESCE(r.key_macs, '{}'), COALESCE(r.key_virtual_macs, '{}'), r.key_host,
          r.key_domain, COALESCE(r.tags, '[]'), ?, ?, ?, ?
      FROM sightline_asset_stage r
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
          key_cloud = EXCLUDED.key_cloud, key_serial = EXCLUDED.key_serial,
          key_manufacturer = EXCLUDED.key_manufacturer, key_macs = EXCLUDED.key_macs,
          key_virtual_macs = EXCLUDED.key_virtual_macs,
          key_host = EXCLUDED.key_host, key_domain = EXCLUDED.key_domain, tags = EXCLUDED.tags,
          from_snapshot = EXCLUDED.from_snapshot,
          updated_at = EXCLUDED.updated_at, last_run_id = EXCLUDED.last_run_id
      WHERE (source_asset.content_hash IS DISTINCT FROM EXCLUDED.content_hash
              OR source_asset.from_snapshot IS DISTINCT FROM EXCLUDED.from_snapshot)
          -- a snapshot never replaces what the assets stream returned
          AND (source_asset.from_snapshot OR NOT EXCLUDED.from_snapshot)
      RETURNING (xmax = 0) AS inserted, id
      """;

  // A page's detections arrive by COPY into a session-local staging table (emptied at commit),
  // then one set-based merge writes them: faster than decoding one JSON document per page, and
  // nothing is built per record but its line. Measured in docs/benchmarks.md.
  private static final String STAGE_TABLE = "sightline_detection_stage";

  private static final String CREATE_STAGE =
      """
      CREATE TEMP TABLE IF NOT EXISTS sightline_detection_stage (external_finding_id text,
          asset_source_id text, finding_key text, finding_name text, cve_id text,
          finding_severity integer, source_severity text, cvss_v2_base numeric,
          cvss_v3_base numeric, finding_status text, finding_sub_type text,
          detection_method text, finding_description text, recommendation text,
          first_found_on timestamptz, last_found_on timestamptz, fixed_on timestamptz,
          vendor_product_name text, open boolean, attributes jsonb, content_hash text)
      ON COMMIT DELETE ROWS
      """;

  // Every detection the read returned is written (last_seen_at), so a full sync can tell which
  // are absent; the old hash, read in the same snapshot, tells changed from unchanged.
  private static final String MERGE_DETECTIONS =
      """
      WITH old AS (
        SELECT d.external_finding_id, d.content_hash, d.open FROM detection d
        JOIN sightline_detection_stage i ON d.connector_id = ?::uuid
            AND d.external_finding_id = i.external_finding_id),
      up AS (
        INSERT INTO detection (connector_id, external_finding_id, asset_source_id,
            source_asset_id, finding_key, finding_name, cve_id, finding_severity, source_severity,
            cvss_v2_base, cvss_v3_base, finding_status, finding_sub_type, detection_method,
            finding_description, recommendation, first_found_on, last_found_on, fixed_on,
            vendor_product_name, open, attributes, content_hash, created_at, updated_at,
            last_run_id, last_seen_at, changed_at)
        SELECT ?::uuid, r.external_finding_id, r.asset_source_id,
            (SELECT a.id FROM source_asset a WHERE a.connector_id = ?::uuid
                AND a.source_record_id = r.asset_source_id),
            r.finding_key, r.finding_name, r.cve_id, r.finding_severity, r.source_severity,
            r.cvss_v2_base, r.cvss_v3_base, r.finding_status, r.finding_sub_type,
            r.detection_method, r.finding_description, r.recommendation, r.first_found_on,
            r.last_found_on, r.fixed_on, r.vendor_product_name, r.open, r.attributes,
            r.content_hash, ?, ?, ?::uuid, ?, ?
        FROM sightline_detection_stage r
        ON CONFLICT (connector_id, external_finding_id) DO UPDATE SET
            asset_source_id = EXCLUDED.asset_source_id,
            source_asset_id = COALESCE(EXCLUDED.source_asset_id, detection.source_asset_id),
            finding_key = EXCLUDED.finding_key, finding_name = EXCLUDED.finding_name,
            cve_id = EXCLUDED.cve_id, finding_severity = EXCLUDED.finding_severity,
            source_severity = EXCLUDED.source_severity, cvss_v2_base = EXCLUDED.cvss_v2_base,
            cvss_v3_base = EXCLUDED.cvss_v3_base, finding_status = EXCLUDED.finding_status,
            finding_sub_type = EXCLUDED.finding_sub_type,
            detection_method = EXCLUDED.detection_method,
            finding_description = EXCLUDED.finding_description,
            recommendation = EXCLUDED.recommendation, first_found_on = EXCLUDED.first_found_on,
            last_found_on = EXCLUDED.last_found_on, fixed_on = EXCLUDED.fixed_on,
            vendor_product_name = EXCLUDED.vendor_product_name, open = EXCLUDED.open,
            -- the stored attributes are kept when unchanged: re-storing them would write their
            -- TOAST chunks again for every detection a full read returns
            attributes = CASE WHEN detection.content_hash IS DISTINCT FROM EXCLUDED.content_hash
                THEN EXCLUDED.attributes ELSE detection.attributes END,
            content_hash = EXCLUDED.content_hash,
            updated_at = CASE WHEN detection.content_hash IS DISTINCT FROM EXCLUDED.content_hash
                THEN EXCLUDED.updated_at ELSE detection.updated_at END,
            last_run_id = EXCLUDED.last_run_id,
            changed_at = CASE WHEN detection.content_hash IS DISTINCT FROM EXCLUDED.content_hash
                OR detection.open IS DISTINCT FROM EXCLUDED.open
                THEN EXCLUDED.changed_at ELSE detection.changed_at END,
            last_seen_at = EXCLUDED.last_seen_at
        RETURNING id, external_finding_id, content_hash, (xmax = 0) AS inserted,
            source_asset_id IS NOT NULL AS attached)
      SELECT up.inserted, old.content_hash IS DISTINCT FROM up.content_hash AS changed, up.id,
          up.external_finding_id, up.attached
      FROM up LEFT JOIN old USING (external_finding_id)
      """;

  /**
   * A page's findings, the last of each external id kept, each encoded as its COPY line. Encoding
   * is the CPU-heavy part of a write (the attributes' canonical JSON and content hash), so a page
   * is encoded before its transaction opens, on the thread that read it.
   *
   * @param received how many rows the page had before duplicates were dropped
   */
  public record FindingBatch(int received, List<FindingRow> rows, List<String> lines) {
    public FindingBatch {
      rows = List.copyOf(rows);
      lines = List.copyOf(lines);
    }

    /**
     * The rows the predicate keeps, with their lines, out of {@code received} rows the page had for
     * them (duplicates included).
     */
    public FindingBatch only(java.util.function.Predicate<FindingRow> keep, int received) {
      List<FindingRow> kept = new ArrayList<>();
      List<String> keptLines = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (keep.test(rows.get(i))) {
          kept.add(rows.get(i));
          keptLines.add(lines.get(i));
        }
      }
      return new FindingBatch(received, kept, keptLines);
    }
  }

  /**
   * How many rows of a page were new, changed or already as stored, the ids of the rows that were
   * written (new or changed), which correlation re-examines, and the keys the store holds after the
   * write (for findings: only those attached to a source asset), which the run's accounting counts
   * as stored.
   */
  public record Outcome(
      long created, long updated, long unchanged, List<Long> written, Set<String> stored) {}

  /** Upserts records the assets stream returned. */
  public Outcome upsertAssets(
      Connection c, UUID connectorId, UUID runId, List<AssetRow> rows, Instant now)
      throws SQLException {
    return upsertAssets(c, connectorId, runId, rows, now, false);
  }

  /**
   * Upserts source assets; {@code fromSnapshot} marks assets built from findings' host snapshots,
   * which never replace a record the assets stream returned.
   */
  public Outcome upsertAssets(
      Connection c,
      UUID connectorId,
      UUID runId,
      List<AssetRow> rows,
      Instant now,
      boolean fromSnapshot)
      throws SQLException {
    List<AssetRow> unique = lastWins(rows, AssetRow::sourceRecordId);
    if (unique.isEmpty()) {
      return new Outcome(0, 0, rows.size(), List.of(), Set.of());
    }
    stage(c, CREATE_ASSET_STAGE, "sightline_asset_stage", encodeAssets(unique));
    long created = 0;
    long updated = 0;
    List<Long> written = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(MERGE_ASSETS)) {
      ps.setObject(1, connectorId);
      ps.setBoolean(2, fromSnapshot);
      ps.setObject(3, ts(now));
      ps.setObject(4, ts(now));
      ps.setObject(5, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getBoolean(1)) {
            created++;
          } else {
            updated++;
          }
          written.add(rs.getLong(2));
        }
      }
    }
    return new Outcome(
        created,
        updated,
        rows.size() - created - updated,
        written,
        storedAssetKeys(c, connectorId, unique.stream().map(AssetRow::sourceRecordId).toList()));
  }

  private static List<String> encodeAssets(List<AssetRow> rows) {
    List<String> lines = new ArrayList<>(rows.size());
    StringBuilder line = new StringBuilder(2048);
    for (AssetRow r : rows) {
      line.setLength(0);
      String attributes = canonicalJson(r.attributes());
      AssetKeys keys = AssetKeys.of(r);
      new CopyLine(line)
          .text(r.sourceRecordId())
          .text(r.externalAssetId())
          .text(r.assetName())
          .text(r.hostName())
          .text(r.fqdn())
          .text(r.domain())
          .text(r.assetType())
          .text(r.osName())
          .text(r.osVersion())
          .text(r.biosSerial())
          .text(r.biosManufacturer())
          .array(r.ipAddresses())
          .array(r.macAddresses())
          .time(r.firstFound())
          .time(r.lastSeen())
          .text(r.cloudProvider())
          .text(r.cloudInstanceId())
          .array(r.tags().stream().map(SourceTag::tag).distinct().toList())
          .text(attributes)
          .text(sha256(attributes))
          .text(keys.cloudInstance().orElse(null))
          .text(keys.serial().orElse(null))
          .text(keys.manufacturer().orElse(null))
          .array(List.copyOf(keys.strongMacs()))
          .array(List.copyOf(keys.virtualMacs()))
          .text(keys.host().orElse(null))
          .text(keys.domain().orElse(null))
          .text(json(r.tags()))
          .end();
      lines.add(line.toString());
    }
    return lines;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Which of the given vendor ids the connector has a source asset for. */
  public static Set<String> storedAssetKeys(Connection c, UUID connectorId, Collection<String> keys)
      throws SQLException {
    Set<String> found = new HashSet<>();
    if (keys.isEmpty()) {
      return found;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT source_record_id FROM source_asset"
                + " WHERE connector_id = ? AND source_record_id = ANY(?)")) {
      ps.setObject(1, connectorId);
      ps.setArray(2, c.createArrayOf("text", keys.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }

  /** Encodes and merges a page's findings. */
  public Outcome upsertFindings(
      Connection c, UUID connectorId, UUID runId, List<FindingRow> rows, Instant now)
      throws SQLException {
    return upsertFindings(c, connectorId, runId, encodeFindings(connectorId, rows), now);
  }

  /** The page's findings as COPY lines, the last of each external id kept. */
  public static FindingBatch encodeFindings(UUID connectorId, List<FindingRow> rows) {
    List<FindingRow> unique = lastWins(rows, FindingRow::externalFindingId);
    List<String> lines = new ArrayList<>(unique.size());
    StringBuilder line = new StringBuilder(2048);
    for (FindingRow r : unique) {
      line.setLength(0);
      TreeMap<String, Object> sorted = new TreeMap<>(r.attributes());
      String attributes = json(sorted);
      new CopyLine(line)
          .text(r.externalFindingId())
          .text(r.assetSourceId())
          .text(
              r.cveId() != null ? r.cveId() : "vendor:" + connectorId + ":" + r.externalFindingId())
          .text(r.findingName())
          .text(r.cveId())
          .number(r.findingSeverity())
          .text(r.sourceSeverity())
          .decimal(r.cvssV2Base())
          .decimal(r.cvssV3Base())
          .text(r.findingStatus())
          .text(r.findingSubType())
          .text(r.detectionMethod())
          .text(r.findingDescription())
          .text(r.recommendation())
          .time(r.firstFoundOn())
          .time(r.lastFoundOn())
          .time(r.fixedOn())
          .text(r.vendorProductName())
          .bool(r.open())
          .text(attributes)
          .text(findingHash(sorted, r.assetSourceId(), attributes))
          .end();
      lines.add(line.toString());
    }
    return new FindingBatch(rows.size(), unique, lines);
  }

  /** Merges an encoded page of findings: COPY into the staging table, then one upsert. */
  public Outcome upsertFindings(
      Connection c, UUID connectorId, UUID runId, FindingBatch batch, Instant now)
      throws SQLException {
    if (batch.rows().isEmpty()) {
      return new Outcome(0, 0, batch.received(), List.of(), Set.of());
    }
    stage(c, CREATE_STAGE, STAGE_TABLE, batch.lines());
    long created = 0;
    long updated = 0;
    List<Long> written = new ArrayList<>();
    Set<String> attached = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(MERGE_DETECTIONS)) {
      Object[] params = {
        connectorId, connectorId, connectorId, ts(now), ts(now), runId, ts(now), ts(now)
      };
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getBoolean(5)) {
            attached.add(rs.getString(4));
          }
          if (rs.getBoolean(1)) {
            created++;
          } else if (rs.getBoolean(2)) {
            updated++;
          } else {
            continue;
          }
          written.add(rs.getLong(3));
        }
      }
    }
    return new Outcome(created, updated, batch.received() - created - updated, written, attached);
  }

  /**
   * Fills a session's staging table with the lines, by COPY. The table empties itself at commit, so
   * this must run inside the caller's transaction (in autocommit the rows would be gone before the
   * merge reads them); a second page in one transaction replaces the first.
   */
  private static void stage(Connection c, String create, String table, List<String> lines)
      throws SQLException {
    if (c.getAutoCommit()) {
      throw new IllegalStateException("Staged writes must run inside a transaction");
    }
    try (java.sql.Statement st = c.createStatement()) {
      st.execute(create);
      st.execute("DELETE FROM " + table);
    }
    StringBuilder all = new StringBuilder(lines.size() * 1024);
    lines.forEach(all::append);
    try {
      c.unwrap(org.postgresql.PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY " + table + " FROM STDIN",
              new java.io.ByteArrayInputStream(all.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.io.IOException e) {
      throw new SQLException("Could not stage a page for " + table + ": " + e.getMessage(), e);
    }
  }

  /** The attributes as JSON with their keys in order, as stored and as hashed. */
  private static String canonicalJson(Map<String, Object> attributes) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(attributes));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The content hash of a finding: its attributes and its asset ({@code "@asset"}), as {@link
   * #hash} computes it, reusing the attributes' JSON when {@code "@asset"} sorts before every key
   * (always, for keys that start with a letter) instead of serializing the record twice.
   */
  private static String findingHash(
      TreeMap<String, Object> sorted, String assetSourceId, String attributesJson) {
    if (!sorted.isEmpty() && sorted.firstKey().compareTo(ASSET_KEY) <= 0) {
      TreeMap<String, Object> hashed = new TreeMap<>(sorted);
      hashed.put(ASSET_KEY, assetSourceId);
      return hash(hashed);
    }
    try {
      String asset = "{\"" + ASSET_KEY + "\":" + JSON.writeValueAsString(assetSourceId);
      String hashed = sorted.isEmpty() ? asset + "}" : asset + "," + attributesJson.substring(1);
      return sha256(hashed);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String ASSET_KEY = "@asset";

  private static java.time.OffsetDateTime ts(Instant t) {
    return java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC);
  }

  /** Links detections that arrived before their asset once the asset exists. */
  public static int linkOrphanDetections(Connection c, UUID connectorId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE detection f SET source_asset_id = a.id FROM source_asset a WHERE f.connector_id = ?"
                + " AND f.source_asset_id IS NULL AND a.connector_id = f.connector_id"
                + " AND a.source_record_id = f.asset_source_id")) {
      ps.setObject(1, connectorId);
      return ps.executeUpdate();
    }
  }

  private static <T> List<T> lastWins(List<T> rows, Function<T, String> key) {
    Map<String, T> byKey = new LinkedHashMap<>();
    rows.forEach(r -> byKey.put(key.apply(r), r));
    return List.copyOf(byKey.values());
  }

  static String hash(Map<String, Object> attributes) {
    return sha256(canonicalJson(attributes));
  }

  private static String sha256(String canonical) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
