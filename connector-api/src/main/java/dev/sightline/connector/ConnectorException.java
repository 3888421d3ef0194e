package dev.sightline.connector;

import java.util.Optional;

/**
 * Base of the errors a connector raises. Messages are for the user: they name the cause and the fix
 * and never carry a secret, a token or a credential-bearing URL. A failure the vendor answered
 * carries the vendor's own reply ({@link #vendorReply}) beside the connector's wording.
 */
public abstract class ConnectorException extends RuntimeException {
  private final transient VendorReply vendorReply;

  protected ConnectorException(String message, Throwable cause) {
    this(message, cause, null);
  }

  protected ConnectorException(String message, Throwable cause, VendorReply vendorReply) {
    super(message, cause);
    this.vendorReply = vendorReply;
  }

  /** What the vendor answered, when the failure is an answer of the vendor's. */
  public Optional<VendorReply> vendorReply() {
    return Optional.ofNullable(vendorReply);
  }
}
