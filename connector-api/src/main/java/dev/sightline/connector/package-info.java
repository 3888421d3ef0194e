/**
 * The Sightline connector SPI: pure Java plus Jackson 2 trees for raw vendor records. A connector
 * module depends on this package only; it is found with {@link java.util.ServiceLoader} through its
 * {@link dev.sightline.connector.ConnectorFactory}.
 */
package dev.sightline.connector;
