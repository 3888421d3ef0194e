package dev.sightline.platform.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded random inventory whose values come from small pools, so random queries drawn from the
 * same pools hit some rows and miss others; nulls, letter case, several sources per asset and
 * several detections per finding included.
 */
final class RandomInventory {
  static final List<String> HOSTS =
      List.of("web-01", "WEB-01", "web-02", "db-01", "app_x", "Laptop-7", "50%_off\\", "o'brien");
  static final List<String> OSES = List.of("Windows Server 2022", "Ubuntu", "macOS", "windows 11");
  static final List<String> TYPES = List.of("Server", "Workstation", "Domain Controller");
  static final List<String> TAGS = List.of("prod", "PROD", "dmz", "pci");
  static final List<String> IPS =
      List.of(
          "10.0.0.5", "10.0.1.7", "10.1.2.3", "172.16.0.1", "192.168.1.20", "2001:db8::5", "::1");
  static final List<String> MACS =
      List.of("00:1b:a9:00:00:01", "00:1b:a9:00:00:02", "00:50:56:aa:bb:cc");
  static final List<String> CVES =
      List.of("CVE-2024-3400", "CVE-2023-4863", "CVE-2021-44228", "CVE-2024-0001");
  static final List<String> NAMES =
      List.of("PAN-OS GlobalProtect", "libwebp heap", "Log4Shell", "Weak TLS");
  static final List<String> STATUSES = List.of("open", "Closed", "new", "reopened");
  static final List<String> METHODS = List.of("agent", "network scan", "Agent");
  static final List<String> STATES = List.of("NEW", "ACTIVE", "FIXED", "REOPENED");
  static final List<String> BANDS = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");
  static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  static final List<String> CONNECTOR_NAMES = List.of("EU tenant", "Lab", "US tenant");

  final List<UUID> connectors = new ArrayList<>();

  void write(Rows rows, long seed, int assets) {
    Random r = new Random(seed);
    connectors.add(rows.connector("alpha", CONNECTOR_NAMES.get(0)));
    connectors.add(rows.connector("beta", CONNECTOR_NAMES.get(1)));
    connectors.add(rows.connector("alpha", CONNECTOR_NAMES.get(2)));
    rows.intel("CVE-2024-3400", true, "unknown", 0.94, new BigDecimal("10.0"));
    rows.intel("CVE-2021-44228", true, "known", 0.97, null);
    rows.intel("CVE-2023-4863", false, null, 0.3, new BigDecimal("8.8"));
    int record = 0;
    for (int i = 0; i < assets; i++) {
      Integer risk = r.nextInt(5) == 0 ? null : r.nextInt(11) * 100;
      long asset =
          rows.asset(
              risk,
              risk == null ? null : pick(r, BANDS),
              r.nextBoolean() ? null : 1 + r.nextInt(5),
              r.nextInt(4) == 0 ? null : 1 + r.nextInt(5),
              r.nextInt(6) == 0 ? day(r) : null);
      List<Long> sources = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int s = 0; s < n; s++) {
        Map<String, Object> c = new HashMap<>();
        put(c, r, "asset_name", HOSTS);
        put(c, r, "host_name", HOSTS);
        put(c, r, "domain", List.of("corp", "CORP", "lab"));
        put(c, r, "asset_type", TYPES);
        put(c, r, "os_name", OSES);
        put(c, r, "os_version", List.of("21H2", "22.04"));
        put(c, r, "bios_serial", List.of("VMW-1234", "SN-2"));
        put(c, r, "bios_manufacturer", List.of("VMware", "Dell Inc."));
        put(c, r, "cloud_provider", List.of("AWS", "Azure"));
        put(c, r, "link_rule", List.of("NEW_ASSET", "HOSTNAME_DOMAIN"));
        if (r.nextInt(4) > 0) {
          c.put("first_found", day(r).minus(200, ChronoUnit.DAYS));
        }
        if (r.nextInt(4) > 0) {
          c.put("last_seen", instant(r));
        }
        c.put("updated_at", instant(r));
        sources.add(
            rows.source(
                asset,
                connectors.get(r.nextInt(3)),
                "rec-" + record++,
                c,
                some(r, IPS),
                some(r, MACS),
                some(r, TAGS)));
      }
      int findings = r.nextInt(4);
      List<String> cves = new ArrayList<>(CVES);
      java.util.Collections.shuffle(cves, r);
      for (int f = 0; f < findings; f++) {
        boolean withCve = r.nextInt(5) > 0;
        String key = withCve ? cves.get(f) : "vendor:x:" + i + ":" + f;
        Integer qds = r.nextInt(5) == 0 ? null : 1 + r.nextInt(100);
        rows.finding(
            new Rows.F(
                asset,
                key,
                withCve ? key : null,
                pick(r, NAMES),
                1 + r.nextInt(5),
                qds,
                qds == null ? null : pick(r, BANDS),
                pick(r, STATES),
                r.nextBoolean() ? day(r) : instant(r),
                r.nextInt(5) == 0 ? null : instant(r),
                r.nextInt(3) == 0 ? instant(r) : null,
                r.nextInt(4) == 0 ? pick(r, List.of("RISK_ACCEPTED", "FALSE_POSITIVE")) : null));
        int detections = 1 + r.nextInt(2);
        for (int d = 0; d < detections; d++) {
          long source = sources.get(r.nextInt(sources.size()));
          UUID connector = connectors.get(r.nextInt(3));
          rows.detection(
              source,
              connector,
              key,
              r.nextInt(5) == 0 ? null : pick(r, STATUSES),
              r.nextInt(4) == 0 ? null : pick(r, METHODS),
              r.nextInt(4) == 0 ? null : instant(r),
              r.nextBoolean(),
              r.nextInt(3) == 0 ? null : new BigDecimal(r.nextInt(100)).movePointLeft(1),
              "ignored: the product comes from the connector type");
        }
      }
    }
  }

  private static void put(Map<String, Object> c, Random r, String column, List<String> pool) {
    if (r.nextInt(5) > 0) {
      c.put(column, pick(r, pool));
    }
  }

  static <T> T pick(Random r, List<T> pool) {
    return pool.get(r.nextInt(pool.size()));
  }

  private static List<String> some(Random r, List<String> pool) {
    List<String> out = new ArrayList<>();
    for (String v : pool) {
      if (r.nextInt(pool.size()) == 0) {
        out.add(v);
      }
    }
    return out;
  }

  /** A whole day (midnight) within 90 days of BASE. */
  static Instant day(Random r) {
    return BASE.plus(r.nextInt(90), ChronoUnit.DAYS);
  }

  static Instant instant(Random r) {
    return r.nextBoolean()
        ? day(r)
        : BASE.plus(r.nextInt(90 * 24), ChronoUnit.HOURS).plusSeconds(r.nextInt(3) * 1800L);
  }
}
