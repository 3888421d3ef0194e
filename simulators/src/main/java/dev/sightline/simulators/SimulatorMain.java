package dev.sightline.simulators;

import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry point: {@code crowdstrike --port P --hosts N [--seed S] [--offset O]
 * [--client-id ID --client-secret S] [--ca-out FILE] [--faults SPEC]}. Prints the base URL on
 * standard output (one line, so scripts can read it), details on standard error, and serves until
 * the process is stopped.
 */
public final class SimulatorMain {
  private static final Set<String> CROWDSTRIKE_OPTIONS =
      Set.of("--port", "--hosts", "--seed", "--offset", "--client-id", "--client-secret", "--ca-out", "--faults");

  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    try {
      CrowdStrikeSimulator simulator = startFromArguments(List.of(args), System.out, System.err);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        simulator.close();
        stopped.countDown();
      }, "simulator-shutdown"));
      stopped.await();
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
    } catch (UncheckedIOException e) {
      System.err.println("error: " + e.getMessage() + " (" + e.getCause().getMessage() + "); is the port in use?");
      System.exit(1);
    }
  }

  /**
   * Parses the arguments, starts the simulator, writes the CA file if asked and prints the base URL.
   * The caller owns the returned simulator.
   */
  public static CrowdStrikeSimulator startFromArguments(List<String> args, PrintStream out, PrintStream err) {
    CrowdStrikeSimulatorOptions options = parse(args);
    Map<String, String> values = values(args.subList(1, args.size()));
    CrowdStrikeSimulator simulator = CrowdStrikeSimulator.start(options);
    if (values.containsKey("--ca-out")) {
      Path file = Path.of(values.get("--ca-out"));
      try {
        Files.writeString(file, simulator.caCertificatePem());
      } catch (IOException e) {
        simulator.close();
        throw new IllegalArgumentException("cannot write the CA certificate to " + file + ": " + e.getMessage());
      }
      err.println("CA certificate written to " + file.toAbsolutePath());
    }
    out.println(simulator.baseUrl());
    out.flush();
    err.println("CrowdStrike simulator: " + simulator.manifest().get("hosts") + " hosts, "
        + simulator.manifest().get("agents") + " agents, " + simulator.manifest().get("vulnerabilities")
        + " vulnerabilities; client id " + options.clientId() + "; manifest at " + simulator.baseUrl()
        + "/_sim/manifest");
    return simulator;
  }

  static CrowdStrikeSimulatorOptions parse(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("crowdstrike")) {
      throw new IllegalArgumentException(args.isEmpty() ? "missing vendor" : "unknown vendor '" + args.get(0)
          + "'; supported: crowdstrike");
    }
    Map<String, String> values = values(args.subList(1, args.size()));
    if (!values.containsKey("--port") || !values.containsKey("--hosts")) {
      throw new IllegalArgumentException("--port and --hosts are required");
    }
    if (values.containsKey("--client-id") != values.containsKey("--client-secret")) {
      throw new IllegalArgumentException("--client-id and --client-secret go together");
    }
    CrowdStrikeSimulatorOptions options = CrowdStrikeSimulatorOptions.defaults(integer(values, "--hosts"))
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

  private static Map<String, String> values(List<String> args) {
    Map<String, String> values = new HashMap<>();
    List<String> rest = new ArrayList<>(args);
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
      if (!CROWDSTRIKE_OPTIONS.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      values.put(name, value);
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
        + " [--ca-out FILE] [--faults SPEC]";
  }
}
