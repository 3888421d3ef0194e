package dev.sightline.server.boot;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This server process's name in the cluster: the host name (or SIGHTLINE_NODE_NAME) and a random
 * suffix, so a restarted process is a new node and the old one's claims are recognised as a dead
 * node's.
 */
public final class NodeNames {
  private NodeNames() {}

  public static String generate() {
    String base = System.getenv("SIGHTLINE_NODE_NAME");
    if (base == null || base.isBlank()) {
      try {
        base = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        base = "node";
      }
    }
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    String name = base.trim().replaceAll("[^A-Za-z0-9._-]", "-");
    return (name.length() > 60 ? name.substring(0, 60) : name)
        + "-"
        + HexFormat.of().formatHex(random);
  }
}
