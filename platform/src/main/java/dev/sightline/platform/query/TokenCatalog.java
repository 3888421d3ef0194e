package dev.sightline.platform.query;

import dev.sightline.platform.correlation.LinkRule;
import dev.sightline.platform.lifecycle.FindingDecisions;
import dev.sightline.platform.lifecycle.FindingState;
import dev.sightline.platform.normalize.AssetTypes;
import dev.sightline.platform.scoring.QdsBand;
import dev.sightline.platform.scoring.RiskBand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every token a query may name, in one place: its type, operators, example, meaning and the SQL
 * that reads it. Nothing else turns a name into SQL, so a name not listed here cannot reach the
 * database.
 */
final class TokenCatalog {
  static final String INVENTORY = "inventory";
  static final String DETECTION = "detection";

  private static final Set<Operator> ORDERED = EnumSet.allOf(Operator.class);
  private static final Set<Operator> TEXT =
      EnumSet.of(Operator.MATCHES, Operator.ONE_OF, Operator.IS_NULL, Operator.NOT_NULL);
  private static final Set<Operator> LABEL = EnumSet.of(Operator.MATCHES, Operator.ONE_OF);
  private static final Set<Operator> BOOL = EnumSet.of(Operator.MATCHES);

  private static final String PRIMARY = "(SELECT {e}.%s FROM primary_source({r}.id) {e})";

  private final Map<QueryEntity, Map<String, Token>> byEntity;

  TokenCatalog() {
    List<Token> asset = assetTokens();
    List<Token> finding = new ArrayList<>(findingTokens());
    finding.addAll(asset);
    byEntity = Map.of(QueryEntity.ASSETS, index(asset), QueryEntity.FINDINGS, index(finding));
  }

  private static Map<String, Token> index(List<Token> tokens) {
    Map<String, Token> map = new LinkedHashMap<>();
    for (Token t : tokens) {
      if (map.put(t.key(), t) != null) {
        throw new IllegalStateException("token listed twice: " + t.name());
      }
    }
    return map;
  }

  List<Token> tokens(QueryEntity entity) {
    return List.copyOf(byEntity.get(entity).values());
  }

  Optional<Token> find(QueryEntity entity, String name) {
    return Optional.ofNullable(byEntity.get(entity).get(name.toLowerCase(Locale.ROOT)));
  }

  /** The nested parents an entity's queries may use, with the scope of their elements. */
  Optional<Scope> parent(QueryEntity entity, String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.equals(INVENTORY)) {
      return Optional.of(Scope.SOURCE);
    }
    if (key.equals(DETECTION) && entity == QueryEntity.FINDINGS) {
      return Optional.of(Scope.DETECTION);
    }
    return Optional.empty();
  }

  List<String> parents(QueryEntity entity) {
    return entity == QueryEntity.FINDINGS ? List.of(INVENTORY, DETECTION) : List.of(INVENTORY);
  }

  /**
   * A token inside {@code parent:(…)}: named relative to the parent ({@code source}), or in full
   * ({@code inventory.source}, {@code asset.hostName}); it must read the parent's rows.
   */
  Optional<Token> findInside(QueryEntity entity, String parent, Scope scope, String name) {
    String p = parent.toLowerCase(Locale.ROOT);
    return find(entity, p + "." + name)
        .or(() -> find(entity, name))
        .or(() -> find(entity, "asset." + name))
        .filter(t -> t.scope() == scope);
  }

  /** Token names close to a misspelt one, best first. */
  List<String> closeTo(QueryEntity entity, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    String tail = wanted.substring(wanted.lastIndexOf('.') + 1);
    return byEntity.get(entity).values().stream()
        .map(Token::name)
        .map(n -> Map.entry(n, distance(n.toLowerCase(Locale.ROOT), wanted, tail)))
        .filter(e -> e.getValue() <= 3)
        .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
        .limit(3)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static int distance(String candidate, String wanted, String tail) {
    String candidateTail = candidate.substring(candidate.lastIndexOf('.') + 1);
    return Math.min(
        levenshtein(candidate, wanted), tail.length() >= 3 ? levenshtein(candidateTail, tail) : 99);
  }

  private static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  // ---- the tokens ----

  private static List<Token> assetTokens() {
    List<Token> t = new ArrayList<>();
    t.add(
        number(
            "asset.id", Scope.ASSET, "{r}.id", false, "asset.id:42", "{r}.id", "The asset's id."));
    t.add(
        number(
            "asset.riskScore",
            Scope.ASSET,
            "{r}.risk_score",
            true,
            "asset.riskScore >= 700",
            "{r}.risk_score",
            "The stored asset risk score, 0–1000."));
    t.add(
        enumeration(
            "asset.riskBand",
            Scope.ASSET,
            "{r}.risk_band",
            names(RiskBand.values()),
            "asset.riskBand:CRITICAL",
            "The band of the asset's risk score."));
    t.add(
        number(
            "asset.criticality",
            Scope.ASSET,
            "coalesce({r}.criticality, {r}.acs)",
            true,
            "asset.criticality >= 4",
            "coalesce({r}.criticality, {r}.acs)",
            "The asset criticality (1–5) in force: a user's, else the one its score used."));
    t.add(
        date(
            "asset.firstFound",
            Scope.ASSET,
            "(SELECT min({e}.first_found) FROM source_asset {e} WHERE {e}.asset_id = {r}.id)",
            "asset.firstFound < 2026-01-01",
            true,
            "When a source first found the asset (the earliest of its sources)."));
    t.add(
        date(
            "asset.lastSeen",
            Scope.ASSET,
            "(SELECT max({e}.last_seen) FROM source_asset {e} WHERE {e}.asset_id = {r}.id)",
            "asset.lastSeen > now-7d",
            true,
            "When a source last saw the asset (the latest of its sources)."));
    t.add(
        enumeration(
            "asset.state",
            Scope.ASSET,
            "CASE WHEN {r}.stale_since IS NULL THEN 'ACTIVE' ELSE 'STALE' END",
            List.of("ACTIVE", "STALE"),
            "asset.state:STALE",
            "STALE once no source has seen the asset for its retention period."));
    t.add(
        sourceText(
            "asset.name", "asset_name", "asset.name:web*", "The asset name any source gives."));
    t.add(
        sourceText(
            "asset.hostName",
            "host_name",
            "asset.hostName:web-01",
            "The host name any source gives."));
    t.add(
        sourceText(
            "asset.fqdn", "fqdn", "asset.fqdn:\"corp.example\"", "The FQDN any source gives."));
    t.add(
        sourceText("asset.domain", "domain", "asset.domain:corp", "The domain any source gives."));
    t.add(
        enumeration(
            "asset.type",
            Scope.SOURCE,
            "{r}.asset_type",
            List.of(
                AssetTypes.SERVER,
                AssetTypes.WORKSTATION,
                AssetTypes.DOMAIN_CONTROLLER,
                AssetTypes.MOBILE,
                AssetTypes.CONTAINER,
                AssetTypes.SERVERLESS),
            "asset.type:Server",
            "The asset type any source gives."));
    t.add(
        sourceText(
            "asset.os", "os_name", "asset.os:\"Windows Server\"", "The operating system name."));
    t.add(sourceText("asset.osVersion", "os_version", "asset.osVersion:22H2", "The OS version."));
    t.add(sourceText("asset.serial", "bios_serial", "asset.serial:`VMW-1234`", "The BIOS serial."));
    t.add(
        sourceText(
            "asset.manufacturer",
            "bios_manufacturer",
            "asset.manufacturer:Dell*",
            "The BIOS manufacturer."));
    t.add(
        sourceText(
            "asset.cloudProvider",
            "cloud_provider",
            "asset.cloudProvider:AWS",
            "The cloud provider any source gives."));
    t.add(
        enumeration(
            "asset.linkRule",
            Scope.SOURCE,
            "{r}.link_rule",
            names(LinkRule.values()),
            "asset.linkRule:SERIAL_MANUFACTURER",
            "The correlation rule that linked a source record of the asset."));
    t.add(
        new Token(
            "asset.ip",
            TokenType.IP,
            Scope.SOURCE,
            new Accessor.Elements(
                "source_asset_ip {e} WHERE {e}.source_asset_id = {r}.id", "{e}.ip"),
            ORDERED,
            "asset.ip:10.0.0.0/8",
            List.of(),
            false,
            false,
            Optional.empty(),
            "Any IP address of the asset: an address, a CIDR block, a range [a .. b]."));
    t.add(
        new Token(
            "asset.mac",
            TokenType.MAC,
            Scope.SOURCE,
            new Accessor.Elements("unnest({r}.mac_addresses) AS {e}(v) WHERE true", "{e}.v"),
            TEXT,
            "asset.mac:00:1b:a9:00:00:01",
            List.of(),
            false,
            false,
            Optional.empty(),
            "Any MAC address of the asset, in any common notation."));
    t.add(
        new Token(
            "asset.tags",
            TokenType.STRING,
            Scope.SOURCE,
            new Accessor.Elements(
                "jsonb_array_elements({r}.tags) AS {e}(t) WHERE true", "({e}.t ->> 'tag')"),
            TEXT,
            "asset.tags:prod",
            List.of(),
            false,
            false,
            Optional.empty(),
            "Any tag a source gives the asset."));
    // inventory:(…): one source record of the asset.
    t.add(
        new Token(
            "inventory.source",
            TokenType.STRING,
            Scope.SOURCE,
            new Accessor.Label(false),
            LABEL,
            "inventory:(source:\"Inventory\")",
            List.of(),
            false,
            false,
            Optional.empty(),
            "The inventory source (the connector type's source name) of a source record."));
    t.add(
        new Token(
            "inventory.connector",
            TokenType.STRING,
            Scope.SOURCE,
            new Accessor.ConnectorOf(),
            LABEL,
            "inventory:(connector:\"EU tenant\")",
            List.of(),
            false,
            false,
            Optional.empty(),
            "The connector (its name, or its id) that reported a source record."));
    t.add(
        date(
            "inventory.lastUpdated",
            Scope.SOURCE,
            "{r}.updated_at",
            "inventory:(lastUpdated > now-7d)",
            false,
            "When Sightline last stored a change to the source record."));
    t.add(
        date(
            "inventory.lastSeen",
            Scope.SOURCE,
            "{r}.last_seen",
            "inventory:(lastSeen > now-7d)",
            false,
            "When the source says it last saw the record."));
    t.add(
        text(
            "inventory.sourceRecordId",
            Scope.SOURCE,
            "{r}.source_record_id",
            false,
            "inventory:(sourceRecordId:`a1b2c3`)",
            "The vendor's stable id of the source record."));
    return t;
  }

  private static List<Token> findingTokens() {
    List<Token> t = new ArrayList<>();
    t.add(
        number(
            "finding.id",
            Scope.FINDING,
            "{r}.id",
            false,
            "finding.id:42",
            "{r}.id",
            "The finding's id."));
    t.add(
        text(
            "finding.cveId",
            Scope.FINDING,
            "{r}.cve_id",
            true,
            "finding.cveId:CVE-2024-3400",
            "The CVE the finding is about."));
    t.add(
        text(
            "finding.name",
            Scope.FINDING,
            "{r}.finding_name",
            false,
            "finding.name:\"OpenSSL\"",
            "The finding's name."));
    t.add(
        number(
            "finding.severity",
            Scope.FINDING,
            "{r}.severity",
            false,
            "finding.severity >= 4",
            "{r}.severity",
            "The severity, 1–5."));
    t.add(
        number(
            "finding.qds",
            Scope.FINDING,
            "{r}.qds",
            true,
            "finding.qds:[70 .. 100]",
            "{r}.qds",
            "The stored detection score (QDS), 1–100."));
    t.add(
        enumeration(
            "finding.qdsBand",
            Scope.FINDING,
            "{r}.qds_band",
            names(QdsBand.values()),
            "finding.qdsBand:[CRITICAL, HIGH]",
            "The band of the QDS."));
    t.add(
        enumeration(
            "finding.state",
            Scope.FINDING,
            "{r}.state",
            names(FindingState.values()),
            "finding.state:ACTIVE",
            "The lifecycle state."));
    t.add(
        date(
            "finding.firstFound",
            Scope.FINDING,
            "{r}.first_found",
            "finding.firstFound > now-30d",
            true,
            "When the finding was first found."));
    t.add(
        date(
            "finding.lastFound",
            Scope.FINDING,
            "{r}.last_found",
            "finding.lastFound < now-7d",
            true,
            "When a source last found it."));
    t.add(
        date(
            "finding.fixedOn",
            Scope.FINDING,
            "{r}.fixed_on",
            "finding.fixedOn:2026-03-01",
            true,
            "When it was fixed."));
    t.add(
        enumeration(
            "finding.decision",
            Scope.FINDING,
            "{r}.decision",
            names(FindingDecisions.Decision.values()),
            "finding.decision:RISK_ACCEPTED",
            "A user's decision kept over what sources say."));
    t.add(
        intelFlag(
            "finding.isKev",
            "{e}.in_kev",
            "finding.isKev:true",
            "Whether its CVE is in the CISA KEV catalog."));
    t.add(
        intelFlag(
            "finding.ransomware",
            "{e}.kev_ransomware = 'known'",
            "finding.ransomware:true",
            "Whether KEV says its CVE is known to be used in ransomware campaigns."));
    Token epss =
        number(
            "finding.epss",
            Scope.FINDING,
            "(SELECT {e}.epss_score FROM cve_intel {e} WHERE {e}.cve_id = {r}.cve_id)",
            true,
            "finding.epss > 0.5",
            "(SELECT {e}.epss_score FROM cve_intel {e} WHERE {e}.cve_id = {r}.cve_id)",
            "The EPSS probability (0–1) of its CVE.");
    t.add(decimal(looked(epss, intel("{e}.epss_score")), true));
    String cvss =
        "coalesce((SELECT {e}.cvss_v3_base FROM cve_intel {e} WHERE {e}.cve_id = {r}.cve_id),"
            + " (SELECT max({e2}.cvss_v3_base) FROM source_asset {e}s JOIN detection {e2}"
            + " ON {e2}.source_asset_id = {e}s.id WHERE {e}s.asset_id = {r}.asset_id"
            + " AND {e2}.finding_key = {r}.finding_key))";
    t.add(
        decimal(
            number(
                "finding.cvss",
                Scope.FINDING,
                cvss,
                true,
                "finding.cvss >= 9",
                cvss,
                "The CVSS v3 base score: NVD's for its CVE, else the highest a detection gives."),
            false));
    // detection:(…): one source's detection of the finding.
    Token product =
        new Token(
            "detection.vendorProductName",
            TokenType.STRING,
            Scope.DETECTION,
            new Accessor.Label(true),
            LABEL,
            "detection:(vendorProductName:\"Endpoint Security\")",
            List.of(),
            false,
            false,
            Optional.empty(),
            "The product a detection comes from (the connector type's product name).");
    t.add(product);
    t.add(
        product.named(
            "findings.vendorProductname",
            "findings.vendorProductname:\"Endpoint Security\"",
            "The product any detection of the finding comes from (as the seeds write it)."));
    Token source =
        new Token(
            "detection.source",
            TokenType.STRING,
            Scope.DETECTION,
            new Accessor.Label(false),
            LABEL,
            "detection:(source:\"Inventory\")",
            List.of(),
            false,
            false,
            Optional.empty(),
            "The inventory source (connector type's source name) of a detection.");
    t.add(source);
    t.add(
        source.named(
            "finding.source",
            "finding.source:\"Inventory\"",
            "The source of any detection of the finding."));
    t.add(
        new Token(
            "detection.connector",
            TokenType.STRING,
            Scope.DETECTION,
            new Accessor.ConnectorOf(),
            LABEL,
            "detection:(connector:\"EU tenant\")",
            List.of(),
            false,
            false,
            Optional.empty(),
            "The connector (its name, or its id) that reported a detection."));
    Token status =
        text(
            "detection.status",
            Scope.DETECTION,
            "{r}.finding_status",
            false,
            "detection:(status:open)",
            "The status a source gives its detection.");
    t.add(status);
    t.add(
        status.named(
            "finding.sourceStatus",
            "finding.sourceStatus:open",
            "The status any source gives the finding."));
    Token method =
        text(
            "detection.detectionMethod",
            Scope.DETECTION,
            "{r}.detection_method",
            false,
            "detection:(detectionMethod:agent*)",
            "How a source detected it.");
    t.add(method);
    t.add(
        method.named(
            "finding.detectionMethod",
            "finding.detectionMethod:agent*",
            "How any source detected the finding."));
    t.add(
        date(
            "detection.lastFound",
            Scope.DETECTION,
            "{r}.last_found_on",
            "detection:(lastFound > now-7d)",
            false,
            "When the source last found it."));
    t.add(
        new Token(
            "detection.open",
            TokenType.BOOLEAN,
            Scope.DETECTION,
            new Accessor.Column("{r}.open", false),
            BOOL,
            "detection:(open:true)",
            List.of(),
            false,
            false,
            Optional.empty(),
            "Whether the source reports it open."));
    return t;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static Token sourceText(String name, String column, String example, String description) {
    Token plain = text(name, Scope.SOURCE, "{r}." + column, false, example, description);
    return new Token(
        plain.name(),
        plain.type(),
        plain.scope(),
        plain.accessor(),
        plain.operators(),
        plain.example(),
        plain.values(),
        false,
        false,
        // Sorted by the value the asset shows: its primary source record's.
        Optional.of(String.format(PRIMARY, column)),
        description + " Sorts by the asset's primary source record.");
  }

  private static Token text(
      String name,
      Scope scope,
      String column,
      boolean sortable,
      String example,
      String description) {
    return new Token(
        name,
        TokenType.STRING,
        scope,
        new Accessor.Column(column, true),
        TEXT,
        example,
        List.of(),
        false,
        false,
        sortable ? Optional.of(column) : Optional.empty(),
        description);
  }

  private static Token enumeration(
      String name,
      Scope scope,
      String column,
      List<String> values,
      String example,
      String description) {
    return new Token(
        name,
        TokenType.ENUM,
        scope,
        new Accessor.Column(column, true),
        TEXT,
        example,
        values,
        false,
        false,
        Optional.empty(),
        description);
  }

  private static Token number(
      String name,
      Scope scope,
      String column,
      boolean nullable,
      String example,
      String sort,
      String description) {
    return new Token(
        name,
        TokenType.NUMBER,
        scope,
        new Accessor.Column(column, nullable),
        ORDERED,
        example,
        List.of(),
        true,
        false,
        Optional.ofNullable(sort),
        description);
  }

  /** A NUMBER over a non-integer column ({@code floating}: {@code double precision}). */
  private static Token decimal(Token t, boolean floating) {
    return new Token(
        t.name(),
        t.type(),
        t.scope(),
        t.accessor(),
        t.operators(),
        t.example(),
        t.values(),
        false,
        floating,
        t.sortExpression(),
        t.description());
  }

  private static Token date(
      String name,
      Scope scope,
      String column,
      String example,
      boolean sortable,
      String description) {
    return new Token(
        name,
        TokenType.DATE,
        scope,
        new Accessor.Column(column, true),
        ORDERED,
        example,
        List.of(),
        false,
        false,
        sortable ? Optional.of(column) : Optional.empty(),
        description);
  }

  /** A value of its CVE's intelligence, matched by the CVE: see {@link Accessor.Lookup}. */
  private static Accessor.Lookup intel(String value) {
    return new Accessor.Lookup("cve_id", "cve_intel", "cve_id", value);
  }

  private static Token intelFlag(String name, String value, String example, String description) {
    return new Token(
        name,
        TokenType.BOOLEAN,
        Scope.FINDING,
        intel(value),
        BOOL,
        example,
        List.of(),
        false,
        false,
        Optional.empty(),
        description);
  }

  /** The token, its values read through this lookup (its sort expression unchanged). */
  private static Token looked(Token t, Accessor.Lookup lookup) {
    return new Token(
        t.name(),
        t.type(),
        t.scope(),
        lookup,
        t.operators(),
        t.example(),
        t.values(),
        t.integral(),
        t.floating(),
        t.sortExpression(),
        t.description());
  }

  private static Token bool(String name, String expression, String example, String description) {
    return new Token(
        name,
        TokenType.BOOLEAN,
        Scope.FINDING,
        new Accessor.Column(expression, false),
        BOOL,
        example,
        List.of(),
        false,
        false,
        Optional.empty(),
        description);
  }

  static Comparator<Token> byName() {
    return Comparator.comparing(Token::name);
  }
}
