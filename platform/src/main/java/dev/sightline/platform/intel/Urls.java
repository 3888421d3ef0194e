package dev.sightline.platform.intel;

import java.net.URI;

/** URLs as messages and loads show them. */
final class Urls {
  private Urls() {}

  /** Scheme, host, port and path: never user info or a query, which may carry credentials. */
  static String safe(URI url) {
    return (url.getScheme() == null ? "" : url.getScheme() + "://")
        + (url.getHost() == null ? "" : url.getHost())
        + (url.getPort() > 0 ? ":" + url.getPort() : "")
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }
}
