package dev.sightline.connector;

/**
 * Told of every attempt of a vendor exchange and of every retry, so whoever runs connectors can
 * count them (the server turns them into metrics). The SPI's shared retry loop calls it; connectors
 * need not. Called on the connector's thread: implementations are quick, thread-safe and never
 * throw.
 */
public interface CallObserver {
  /** The status of an attempt that got no HTTP answer: refused, reset or timed out. */
  int NO_ANSWER = 0;

  /** Counts nothing: the default of a {@link ConnectorContext}. */
  CallObserver NONE = new CallObserver() {};

  /**
   * One attempt of an exchange ended.
   *
   * @param connectorType the connector's {@link ConnectorDescriptor#type() type}
   * @param status the HTTP status of the answer, or {@link #NO_ANSWER}
   */
  default void called(String connectorType, int status) {}

  /**
   * The exchange will be tried again after an attempt that ended with {@code status} (a rate limit,
   * a 5xx, {@link #NO_ANSWER} for a dropped connection).
   */
  default void retrying(String connectorType, int status) {}
}
