package dev.sightline.platform.sync;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far a run is in the stream it reads now.
 *
 * @param total the vendor's total for the read, when it gives one
 */
public record RunProgress(Optional<String> stream, long pages, long records, OptionalLong total) {

  /** Records read of the vendor's total, 0–100; empty without a total. */
  public Optional<Integer> percent() {
    if (total.isEmpty() || total.getAsLong() <= 0) {
      return Optional.empty();
    }
    return Optional.of((int) Math.min(100, records * 100 / total.getAsLong()));
  }
}
