package dev.sightline.server.console.connectors;

import java.time.Instant;

/** {@link Shown}'s formats for the templates, as {@code ${readable.when(x)}}. */
public final class Readable {
  public String when(Instant at) {
    return Shown.when(at);
  }

  public String word(String state) {
    return Shown.word(state);
  }
}
