package dev.sightline.connector;

/** The vendor answered with something the connector does not understand. */
public final class UnexpectedResponseException extends ConnectorException {
  public UnexpectedResponseException(String message, Throwable cause) {
    super(message, cause);
  }

  public UnexpectedResponseException(String message) {
    this(message, (Throwable) null);
  }

  /** An answer of the vendor's the connector cannot use, with the reply kept as it came. */
  public UnexpectedResponseException(String message, VendorReply vendorReply) {
    super(message, null, vendorReply);
  }
}
