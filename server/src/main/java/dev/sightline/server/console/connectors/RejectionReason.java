package dev.sightline.server.console.connectors;

import dev.sightline.platform.ingest.Rejection;
import dev.sightline.server.runs.RejectionResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The records a run rejected, counted by reason (a record with several reasons counts under each),
 * with one record as an example: the rejections API's answer, grouped for reading.
 */
public record RejectionReason(String reason, long records, String example) {
  static List<RejectionReason> grouped(List<RejectionResponse> rejections) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, String> examples = new LinkedHashMap<>();
    for (RejectionResponse r : rejections) {
      String reasons = r.reasons() == null ? "" : r.reasons();
      for (String reason : reasons.split(Pattern.quote(Rejection.REASON_SEPARATOR))) {
        String key = reason.isBlank() ? "(no reason given)" : reason.trim();
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        examples.putIfAbsent(
            key,
            r.stream()
                + " "
                + r.recordKey()
                + (r.elementPath() == null ? "" : " at " + r.elementPath()));
      }
    }
    return counts.entrySet().stream()
        .map(e -> new RejectionReason(e.getKey(), e.getValue()[0], examples.get(e.getKey())))
        .sorted(Comparator.comparingLong(RejectionReason::records).reversed())
        .toList();
  }
}
