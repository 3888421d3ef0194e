package dev.sightline.connector;

import java.util.Objects;
import java.util.Optional;

/**
 * What the vendor itself answered to a failed call, kept beside the connector's own wording so a
 * user can quote it to the vendor's support. Never holds a secret: connectors blank them out of the
 * vendor's text before building one.
 *
 * @param httpStatus the status of the vendor's answer
 * @param message the vendor's own error text, shortened; "" when it sent none
 * @param traceId the id the vendor's support asks for (CrowdStrike's {@code X-CS-TRACEID}, say),
 *     when the vendor sent one
 */
public record VendorReply(int httpStatus, String message, Optional<String> traceId) {

  public VendorReply {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(traceId, "traceId");
    traceId = traceId.filter(t -> !t.isBlank());
  }

  public static VendorReply of(int httpStatus, String message) {
    return new VendorReply(httpStatus, message, Optional.empty());
  }
}
