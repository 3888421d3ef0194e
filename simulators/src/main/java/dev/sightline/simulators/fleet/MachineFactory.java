package dev.sightline.simulators.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds machine {@code i} of a seed's fleet from independent, salted draw streams. */
final class MachineFactory {
  private final long seed;

  MachineFactory(long seed) {
    this.seed = seed;
  }

  Machine build(long index) {
    MachineProfile p = MachineProfile.draw(seed, index);
    OperatingSystem os = OsCatalog.draw(p, draws(index, Salts.OS));
    Hardware hardware = HardwareCatalog.draw(p, draws(index, Salts.HARDWARE));
    List<NetworkInterface> interfaces = NetworkPlan.draw(p, hardware, draws(index, Salts.NETWORK));
    String hostname =
        HostnameScheme.duplicatesPrevious(index)
            ? hostnameOf(index - 1)
            : HostnameScheme.name(seed, p, interfaces);
    SeededDraws domainDraws = draws(index, Salts.DOMAIN);
    String domain = domain(p, domainDraws);
    String ou = domain.isEmpty() ? "" : organizationalUnit(p);
    Optional<CloudPlacement> cloud = cloud(p, draws(index, Salts.CLOUD));
    String externalIp =
        p.deployment().cloud()
            ? "192.0.2." + draws(index, Salts.CLOUD).between(1, 254)
            : p.site().externalIp();
    SeededDraws t = draws(index, Salts.TIMES);
    boolean reimaged = index % 250 == 42 || t.chance(0.003);
    long firstSeenAgo =
        Duration.ofDays(t.between(20, 1100)).plusSeconds(t.nextInt(86_400)).getSeconds();
    long lastSeenAgo = lastSeenAgo(t);
    Optional<Duration> reimagedAgo = Optional.empty();
    if (reimaged) {
      firstSeenAgo = Math.max(firstSeenAgo, Duration.ofDays(200).getSeconds());
      lastSeenAgo = Math.min(lastSeenAgo, Duration.ofDays(1).getSeconds());
      long lowDays = lastSeenAgo / 86_400 + 2;
      long highDays = firstSeenAgo / 86_400 - 20;
      reimagedAgo =
          Optional.of(
              Duration.ofDays(t.betweenLong(lowDays, highDays)).plusSeconds(t.nextInt(86_400)));
    }
    lastSeenAgo = Math.min(lastSeenAgo, firstSeenAgo - 86_400);
    return new Machine(
        index,
        hostname,
        domain,
        ou,
        p.site().name(),
        p.role(),
        os,
        hardware,
        interfaces,
        externalIp,
        cloud,
        Duration.ofSeconds(firstSeenAgo),
        Duration.ofSeconds(lastSeenAgo),
        reimagedAgo);
  }

  private String hostnameOf(long index) {
    MachineProfile p = MachineProfile.draw(seed, index);
    Hardware hardware = HardwareCatalog.draw(p, draws(index, Salts.HARDWARE));
    return HostnameScheme.name(seed, p, NetworkPlan.draw(p, hardware, draws(index, Salts.NETWORK)));
  }

  private SeededDraws draws(long index, long salt) {
    return new SeededDraws(StableHash.of(seed, index, salt));
  }

  private static long lastSeenAgo(SeededDraws t) {
    int bucket = t.nextInt(100);
    if (bucket < 75) {
      return t.between(600, 86_400);
    }
    if (bucket < 95) {
      return t.between(86_400, 14 * 86_400);
    }
    return t.between(15 * 86_400, 120 * 86_400);
  }

  private static String domain(MachineProfile p, SeededDraws d) {
    double joined =
        switch (p.role()) {
          case DOMAIN_CONTROLLER -> 1.0;
          case SERVER ->
              p.family() == OsFamily.WINDOWS
                  ? (p.deployment() == Deployment.AWS ? 0.5 : 0.95)
                  : 0.25;
          case WORKSTATION ->
              switch (p.family()) {
                case WINDOWS -> p.deployment() == Deployment.WHITEBOX ? 0.0 : 0.92;
                case MAC -> 0.15;
                case LINUX -> 0.3;
              };
        };
    if (!d.chance(joined)) {
      return "";
    }
    return p.site().emea() ? "emea.corp.example.com" : "corp.example.com";
  }

  private static String organizationalUnit(MachineProfile p) {
    return switch (p.role()) {
      case DOMAIN_CONTROLLER -> "Domain Controllers";
      case SERVER -> "Servers";
      case WORKSTATION ->
          p.deployment().virtualMachine()
              ? "VDI"
              : p.formFactor() == FormFactor.LAPTOP ? "Laptops" : "Workstations";
    };
  }

  private Optional<CloudPlacement> cloud(MachineProfile p, SeededDraws d) {
    if (!p.deployment().cloud()) {
      return Optional.empty();
    }
    // Few accounts per tenant, as in real estates; the account numbers follow the seed.
    SeededDraws accounts =
        new SeededDraws(StableHash.of(seed, p.deployment().ordinal(), Salts.CLOUD));
    int accountIndex = d.nextInt(3);
    for (int i = 0; i < accountIndex; i++) {
      accounts.nextLong();
    }
    long accountBits = accounts.nextLong();
    return Optional.of(
        switch (p.deployment()) {
          case AWS -> {
            String region = d.pick("us-east-1", "eu-west-1", "eu-central-1");
            yield new CloudPlacement(
                CloudProvider.AWS,
                String.format(
                    Locale.ROOT, "%012d", Long.remainderUnsigned(accountBits, 1_000_000_000_000L)),
                region,
                region + d.pick("a", "b", "c"),
                "i-0" + d.hex(16));
          }
          case AZURE ->
              new CloudPlacement(
                  CloudProvider.AZURE,
                  uuid(new SeededDraws(accountBits)),
                  d.pick("westeurope", "eastus", "northeurope"),
                  d.pick("1", "2", "3"),
                  uuid(d));
          default -> {
            String region = d.pick("europe-west1", "us-central1");
            yield new CloudPlacement(
                CloudProvider.GCP,
                "sightline-prod-" + Long.remainderUnsigned(accountBits, 9000),
                region,
                region + "-b",
                Long.toUnsignedString(d.nextLong() >>> 1));
          }
        });
  }

  private static String uuid(SeededDraws d) {
    return d.hex(8)
        + "-"
        + d.hex(4)
        + "-4"
        + d.hex(3)
        + "-"
        + d.pick("8", "9", "a", "b")
        + d.hex(3)
        + "-"
        + d.hex(12);
  }
}
