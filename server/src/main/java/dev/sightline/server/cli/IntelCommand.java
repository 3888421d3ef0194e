package dev.sightline.server.cli;

import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.platform.connectors.ConnectorCatalog;
import dev.sightline.platform.db.Database;
import dev.sightline.platform.db.Jdbc;
import dev.sightline.platform.intel.FeedOutcome;
import dev.sightline.platform.intel.IntelFileException;
import dev.sightline.platform.intel.IntelImporter;
import dev.sightline.platform.intel.IntelLoad;
import dev.sightline.platform.intel.IntelUpdate;
import dev.sightline.platform.intel.IntelUpdater;
import dev.sightline.platform.intel.Sleeper;
import dev.sightline.platform.net.TargetPolicy;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sightline intel …}: CVE intelligence (CISA KEV, FIRST EPSS, NVD CVE 2.0), imported from
 * files or updated from the publishers.
 */
@Command(
    name = "intel",
    mixinStandardHelpOptions = true,
    description =
        "CVE intelligence (CISA KEV, FIRST EPSS, NVD CVE 2.0): import files, or update from the"
            + " publishers.",
    subcommands = {IntelCommand.Import.class, IntelCommand.Update.class})
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
      Optional<DatabaseBootstrap> opened = openDatabase(settings, "import", System.err);
      if (opened.isEmpty()) {
        return 1;
      }
      try (DatabaseBootstrap db = opened.get()) {
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

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Update the intelligence from the publishers: the CISA KEV catalog, the FIRST EPSS"
            + " scores (gzip) and the NVD CVE API's changes, into the database that `serve` uses.",
        "KEV and EPSS are asked for only if changed since the last update (ETag /"
            + " If-Modified-Since): an unchanged file answers 304 and adds nothing. NVD is asked"
            + " for the changes since the last update ended (the first time: the last 7 days),"
            + " page by page within its rate limit (5 requests in 30 s, 50 with an API key).",
        "Each feed that brought something is one versioned load; the findings whose intelligence"
            + " changed are rescored. A feed that fails stores nothing; the others still update.",
        "Settings: SIGHTLINE_INTEL_KEV_URL, SIGHTLINE_INTEL_EPSS_URL, SIGHTLINE_INTEL_NVD_URL"
            + " (mirrors; default the publishers' URLs), SIGHTLINE_NVD_API_KEY,"
            + " SIGHTLINE_EXTRA_CA_FILE (a mirror's or proxy's CA), SIGHTLINE_ALLOWED_TARGETS (a"
            + " mirror on a private address)."
      },
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {
        "0:every feed was fetched or is unchanged",
        "1:a feed, the settings or the database failed (see its line)"
      })
  static final class Update implements Callable<Integer> {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    Update() {
      this(System.getenv(), System.out, System.err);
    }

    /** For tests: the environment to read and where to print. */
    Update(Map<String, String> env, PrintStream out, PrintStream err) {
      this.env = env;
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() {
      ServerSettings settings;
      OutboundProxy proxy;
      try {
        settings = ServerSettings.fromEnvironment(env, 0);
        proxy = OutboundProxy.fromEnvironment(env);
      } catch (IllegalArgumentException e) {
        err.println("sightline intel update: " + e.getMessage());
        return 1;
      }
      Optional<DatabaseBootstrap> opened = openDatabase(settings, "update", err);
      if (opened.isEmpty()) {
        return 1;
      }
      try (DatabaseBootstrap db = opened.get()) {
        IntelUpdate update =
            new IntelUpdater(
                    db.dataSource(),
                    settings.intelFeeds(),
                    settings.outboundTls(),
                    proxy,
                    TargetPolicy.fromList(settings.allowedTargets()),
                    Clock.systemUTC(),
                    Sleeper.THREAD)
                .update();
        update.lines().forEach(out::println);
        rescore(new Jdbc(db.dataSource()), out);
        long failed =
            update.feeds().stream().filter(f -> f.status() == FeedOutcome.Status.FAILED).count();
        if (failed > 0) {
          err.println(
              "sightline intel update: "
                  + failed
                  + " of "
                  + update.feeds().size()
                  + " feed(s) failed (see their lines)"
                  + (failed < update.feeds().size() ? "; the others are up to date" : "")
                  + ". Run it again once the cause is fixed.");
          return 1;
        }
        return 0;
      }
    }
  }

  /**
   * Opens and migrates the database, or says on {@code err} why it cannot and what to do.
   *
   * @param command the subcommand, for the messages
   */
  static Optional<DatabaseBootstrap> openDatabase(
      ServerSettings settings, String command, PrintStream err) {
    DatabaseBootstrap db;
    try {
      db = DatabaseBootstrap.open(settings);
    } catch (RuntimeException e) {
      err.println(
          "sightline intel "
              + command
              + ": cannot open the database ("
              + e.getMessage()
              + "). With the embedded database, stop a running `sightline serve` on the same"
              + " SIGHTLINE_DATA_DIR first, or set SIGHTLINE_DB_URL.");
      return Optional.empty();
    }
    try {
      Database.migrate(db.dataSource());
      return Optional.of(db);
    } catch (RuntimeException e) {
      db.close();
      err.println(
          "sightline intel "
              + command
              + ": the database schema cannot be brought up to"
              + " date ("
              + e.getMessage()
              + "). Run this version's `sightline serve` once to see"
              + " the full error.");
      return Optional.empty();
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
