package dev.sightline.connector;

/**
 * A failure retrying cannot fix: bad credentials, a missing scope, an unreachable host. The message
 * says what was wrong and what to do.
 */
public final class PermanentException extends ConnectorException {
  private final String cause;
  private final String fix;

  public PermanentException(String cause, String fix) {
    this(cause, fix, null);
  }

  public PermanentException(String cause, String fix, Throwable underlying) {
    super(cause + ". To fix: " + fix + ".", underlying);
    this.cause = cause;
    this.fix = fix;
  }

  public String reason() {
    return cause;
  }

  public String fix() {
    return fix;
  }
}
