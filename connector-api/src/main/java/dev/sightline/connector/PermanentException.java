package dev.sightline.connector;

/**
 * A failure retrying cannot fix: bad credentials, a missing scope, an unreachable host. The message
 * says what was wrong and what to do; {@link #reason} and {@link #fix} give the two apart.
 */
public final class PermanentException extends ConnectorException {
  private final String cause;
  private final String fix;

  public PermanentException(String cause, String fix) {
    this(cause, fix, null, null);
  }

  public PermanentException(String cause, String fix, Throwable underlying) {
    this(cause, fix, underlying, null);
  }

  /** A failure the vendor answered, with its reply kept as it came (secrets blanked). */
  public PermanentException(String cause, String fix, VendorReply vendorReply) {
    this(cause, fix, null, vendorReply);
  }

  public PermanentException(
      String cause, String fix, Throwable underlying, VendorReply vendorReply) {
    super(cause + ". To fix: " + fix + ".", underlying, vendorReply);
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
