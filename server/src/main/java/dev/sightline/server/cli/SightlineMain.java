package dev.sightline.server.cli;

import dev.sightline.server.boot.StartupException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sightline} command line. */
@Command(
    name = "sightline",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
    description = "Open-source exposure-management hub.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      SimulateCommand.class,
      IntelCommand.class,
      QueryCommand.class,
      DoctorCommand.class
    })
public final class SightlineMain implements Runnable {

  public static void main(String[] args) {
    int code =
        new CommandLine(new SightlineMain())
            // What a command prints (`query`'s exports, the server's messages) stays UTF-8 as the
            // server sent it, whatever the platform's charset (Java 17 takes it from the locale).
            .setOut(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
            .setErr(
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true))
            .setExecutionExceptionHandler(SightlineMain::explainStartupFailure)
            .execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * A start-up failure the user can act on is one line with its cause and fix; anything else keeps
   * its stack trace, which is then what a bug report needs.
   */
  private static int explainStartupFailure(
      Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StartupException startup) {
        System.err.println("sightline: " + startup.getMessage());
        return 1;
      }
    }
    throw e;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
