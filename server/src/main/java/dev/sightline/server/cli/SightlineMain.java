package dev.sightline.server.cli;

import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.server.boot.StartupFailures;
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
  @picocli.CommandLine.Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "print the stack trace of a failed start after its one-line reason")
  boolean debug;

  public static void main(String[] args) {
    // First, before anything builds an HttpClient: the JDK reads this switch only once (see
    // OutboundProxy.allowBasicForTunnels for why a proxy's Basic credentials need it).
    OutboundProxy.allowBasicForTunnels();
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
    java.util.Optional<String> line = StartupFailures.explain(e);
    if (line.isEmpty()) {
      throw e;
    }
    System.err.println("sightline: " + line.get());
    if (debug(parsed)) {
      e.printStackTrace();
    }
    return 1;
  }

  /** {@code --debug} anywhere on the command line (it is inherited by every subcommand). */
  private static boolean debug(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
