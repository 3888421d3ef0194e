package dev.sightline.platform.query;

import dev.sightline.query.Comparison;
import dev.sightline.query.Condition;
import dev.sightline.query.Expr;
import dev.sightline.query.Value;
import dev.sightline.query.ValueKind;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The query language evaluated in plain Java over rows read back from the tables, written from the
 * language's description and not from the SQL the compiler writes: the property tests hold the two
 * to the same answers.
 */
final class Evaluator {
  enum Kind {
    TEXT,
    MAC,
    NUMBER,
    DATE,
    BOOL,
    IP,
    CONNECTOR
  }

  enum On {
    ASSET,
    SOURCE,
    FINDING,
    DETECTION
  }

  record Def(On on, Kind kind, Function<Object, List<Object>> values) {}

  private final Loaded data;
  private final SourceLabels labels;
  private final Clock clock;
  private final Map<String, Def> defs = new HashMap<>();

  Evaluator(Loaded data, SourceLabels labels, Clock clock) {
    this.data = data;
    this.labels = labels;
    this.clock = clock;
    define();
  }

  /** The ids of the assets or findings the query selects. */
  Set<Long> select(QueryEntity entity, Expr expr) {
    Set<Long> out = new TreeSet<>();
    if (entity == QueryEntity.ASSETS) {
      for (Loaded.Ast a : data.assets()) {
        if (holds(entity, a, expr)) {
          out.add(a.id());
        }
      }
    } else {
      for (Loaded.Fnd f : data.findings()) {
        if (holds(entity, f, expr)) {
          out.add(f.id());
        }
      }
    }
    return out;
  }

  private boolean holds(QueryEntity entity, Object row, Expr e) {
    if (e instanceof Expr.All) {
      return true;
    }
    if (e instanceof Expr.And and) {
      return and.parts().stream().allMatch(p -> holds(entity, row, p));
    }
    if (e instanceof Expr.Or or) {
      return or.parts().stream().anyMatch(p -> holds(entity, row, p));
    }
    if (e instanceof Expr.Not not) {
      return !holds(entity, row, not.inner());
    }
    if (e instanceof Expr.Term t) {
      Def d = defs.get(t.token().toLowerCase(Locale.ROOT));
      List<Object> rows = rowsOf(entity, row, d.on());
      if (t.condition() instanceof Condition.IsNull) {
        return rows.stream().noneMatch(r -> !d.values().apply(r).isEmpty());
      }
      return rows.stream().anyMatch(r -> term(d, t.condition(), r));
    }
    Expr.Nested n = (Expr.Nested) e;
    On on = n.parent().equalsIgnoreCase("inventory") ? On.SOURCE : On.DETECTION;
    return rowsOf(entity, row, on).stream().anyMatch(r -> inner(n.parent(), n.inner(), r));
  }

  private boolean inner(String parent, Expr e, Object r) {
    if (e instanceof Expr.All) {
      return true;
    }
    if (e instanceof Expr.And and) {
      return and.parts().stream().allMatch(p -> inner(parent, p, r));
    }
    if (e instanceof Expr.Or or) {
      return or.parts().stream().anyMatch(p -> inner(parent, p, r));
    }
    if (e instanceof Expr.Not not) {
      return !inner(parent, not.inner(), r);
    }
    Expr.Term t = (Expr.Term) e;
    String name = t.token().toLowerCase(Locale.ROOT);
    Def d =
        Stream.of(parent.toLowerCase(Locale.ROOT) + "." + name, name, "asset." + name)
            .map(defs::get)
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow();
    return term(d, t.condition(), r);
  }

  private List<Object> rowsOf(QueryEntity entity, Object row, On on) {
    long assetId = row instanceof Loaded.Ast a ? a.id() : ((Loaded.Fnd) row).assetId();
    return switch (on) {
      case ASSET ->
          List.of(data.assets().stream().filter(a -> a.id() == assetId).findFirst().orElseThrow());
      case SOURCE -> new ArrayList<>(sourcesOf(assetId));
      case FINDING -> List.of(row);
      case DETECTION -> {
        Loaded.Fnd f = (Loaded.Fnd) row;
        List<Long> sources = sourcesOf(assetId).stream().map(Loaded.Src::id).toList();
        yield new ArrayList<>(
            data.detections().stream()
                .filter(d -> sources.contains(d.sourceId()) && d.key().equals(f.key()))
                .toList());
      }
    };
  }

  private List<Loaded.Src> sourcesOf(long assetId) {
    return data.sources().stream().filter(s -> s.assetId() == assetId).toList();
  }

  private boolean term(Def d, Condition c, Object r) {
    List<Object> vs = d.values().apply(r);
    if (c instanceof Condition.IsNull) {
      return vs.isEmpty();
    }
    if (c instanceof Condition.NotNull) {
      return !vs.isEmpty();
    }
    if (d.kind() == Kind.CONNECTOR) {
      UUID id = connectorOf(r);
      Loaded.Conn conn = data.connectors().get(id);
      return listed(c).stream()
          .anyMatch(
              v ->
                  v.kind() == ValueKind.WORD && looksLikeUuid(v.text())
                      ? id.toString().equalsIgnoreCase(v.text().trim())
                      : text(v, conn.name()));
    }
    return vs.stream().anyMatch(x -> value(d.kind(), c, x));
  }

  private static UUID connectorOf(Object r) {
    return r instanceof Loaded.Src s ? s.connectorId() : ((Loaded.Det) r).connectorId();
  }

  private static boolean looksLikeUuid(String s) {
    return s.trim()
        .matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  }

  private static List<Value> listed(Condition c) {
    return c instanceof Condition.OneOf o ? o.values() : List.of(((Condition.Matches) c).value());
  }

  private boolean value(Kind kind, Condition c, Object x) {
    switch (kind) {
      case TEXT:
        return listed(c).stream().anyMatch(v -> text(v, (String) x));
      case MAC:
        return listed(c).stream().anyMatch(v -> mac(v, (String) x));
      case BOOL:
        return listed(c).stream()
            .anyMatch(
                v -> Boolean.parseBoolean(v.text().trim().toLowerCase(Locale.ROOT)) == (Boolean) x);
      default:
        return ordered(kind, c, x);
    }
  }

  static boolean text(Value v, String s) {
    if (s == null) {
      return false;
    }
    String low = s.toLowerCase(Locale.ROOT);
    String want = v.text().toLowerCase(Locale.ROOT);
    switch (v.kind()) {
      case EXACT:
        return s.equals(v.text());
      case PHRASE:
        return low.contains(want);
      default:
        if (want.contains("*")) {
          StringBuilder re = new StringBuilder();
          for (char ch : want.toCharArray()) {
            re.append(ch == '*' ? ".*" : Pattern.quote(String.valueOf(ch)));
          }
          return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(low).matches();
        }
        return low.equals(want);
    }
  }

  private static boolean mac(Value v, String s) {
    if (v.kind() != ValueKind.WORD || v.text().contains("*")) {
      return text(v, s);
    }
    String hex = v.text().trim().replaceAll("[-:.]", "").toLowerCase(Locale.ROOT);
    StringBuilder canon = new StringBuilder();
    for (int i = 0; i < 12; i += 2) {
      canon.append(i == 0 ? "" : ":").append(hex, i, i + 2);
    }
    return s.toLowerCase(Locale.ROOT).equals(canon.toString());
  }

  // ---- ordered values: a value is a span [lo, hi] or [lo, hi) ----

  private record Span(Comparable<Object> lo, Comparable<Object> hi, boolean closed) {}

  private boolean ordered(Kind kind, Condition c, Object stored) {
    @SuppressWarnings("unchecked")
    Comparable<Object> x = (Comparable<Object>) normalize(kind, stored);
    if (x == null) {
      return false;
    }
    if (c instanceof Condition.Matches m) {
      return matches(kind, m.value(), x);
    }
    if (c instanceof Condition.OneOf o) {
      return o.values().stream().anyMatch(v -> matches(kind, v, x));
    }
    if (c instanceof Condition.Compares cmp) {
      return compare(cmp.op(), span(kind, cmp.value(), stored), x);
    }
    Condition.Between b = (Condition.Between) c;
    return b.inclusive()
        ? compare(Comparison.GE, span(kind, b.low(), stored), x)
            && compare(Comparison.LE, span(kind, b.high(), stored), x)
        : compare(Comparison.GT, span(kind, b.low(), stored), x)
            && compare(Comparison.LT, span(kind, b.high(), stored), x);
  }

  private boolean matches(Kind kind, Value v, Comparable<Object> x) {
    if (kind == Kind.IP && v.text().contains("/")) {
      String[] p = v.text().trim().split("/");
      Ip block = Ip.parse(p[0]);
      return block != null && ((Ip) (Object) x).within(block, Integer.parseInt(p[1]));
    }
    Span s = span(kind, v, x);
    return s.closed()
        ? x.compareTo(s.lo()) >= 0 && x.compareTo(s.hi()) <= 0
        : x.compareTo(s.lo()) >= 0 && x.compareTo(s.hi()) < 0;
  }

  private static boolean compare(Comparison op, Span s, Comparable<Object> x) {
    return switch (op) {
      case GT -> s.closed() ? x.compareTo(s.hi()) > 0 : x.compareTo(s.hi()) >= 0;
      case GE -> x.compareTo(s.lo()) >= 0;
      case LT -> x.compareTo(s.lo()) < 0;
      case LE -> s.closed() ? x.compareTo(s.hi()) <= 0 : x.compareTo(s.hi()) < 0;
    };
  }

  private static Object normalize(Kind kind, Object stored) {
    if (kind == Kind.IP) {
      return Ip.parse((String) stored);
    }
    if (stored instanceof Integer i) {
      return new BigDecimal(i);
    }
    if (stored instanceof Long l) {
      return new BigDecimal(l);
    }
    return stored;
  }

  @SuppressWarnings("unchecked")
  private Span span(Kind kind, Value v, Object like) {
    String t = v.text().trim();
    if (kind == Kind.NUMBER) {
      Object n = like instanceof Double ? (Object) Double.valueOf(t) : new BigDecimal(t);
      return new Span((Comparable<Object>) n, (Comparable<Object>) n, true);
    }
    if (kind == Kind.IP) {
      Ip ip = Ip.parse(t);
      return new Span((Comparable<Object>) (Object) ip, (Comparable<Object>) (Object) ip, true);
    }
    Matcher m = Pattern.compile("now((?:[+-]\\d+[smhdwMy])*)").matcher(t);
    if (m.matches()) {
      ZonedDateTime at = clock.instant().atZone(ZoneOffset.UTC);
      Matcher step = Pattern.compile("([+-])(\\d+)([smhdwMy])").matcher(m.group(1));
      while (step.find()) {
        long n = Long.parseLong(step.group(2)) * (step.group(1).equals("-") ? -1 : 1);
        at =
            switch (step.group(3)) {
              case "s" -> at.plusSeconds(n);
              case "m" -> at.plusMinutes(n);
              case "h" -> at.plusHours(n);
              case "d" -> at.plusDays(n);
              case "w" -> at.plusWeeks(n);
              case "M" -> at.plusMonths(n);
              default -> at.plusYears(n);
            };
      }
      Instant i = at.toInstant();
      return new Span((Comparable<Object>) (Object) i, (Comparable<Object>) (Object) i, true);
    }
    if (t.length() == 10) {
      LocalDate d = LocalDate.parse(t);
      return new Span(
          (Comparable<Object>) (Object) d.atStartOfDay(ZoneOffset.UTC).toInstant(),
          (Comparable<Object>) (Object) d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
          false);
    }
    Instant i = OffsetDateTime.parse(t).toInstant();
    return new Span((Comparable<Object>) (Object) i, (Comparable<Object>) (Object) i, true);
  }

  /** An address as PostgreSQL orders host addresses: IPv4 before IPv6, then by bytes. */
  record Ip(byte[] bytes) implements Comparable<Ip> {
    static Ip parse(String text) {
      String t = text.trim();
      if (!t.matches("[0-9a-fA-F:.]+")) {
        return null;
      }
      try {
        return new Ip(InetAddress.getByName(t).getAddress());
      } catch (UnknownHostException e) {
        return null;
      }
    }

    boolean within(Ip block, int bits) {
      if (bytes.length != block.bytes.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((bytes[i / 8] & mask) != (block.bytes[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int compareTo(Ip o) {
      if (bytes.length != o.bytes.length) {
        return Integer.compare(bytes.length, o.bytes.length);
      }
      return java.util.Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Ip ip && compareTo(ip) == 0;
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }
  }

  // ---- the tokens, as the documentation describes them ----

  private void define() {
    asset("asset.id", Kind.NUMBER, a -> a.id());
    asset("asset.riskscore", Kind.NUMBER, Loaded.Ast::risk);
    asset("asset.riskband", Kind.TEXT, Loaded.Ast::band);
    asset(
        "asset.criticality", Kind.NUMBER, a -> a.criticality() != null ? a.criticality() : a.acs());
    asset(
        "asset.firstfound",
        Kind.DATE,
        a ->
            sourcesOf(a.id()).stream()
                .map(Loaded.Src::firstFound)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null));
    asset(
        "asset.lastseen",
        Kind.DATE,
        a ->
            sourcesOf(a.id()).stream()
                .map(Loaded.Src::lastSeen)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null));
    asset("asset.state", Kind.TEXT, a -> a.staleSince() == null ? "ACTIVE" : "STALE");
    Map<String, String> columns =
        Map.ofEntries(
            Map.entry("asset.name", "asset_name"),
            Map.entry("asset.hostname", "host_name"),
            Map.entry("asset.fqdn", "fqdn"),
            Map.entry("asset.domain", "domain"),
            Map.entry("asset.type", "asset_type"),
            Map.entry("asset.os", "os_name"),
            Map.entry("asset.osversion", "os_version"),
            Map.entry("asset.serial", "bios_serial"),
            Map.entry("asset.manufacturer", "bios_manufacturer"),
            Map.entry("asset.cloudprovider", "cloud_provider"),
            Map.entry("asset.linkrule", "link_rule"));
    columns.forEach((name, column) -> source(name, Kind.TEXT, s -> s.text().get(column)));
    sources("asset.ip", Kind.IP, s -> s.ips().stream().filter(ip -> Ip.parse(ip) != null).toList());
    sources("asset.mac", Kind.MAC, Loaded.Src::macs);
    sources("asset.tags", Kind.TEXT, Loaded.Src::tags);
    source("inventory.source", Kind.TEXT, s -> label(s.connectorId(), false));
    source("inventory.connector", Kind.CONNECTOR, s -> "connector");
    source("inventory.lastupdated", Kind.DATE, Loaded.Src::updatedAt);
    source("inventory.lastseen", Kind.DATE, Loaded.Src::lastSeen);
    source("inventory.sourcerecordid", Kind.TEXT, Loaded.Src::recordId);

    finding("finding.id", Kind.NUMBER, f -> f.id());
    finding("finding.cveid", Kind.TEXT, Loaded.Fnd::cve);
    finding("finding.name", Kind.TEXT, Loaded.Fnd::name);
    finding("finding.severity", Kind.NUMBER, Loaded.Fnd::severity);
    finding("finding.qds", Kind.NUMBER, Loaded.Fnd::qds);
    finding("finding.qdsband", Kind.TEXT, Loaded.Fnd::band);
    finding("finding.state", Kind.TEXT, Loaded.Fnd::state);
    finding("finding.firstfound", Kind.DATE, Loaded.Fnd::first);
    finding("finding.lastfound", Kind.DATE, Loaded.Fnd::last);
    finding("finding.fixedon", Kind.DATE, Loaded.Fnd::fixed);
    finding("finding.decision", Kind.TEXT, Loaded.Fnd::decision);
    finding("finding.iskev", Kind.BOOL, f -> intel(f) != null && intel(f).kev());
    finding(
        "finding.ransomware",
        Kind.BOOL,
        f -> intel(f) != null && "known".equals(intel(f).ransomware()));
    finding("finding.epss", Kind.NUMBER, f -> intel(f) == null ? null : intel(f).epss());
    finding("finding.cvss", Kind.NUMBER, this::cvss);
    detection("detection.vendorproductname", Kind.TEXT, d -> label(d.connectorId(), true));
    detection("findings.vendorproductname", Kind.TEXT, d -> label(d.connectorId(), true));
    detection("detection.source", Kind.TEXT, d -> label(d.connectorId(), false));
    detection("finding.source", Kind.TEXT, d -> label(d.connectorId(), false));
    detection("detection.connector", Kind.CONNECTOR, d -> "connector");
    detection("detection.status", Kind.TEXT, Loaded.Det::status);
    detection("finding.sourcestatus", Kind.TEXT, Loaded.Det::status);
    detection("detection.detectionmethod", Kind.TEXT, Loaded.Det::method);
    detection("finding.detectionmethod", Kind.TEXT, Loaded.Det::method);
    detection("detection.lastfound", Kind.DATE, Loaded.Det::lastFound);
    detection("detection.open", Kind.BOOL, Loaded.Det::open);
  }

  private Loaded.Intel intel(Loaded.Fnd f) {
    return f.cve() == null ? null : data.intel().get(f.cve());
  }

  private BigDecimal cvss(Loaded.Fnd f) {
    if (intel(f) != null && intel(f).cvss() != null) {
      return intel(f).cvss();
    }
    List<Long> sources = sourcesOf(f.assetId()).stream().map(Loaded.Src::id).toList();
    return data.detections().stream()
        .filter(d -> sources.contains(d.sourceId()) && d.key().equals(f.key()))
        .map(Loaded.Det::cvss)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  private String label(UUID connector, boolean product) {
    SourceLabels.Labels l = labels.byType().get(data.connectors().get(connector).type());
    return l == null ? null : product ? l.vendorProductName() : l.sourceName();
  }

  private static List<Object> one(Object v) {
    return v == null ? List.of() : List.of(v);
  }

  private void asset(String name, Kind kind, Function<Loaded.Ast, Object> f) {
    defs.put(name, new Def(On.ASSET, kind, r -> one(f.apply((Loaded.Ast) r))));
  }

  private void source(String name, Kind kind, Function<Loaded.Src, Object> f) {
    defs.put(name, new Def(On.SOURCE, kind, r -> one(f.apply((Loaded.Src) r))));
  }

  private void sources(String name, Kind kind, Function<Loaded.Src, List<String>> f) {
    defs.put(name, new Def(On.SOURCE, kind, r -> new ArrayList<>(f.apply((Loaded.Src) r))));
  }

  private void finding(String name, Kind kind, Function<Loaded.Fnd, Object> f) {
    defs.put(name, new Def(On.FINDING, kind, r -> one(f.apply((Loaded.Fnd) r))));
  }

  private void detection(String name, Kind kind, Function<Loaded.Det, Object> f) {
    defs.put(name, new Def(On.DETECTION, kind, r -> one(f.apply((Loaded.Det) r))));
  }
}
