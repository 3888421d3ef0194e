package dev.sightline.server.doctor;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sightline doctor}: the checks an administrator runs before (or instead of) reading logs,
 * with the same environment as {@code serve}. Each prints its lines as it ends, so a slow check (a
 * vendor that does not answer) shows where it is.
 */
public final class Doctor {
  private final List<DoctorCheck> checks;

  public Doctor(List<DoctorCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  /**
   * The standard checks, in the order a start-up meets them. Another check (the outbound proxy,
   * say) is one more entry in this list: a {@link DoctorCheck} reading what it needs from {@code
   * env}.
   */
  public static Doctor standard(Map<String, String> env) {
    Clock clock = Clock.systemUTC();
    DoctorDatabase database = new DoctorDatabase(env);
    List<DoctorCheck> checks = new ArrayList<>();
    checks.add(new JavaCheck());
    checks.add(new DataDirectoryCheck(env));
    checks.add(new DatabaseCheck(database));
    checks.add(new CaFileCheck(env, clock));
    checks.add(new ProxyCheck(env));
    checks.add(new TlsFilesCheck(env, clock));
    StoredConnectors connectors = new StoredConnectors(env, database);
    checks.add(new ClockCheck(connectors, clock));
    checks.add(new ConnectorChecks(connectors));
    return new Doctor(checks);
  }

  /** Runs every check, printing one line each; 0 when all hold, 1 otherwise. */
  public int run(PrintWriter out) throws InterruptedException {
    int failed = 0;
    for (DoctorCheck check : checks) {
      for (CheckLine line : check.run()) {
        out.println(line.render());
        out.flush();
        if (!line.ok()) {
          failed++;
        }
      }
    }
    out.println(
        failed == 0
            ? "All checks hold."
            : failed + (failed == 1 ? " check fails" : " checks fail") + ": see the fixes above.");
    return failed == 0 ? 0 : 1;
  }
}
