package dev.sightline.connector;

/**
 * The ServiceLoader entry of a connector plug-in. One instance per JVM; it must be stateless and
 * thread-safe. Each {@link #create} call returns a new {@link Connector} bound to one configured
 * connection.
 */
public interface ConnectorFactory {

  ConnectorDescriptor descriptor();

  /**
   * Builds a connector for one configured connection. Validation of the values is done by the
   * caller through {@link ConfigSpec#validate}; this method may still throw {@link
   * PermanentException} for a value it cannot use.
   */
  Connector create(ConnectorConfig config, ConnectorContext context);
}
