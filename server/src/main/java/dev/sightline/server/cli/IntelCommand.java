package dev.sightline.server.cli;

import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.db.Database;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.intel.IntelFileException;
import dev.sightline.platform.intel.IntelImporter;
import dev.sightline.platform.intel.IntelLoad;
import dev.sightline.platform.rescoring.RescoreQueue;
import dev.sightline.platform.rescoring.ScoreRefresher;
import dev.sightline.platform.rescoring.ScoringSettings;
import dev.sightline.platform.rescoring.SeverityDefaults;
import dev.sightline.server.boot.DatabaseBootstrap;
import dev.sightline.server.boot.ServerSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sightline intel …}: offline CVE intelligence (CISA KEV, FIRST EPSS, NVD CVE 2.0). */
@Command(
    name = "intel",
    mixinStandardHelpOptions = true,
    description = "Offline CVE intelligence: CISA KEV, FIRST EPSS, NVD CVE 2.0.",
    subcommands = {IntelCommand.Import.class})
final class IntelCommand implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import intelligence files into the database that `serve` uses.",
        "Formats are recognised by content (gzip too): a CISA KEV catalog (JSON), an EPSS CSV"
            + " (with its #model_version line) or NVD CVE API 2.0 JSON. Each file is one"
            + " transaction: a bad file changes nothing, and the others are still imported."
      },
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:every file was imported", "1:a file or the database failed (see stderr)"})
  static final class Import implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to import, in order")
    List<Path> files;

    @Override
    public Integer call() {
      ServerSettings settings = ServerSettings.fromEnvironment(System.getenv(), 0);
      DatabaseBootstrap db;
      try {
        db = DatabaseBootstrap.open(settings);
      } catch (RuntimeException e) {
        System.err.println(
            "sightline intel import: cannot open the database ("
                + e.getMessage()
                + "). With the embedded database, stop a running `sightline serve` on the same"
                + " SIGHTLINE_DATA_DIR first, or set SIGHTLINE_DB_URL.");
        return 1;
      }
      try (db) {
        try {
          Database.migrate(db.dataSource());
        } catch (RuntimeException e) {
          System.err.println(
              "sightline intel import: the database schema cannot be brought up to"
                  + " date ("
                  + e.getMessage()
                  + "). Run this version's `sightline serve` once to see"
                  + " the full error.");
          return 1;
        }
        int status =
            importAll(
                new IntelImporter(db.dataSource(), Clock.systemUTC()),
                files,
                System.out,
                System.err);
        rescore(new Jdbc(db.dataSource()), System.out);
        return status;
      }
    }
  }

  /**
   * Rescores the assets whose findings' intelligence the imports changed (queued by each import),
   * so stored scores agree with the new intelligence when this command returns.
   */
  static void rescore(Jdbc jdbc, PrintStream out) {
    long pending = RescoreQueue.pending(jdbc);
    if (pending == 0) {
      out.println("No stored finding's intelligence changed: no scores to update.");
      return;
    }
    out.println("Rescoring " + pending + " asset(s) whose findings' intelligence changed…");
    Clock clock = Clock.systemUTC();
    long[] next = {10_000};
    ScoreRefresher.Outcome outcome =
        new ScoreRefresher(
                jdbc,
                new ScoringSettings(jdbc, clock, new SeverityDefaults(ConnectorCatalog.discover())),
                clock)
            .drain(
                done -> {
                  if (done >= next[0]) {
                    out.println("  " + done + " of " + pending + " asset(s) rescored");
                    next[0] += 10_000;
                  }
                });
    out.println(
        "Rescored "
            + outcome.assetsScored()
            + " asset(s): "
            + outcome.assetsChanged()
            + " risk score(s) and "
            + outcome.findingsChanged()
            + " finding score(s) changed.");
  }

  /** Imports each file in turn, one line per file; 1 if any file failed. */
  static int importAll(IntelImporter importer, List<Path> files, PrintStream out, PrintStream err) {
    int failed = 0;
    for (Path file : files) {
      try {
        out.println(describe(importer.importFile(file)));
      } catch (IntelFileException e) {
        err.println("sightline intel import: " + e.getMessage());
        failed++;
      }
    }
    if (failed > 0) {
      err.println(
          "sightline intel import: "
              + failed
              + " of "
              + files.size()
              + " file(s) failed; the others were imported.");
    }
    return failed == 0 ? 0 : 1;
  }

  static String describe(IntelLoad load) {
    return String.format(
        "%-4s %s: version %s, dated %s: %d records, %d new, %d updated," + " %d unchanged%s",
        load.source(),
        load.fileName(),
        load.version() == null ? "(none in file)" : load.version(),
        load.sourceDate() == null ? "(none in file)" : load.sourceDate(),
        load.records(),
        load.inserted(),
        load.updated(),
        load.unchanged(),
        load.removed() > 0 ? ", " + load.removed() + " no longer listed" : "");
  }
}
