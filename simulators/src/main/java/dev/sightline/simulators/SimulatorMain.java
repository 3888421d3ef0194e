package dev.sightline.simulators;

import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import dev.sightline.simulators.tls.CaFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Command line entry point:
 *
 * <ul>
 *   <li>{@code crowdstrike --port P --hosts N [--seed S] [--offset O] [--client-id ID
 *       --client-secret S] [--ca-out FILE] [--faults SPEC]} prints the base URL on standard output
 *       (one line);
 *   <li>{@code cortex-xdr --port P --hosts N [--seed S] [--offset O] [--key-id ID --key K]
 *       [--security standard|advanced] [--role ROLE] [--ca-out FILE] [--faults SPEC]} prints the
 *       base URL, the key id and the key on standard output, one per line.
 * </ul>
 *
 * Details go to standard error, and the simulator serves until the process is stopped.
 */
public final class SimulatorMain {
  private static final Set<String> COMMON_OPTIONS =
      Set.of("--port", "--hosts", "--seed", "--offset", "--ca-out", "--faults");
  private static final Set<String> CROWDSTRIKE_OPTIONS = Set.of("--client-id", "--client-secret");
  private static final Set<String> CORTEX_OPTIONS =
      Set.of("--key-id", "--key", "--security", "--role");
  private static final String CROWDSTRIKE = "crowdstrike";
  private static final String CORTEX = "cortex-xdr";

  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    try {
      List<String> arguments = List.of(args);
      AutoCloseable simulator =
          !arguments.isEmpty() && arguments.get(0).equals(CORTEX)
              ? startCortexFromArguments(arguments, System.out, System.err)
              : startFromArguments(arguments, System.out, System.err);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      simulator.close();
                    } catch (Exception ignored) {
                      // stopping anyway
                    }
                    stopped.countDown();
                  },
                  "simulator-shutdown"));
      stopped.await();
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
    } catch (UncheckedIOException e) {
      System.err.println(
          "error: " + e.getMessage() + " (" + e.getCause().getMessage() + "); is the port in use?");
      System.exit(1);
    }
  }

  /**
   * Parses CrowdStrike arguments, starts the simulator, writes the CA file if asked and prints the
   * base URL. The caller owns the returned simulator.
   */
  public static CrowdStrikeSimulator startFromArguments(
      List<String> args, PrintStream out, PrintStream err) {
    CrowdStrikeSimulatorOptions options = parse(args);
    CrowdStrikeSimulator simulator = CrowdStrikeSimulator.start(options);
    writeCa(
        values(args, CROWDSTRIKE_OPTIONS),
        simulator.baseUrl(),
        simulator::caCertificatePem,
        simulator,
        err);
    out.println(simulator.baseUrl());
    out.flush();
    err.println(
        "CrowdStrike simulator: "
            + simulator.manifest().get("hosts")
            + " hosts, "
            + simulator.manifest().get("agents")
            + " agents, "
            + simulator.manifest().get("vulnerabilities")
            + " vulnerabilities; client id "
            + options.clientId()
            + "; manifest at "
            + simulator.baseUrl()
            + "/_sim/manifest");
    return simulator;
  }

  /**
   * Parses Cortex XDR arguments, starts the simulator, writes the CA file if asked and prints the
   * base URL, the key id and the key, one per line. The caller owns the returned simulator.
   */
  public static CortexXdrSimulator startCortexFromArguments(
      List<String> args, PrintStream out, PrintStream err) {
    CortexXdrSimulatorOptions options = parseCortex(args);
    CortexXdrSimulator simulator = CortexXdrSimulator.start(options);
    writeCa(
        values(args, CORTEX_OPTIONS),
        simulator.baseUrl(),
        simulator::caCertificatePem,
        simulator,
        err);
    out.println(simulator.baseUrl());
    out.println(options.keyId());
    out.println(options.key());
    out.flush();
    err.println(
        "Cortex XDR simulator: "
            + simulator.manifest().get("hosts")
            + " hosts, "
            + simulator.manifest().get("endpoints")
            + " endpoints, "
            + simulator.manifest().get("findings")
            + " endpoint x CVE findings; "
            + options.security().wire()
            + " key, id "
            + options.keyId()
            + ", role "
            + options.role()
            + "; standard output holds the URL, the key id and the key; manifest at "
            + simulator.baseUrl()
            + "/_sim/manifest");
    return simulator;
  }

  static CrowdStrikeSimulatorOptions parse(List<String> args) {
    Map<String, String> values = values(vendorArguments(args, CROWDSTRIKE), CROWDSTRIKE_OPTIONS);
    if (values.containsKey("--client-id") != values.containsKey("--client-secret")) {
      throw new IllegalArgumentException("--client-id and --client-secret go together");
    }
    CrowdStrikeSimulatorOptions options =
        CrowdStrikeSimulatorOptions.defaults(integer(values, "--hosts"))
            .withPort(integer(values, "--port"));
    if (values.containsKey("--seed")) {
      options = options.withSeed(longValue(values, "--seed"));
    }
    if (values.containsKey("--offset")) {
      options = options.withOffset(integer(values, "--offset"));
    }
    if (values.containsKey("--client-id")) {
      options = options.withCredentials(values.get("--client-id"), values.get("--client-secret"));
    }
    if (values.containsKey("--faults")) {
      options = options.withFaultSpec(values.get("--faults"));
    }
    return options;
  }

  static CortexXdrSimulatorOptions parseCortex(List<String> args) {
    Map<String, String> values = values(vendorArguments(args, CORTEX), CORTEX_OPTIONS);
    if (values.containsKey("--key-id") != values.containsKey("--key")) {
      throw new IllegalArgumentException("--key-id and --key go together");
    }
    CortexXdrSimulatorOptions options =
        CortexXdrSimulatorOptions.defaults(integer(values, "--hosts"))
            .withPort(integer(values, "--port"));
    if (values.containsKey("--seed")) {
      options = options.withSeed(longValue(values, "--seed"));
    }
    if (values.containsKey("--offset")) {
      options = options.withOffset(integer(values, "--offset"));
    }
    if (values.containsKey("--key-id")) {
      options = options.withApiKey(values.get("--key-id"), values.get("--key"));
    }
    if (values.containsKey("--security")) {
      options =
          options.withSecurity(
              CortexXdrSimulatorOptions.SecurityLevel.parse(values.get("--security")));
    }
    if (values.containsKey("--role")) {
      options = options.withRole(values.get("--role"));
    }
    if (values.containsKey("--faults")) {
      options = options.withFaultSpec(values.get("--faults"));
    }
    return options;
  }

  private static List<String> vendorArguments(List<String> args, String vendor) {
    if (args.isEmpty() || !args.get(0).equals(vendor)) {
      throw new IllegalArgumentException(
          args.isEmpty()
              ? "missing vendor"
              : "unknown vendor '" + args.get(0) + "'; supported: " + CROWDSTRIKE + ", " + CORTEX);
    }
    return args.subList(1, args.size());
  }

  private static void writeCa(
      Map<String, String> values,
      URI url,
      Supplier<String> pem,
      AutoCloseable simulator,
      PrintStream err) {
    if (!values.containsKey("--ca-out")) {
      return;
    }
    Path file = Path.of(values.get("--ca-out"));
    try {
      CaFile.add(file, url, pem.get());
    } catch (IOException e) {
      try {
        simulator.close();
      } catch (Exception ignored) {
        // already failing
      }
      throw new IllegalArgumentException(
          "cannot write the CA certificate to " + file + ": " + e.getMessage());
    }
    err.println("CA certificate added to " + file.toAbsolutePath());
  }

  /**
   * Options of the arguments (with or without the vendor word first); --port and --hosts required.
   */
  private static Map<String, String> values(List<String> args, Set<String> vendorOptions) {
    List<String> rest =
        !args.isEmpty() && !args.get(0).startsWith("--") ? args.subList(1, args.size()) : args;
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < rest.size(); i++) {
      String name = rest.get(i);
      String value;
      int eq = name.indexOf('=');
      if (name.startsWith("--") && eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else {
        if (i + 1 >= rest.size()) {
          throw new IllegalArgumentException("missing value for " + name);
        }
        value = rest.get(++i);
      }
      if (!COMMON_OPTIONS.contains(name) && !vendorOptions.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      values.put(name, value);
    }
    if (!values.containsKey("--port") || !values.containsKey("--hosts")) {
      throw new IllegalArgumentException("--port and --hosts are required");
    }
    return values;
  }

  private static int integer(Map<String, String> values, String name) {
    try {
      return Integer.parseInt(values.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer: " + values.get(name));
    }
  }

  private static long longValue(Map<String, String> values, String name) {
    try {
      return Long.parseLong(values.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer: " + values.get(name));
    }
  }

  static String usage() {
    return "usage: crowdstrike --port P --hosts N [--seed S] [--offset O] [--client-id ID --client-secret S]"
        + " [--ca-out FILE] [--faults SPEC]\n"
        + "       cortex-xdr --port P --hosts N [--seed S] [--offset O] [--key-id ID --key K]"
        + " [--security standard|advanced] [--role ROLE] [--ca-out FILE] [--faults SPEC]";
  }
}
