package dev.sightline.server.cli;

import dev.sightline.server.SightlineApplication;
import dev.sightline.server.boot.ServerSettings;
import dev.sightline.server.boot.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the server (embedded PostgreSQL unless SIGHTLINE_DB_URL is set).")
final class ServeCommand implements Runnable {
  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE})")
  int port;

  @Override
  public void run() {
    SightlineApplication.start(
        StartupException.settings(() -> ServerSettings.fromEnvironment(System.getenv(), port)));
  }
}
