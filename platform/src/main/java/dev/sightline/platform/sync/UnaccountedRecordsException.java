package dev.sightline.platform.sync;

import dev.sightline.platform.ingest.StreamTally;

/**
 * A stream returned records (or findings inside records) that ended neither stored nor as a counted
 * rejection: the run cannot say what became of them, so it must not end as a success.
 */
final class UnaccountedRecordsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnaccountedRecordsException(String stream, StreamTally t) {
    super(message(stream, t));
  }

  private static String message(String stream, StreamTally t) {
    StringBuilder m = new StringBuilder("Stream '").append(stream).append("' cannot account for");
    if (t.unaccounted() != 0) {
      m.append(' ')
          .append(t.unaccounted())
          .append(" of ")
          .append(t.fetched())
          .append(" record(s) it fetched (stored ")
          .append(t.stored())
          .append(", rejected ")
          .append(t.rejected())
          .append(')');
    }
    if (t.elementsUnaccounted() != 0) {
      m.append(t.unaccounted() != 0 ? " and" : "")
          .append(' ')
          .append(t.elementsUnaccounted())
          .append(" of ")
          .append(t.elementsFetched())
          .append(" finding(s) inside its records (stored ")
          .append(t.elementsStored())
          .append(", rejected ")
          .append(t.elementsRejected())
          .append(')');
    }
    return m.append(
            ". Nothing committed is lost, but these records may be missing from the"
                + " inventory. To fix: start the run again; if the figures still disagree, report this"
                + " message with the run's log.")
        .toString();
  }
}
