package dev.sightline.server.cli;

import dev.sightline.server.about.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code sightline --version}: version, commit and build time from the build's own record. */
final class BuildVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {BuildInfo.current().line()};
  }
}
