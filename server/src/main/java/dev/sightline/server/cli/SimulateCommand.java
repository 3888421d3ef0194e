package dev.sightline.server.cli;

import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Serve a simulated vendor tenant over HTTPS on 127.0.0.1.")
final class SimulateCommand implements java.util.concurrent.Callable<Integer> {
  @Parameters(index = "0", description = "vendor: crowdstrike")
  String vendor;

  @Option(names = "--port", required = true, description = "HTTPS port")
  int port;

  @Option(names = "--hosts", defaultValue = "300", description = "machines in the tenant")
  int hosts;

  @Option(names = "--seed", defaultValue = "42", description = "tenant seed")
  long seed;

  @Option(names = "--offset", defaultValue = "0", description = "first fleet machine")
  int offset;

  @Option(names = "--client-id", defaultValue = "sim-client")
  String clientId;

  @Option(names = "--client-secret", defaultValue = "sim-secret")
  String clientSecret;

  @Option(names = "--ca-out", description = "write the simulator's CA certificate (PEM) here")
  Path caOut;

  @Option(names = "--faults", defaultValue = "", description = "fault spec, e.g. 429:5%%,5xx:2%%")
  String faults;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!vendor.equals("crowdstrike")) {
      System.err.println("Unknown vendor '" + vendor + "': use crowdstrike");
      return 2;
    }
    CrowdStrikeSimulator sim = CrowdStrikeSimulator.start(CrowdStrikeSimulatorOptions
        .defaults(hosts).withPort(port).withSeed(seed).withOffset(offset)
        .withCredentials(clientId, clientSecret).withFaultSpec(faults));
    if (caOut != null) {
      Files.writeString(caOut, sim.caCertificatePem());
      System.out.println("CA certificate written to " + caOut.toAbsolutePath());
    }
    System.out.println("CrowdStrike simulator at " + sim.baseUrl() + " (client id " + clientId
        + "); manifest: " + sim.baseUrl() + "/_sim/manifest");
    System.out.println(sim.manifest());
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
    new CountDownLatch(1).await();
    return 0;
  }
}
