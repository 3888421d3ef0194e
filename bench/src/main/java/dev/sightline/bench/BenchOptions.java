package dev.sightline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code ./sightline bench}.
 *
 * @param vendors the vendor runs, in order
 * @param hosts {@code --hosts}: every vendor's size, when given
 * @param cortexHosts {@code --cortex-hosts}: Cortex XDR's size, when given (beats {@code --hosts})
 * @param out where the dated section goes; empty for {@code --out -} (print only)
 * @param runs rounds of the idle query mix after its warm-up
 * @param clients concurrent query clients during the second sync
 * @param deltaPercent the share of the tenant's findings changed before the delta
 * @param loadSeconds how long, at most, the clients query while the second sync runs (a second full
 *     sync of a million findings outlasts any useful sample of latencies)
 */
record BenchOptions(
    List<String> vendors,
    Optional<Integer> hosts,
    Optional<Integer> cortexHosts,
    int pageSize,
    Optional<Path> out,
    int runs,
    int clients,
    double deltaPercent,
    int loadSeconds,
    List<String> arguments) {

  /** The full sizes: 100,000 CrowdStrike hosts (1,000,000 findings), 20,000 endpoints. */
  static final int CROWDSTRIKE_HOSTS = 100_000;

  static final int CORTEX_HOSTS = 20_000;

  static final String USAGE =
      "usage: ./sightline bench [--vendor crowdstrike|cortex-xdr|both] [--hosts N]"
          + " [--cortex-hosts N] [--page-size N] [--runs N] [--clients N] [--delta-percent P]"
          + " [--load-seconds S] [--out FILE|-]";

  int hostsOf(String vendor) {
    if (vendor.equals(SimulatedTenant.CORTEX_XDR)) {
      return cortexHosts.or(() -> hosts).orElse(CORTEX_HOSTS);
    }
    return hosts.orElse(CROWDSTRIKE_HOSTS);
  }

  /** The command as typed, for the page: {@code ./sightline bench} and its arguments. */
  String command() {
    return String.join(" ", concat(List.of("./sightline", "bench"), arguments));
  }

  static BenchOptions parse(String... args) {
    List<String> vendors = List.of(SimulatedTenant.CROWDSTRIKE, SimulatedTenant.CORTEX_XDR);
    Optional<Integer> hosts = Optional.empty();
    Optional<Integer> cortexHosts = Optional.empty();
    int pageSize = 1000;
    Optional<Path> out =
        Optional.of(Path.of(System.getProperty("sightline.root", "."), "docs", "benchmarks.md"));
    int runs = 5;
    int clients = 20;
    double deltaPercent = 1;
    int loadSeconds = 180;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--vendor" ->
            vendors =
                switch (value) {
                  case "both" -> vendors;
                  case SimulatedTenant.CROWDSTRIKE, SimulatedTenant.CORTEX_XDR -> List.of(value);
                  default ->
                      throw new IllegalArgumentException(
                          "unknown vendor '" + value + "'; " + USAGE);
                };
        case "--hosts" -> hosts = Optional.of(positive(args[i], value));
        case "--cortex-hosts" -> cortexHosts = Optional.of(positive(args[i], value));
        case "--page-size" -> pageSize = positive(args[i], value);
        case "--runs" -> runs = positive(args[i], value);
        case "--clients" -> clients = positive(args[i], value);
        case "--delta-percent" -> deltaPercent = Double.parseDouble(value);
        case "--load-seconds" -> loadSeconds = positive(args[i], value);
        case "--out" -> out = value.equals("-") ? Optional.empty() : Optional.of(Path.of(value));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
    }
    return new BenchOptions(
        vendors,
        hosts,
        cortexHosts,
        pageSize,
        out,
        runs,
        clients,
        deltaPercent,
        loadSeconds,
        List.of(args));
  }

  private static int positive(String name, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        name + " takes a positive whole number, not '" + value + "'");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
