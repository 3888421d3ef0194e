package dev.sightline.connector;

/**
 * Base of the errors a connector raises. Messages are for the user: they name the cause and the fix
 * and never carry a secret, a token or a credential-bearing URL.
 */
public abstract class ConnectorException extends RuntimeException {
  protected ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }
}
