package dev.sightline.connector;

/** The vendor answered with something the connector does not understand. */
public final class UnexpectedResponseException extends ConnectorException {
  public UnexpectedResponseException(String message, Throwable cause) {
    super(message, cause);
  }

  public UnexpectedResponseException(String message) {
    this(message, null);
  }
}
