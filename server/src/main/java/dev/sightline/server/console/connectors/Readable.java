package dev.sightline.server.console.connectors;

import dev.sightline.server.console.Times;
import java.time.Instant;

/** {@link Shown}'s formats for the templates, as {@code ${readable.when(x)}}. */
public final class Readable {
  public String when(Instant at) {
    return Times.second(at);
  }

  public String word(String state) {
    return Shown.word(state);
  }
}
