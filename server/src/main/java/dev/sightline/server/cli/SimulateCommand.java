package dev.sightline.server.cli;

import dev.sightline.simulators.cortex.CortexXdrSimulator;
import dev.sightline.simulators.cortex.CortexXdrSimulatorOptions;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulator;
import dev.sightline.simulators.crowdstrike.CrowdStrikeSimulatorOptions;
import dev.sightline.simulators.tls.CaFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Serve a simulated vendor tenant (crowdstrike or cortex-xdr) over HTTPS on" + " 127.0.0.1.")
final class SimulateCommand implements java.util.concurrent.Callable<Integer> {
  @Parameters(index = "0", description = "vendor: crowdstrike or cortex-xdr")
  String vendor;

  @Option(names = "--port", required = true, description = "HTTPS port")
  int port;

  @Option(names = "--hosts", defaultValue = "300", description = "machines in the tenant")
  int hosts;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "fleet seed (shared by both vendors)")
  long seed;

  @Option(names = "--offset", defaultValue = "0", description = "first fleet machine")
  int offset;

  @Option(names = "--client-id", defaultValue = "sim-client", description = "CrowdStrike client id")
  String clientId;

  @Option(
      names = "--client-secret",
      defaultValue = "sim-secret",
      description = "CrowdStrike client secret")
  String clientSecret;

  @Option(
      names = "--key-id",
      description =
          "Cortex XDR API key id (default " + CortexXdrSimulatorOptions.DEFAULT_KEY_ID + ")")
  String keyId;

  @Option(names = "--key", description = "Cortex XDR API key (default: a fixed simulator key)")
  String key;

  @Option(
      names = "--security",
      defaultValue = "standard",
      description = "Cortex XDR key security level: standard or advanced")
  String security;

  @Option(
      names = "--ca-out",
      description =
          "add the simulator's CA certificate (PEM) to this file, keeping other simulators' CAs")
  Path caOut;

  @Option(names = "--faults", defaultValue = "", description = "fault spec, e.g. 429:5%%,5xx:2%%")
  String faults;

  @Override
  public Integer call() throws IOException, InterruptedException {
    AutoCloseable sim;
    URI base;
    String pem;
    String manifest;
    switch (vendor) {
      case "crowdstrike" -> {
        CrowdStrikeSimulator cs =
            CrowdStrikeSimulator.start(
                CrowdStrikeSimulatorOptions.defaults(hosts)
                    .withPort(port)
                    .withSeed(seed)
                    .withOffset(offset)
                    .withCredentials(clientId, clientSecret)
                    .withFaultSpec(faults));
        sim = cs;
        base = cs.baseUrl();
        pem = cs.caCertificatePem();
        manifest = cs.manifest().toString();
        System.out.println("CrowdStrike simulator at " + base + " (client id " + clientId + ")");
      }
      case "cortex-xdr" -> {
        CortexXdrSimulatorOptions o =
            CortexXdrSimulatorOptions.defaults(hosts)
                .withPort(port)
                .withSeed(seed)
                .withOffset(offset)
                .withFaultSpec(faults)
                .withSecurity(CortexXdrSimulatorOptions.SecurityLevel.parse(security));
        if (keyId != null || key != null) {
          o = o.withApiKey(keyId == null ? o.keyId() : keyId, key == null ? o.key() : key);
        }
        CortexXdrSimulator cx = CortexXdrSimulator.start(o);
        sim = cx;
        base = cx.baseUrl();
        pem = cx.caCertificatePem();
        manifest = cx.manifest().toString();
        System.out.println(
            "Cortex XDR simulator at "
                + base
                + " ("
                + o.security().wire()
                + " key id "
                + o.keyId()
                + ", key "
                + o.key()
                + ")");
      }
      default -> {
        System.err.println("Unknown vendor '" + vendor + "': use crowdstrike or cortex-xdr");
        return 2;
      }
    }
    if (caOut != null) {
      CaFile.add(caOut, base, pem);
      System.out.println("CA certificate added to " + caOut.toAbsolutePath());
    }
    System.out.println("Manifest: " + base + "/_sim/manifest");
    System.out.println(manifest);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    sim.close();
                  } catch (Exception ignored) {
                    // shutting down
                  }
                }));
    new CountDownLatch(1).await();
    return 0;
  }
}
