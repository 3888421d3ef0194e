package dev.sightline.server.cli;

import dev.sightline.server.doctor.Doctor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check this installation with the same settings as serve: Java, the data directory, the"
          + " database and its schema, the CA and TLS files, the clock and each connector's"
          + " connection.",
      "One line per check, with the fix of each that fails; exit status 1 when any fails."
    })
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    quietLibraries();
    return Doctor.standard(System.getenv()).run(spec.commandLine().getOut());
  }

  /**
   * The doctor's output is its lines: the libraries it uses (Flyway, the connectors) keep their
   * INFO logs to themselves, their warnings still show.
   */
  private static void quietLibraries() {
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
