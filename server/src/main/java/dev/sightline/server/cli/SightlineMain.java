package dev.sightline.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sightline} command line. */
@Command(
    name = "sightline",
    mixinStandardHelpOptions = true,
    version = "Sightline 0.1.0",
    description = "Open-source exposure-management hub.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      SimulateCommand.class,
      IntelCommand.class
    })
public final class SightlineMain implements Runnable {

  public static void main(String[] args) {
    int code = new CommandLine(new SightlineMain()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
