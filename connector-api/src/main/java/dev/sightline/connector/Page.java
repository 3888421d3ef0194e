package dev.sightline.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One page of raw vendor records and the checkpoint that resumes after it. The checkpoint must be
 * committed in the same transaction as the page's records.
 */
public record Page(List<JsonNode> records, Checkpoint checkpoint) {
  public Page {
    records = List.copyOf(records);
    Objects.requireNonNull(checkpoint, "checkpoint");
  }
}
