package dev.sightline.platform.ingest;

import java.util.List;

/**
 * A raw record, or a finding inside one, that could not be stored, with every reason.
 *
 * @param elementPath where in the record the rejected finding sits ({@code cves[3]}); null when the
 *     rejection is of a whole record
 * @param findings how many findings the rejection accounts for in a stream whose records carry
 *     findings as elements (1 for an element, the record's element count for a whole record); 0 in
 *     other streams
 */
public record Rejection(String recordKey, String elementPath, List<String> reasons, int findings) {
  /** How a record's reasons are joined where they are stored (and split where they are read). */
  public static final String REASON_SEPARATOR = "; ";

  public Rejection {
    reasons = List.copyOf(reasons);
  }

  /** A whole record of a stream whose records are not element carriers. */
  public Rejection(String recordKey, List<String> reasons) {
    this(recordKey, null, reasons, 0);
  }

  public boolean ofElement() {
    return elementPath != null;
  }
}
