package dev.sightline.server.doctor;

import dev.sightline.connector.http.OutboundProxy;
import dev.sightline.connector.http.ProxyEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outbound proxy (SIGHTLINE_PROXY_URL, HTTPS_PROXY, HTTP_PROXY, NO_PROXY): a setting the server
 * can read, and a proxy that accepts a TCP connection. Its password is never shown. Whether the
 * proxy takes its credentials and lets a vendor through is the connector lines' network check.
 */
final class ProxyCheck implements DoctorCheck {
  private static final int TIMEOUT_MILLIS = 5000;
  private final Map<String, String> env;

  ProxyCheck(Map<String, String> env) {
    this.env = env;
  }

  /**
   * The proxy as the server reads it; none when the setting cannot be read (this check says so).
   */
  static OutboundProxy readable(Map<String, String> env) {
    try {
      return OutboundProxy.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      return OutboundProxy.NONE;
    }
  }

  @Override
  public List<CheckLine> run() {
    String name = "outbound proxy";
    OutboundProxy proxy;
    try {
      proxy = OutboundProxy.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      // The message names the setting and masks the password.
      return List.of(
          CheckLine.failed(
              name, e.getMessage(), "correct the setting, or unset it for direct connections"));
    }
    if (!proxy.isSet()) {
      return List.of(CheckLine.ok(name, "none set: every outbound call goes direct"));
    }
    Set<ProxyEndpoint> endpoints = new LinkedHashSet<>();
    for (String scheme : List.of("https", "http")) {
      proxy
          .routeFor(java.net.URI.create(scheme + "://sightline-doctor.invalid/"))
          .ifPresent(endpoints::add);
    }
    List<CheckLine> lines = new ArrayList<>();
    for (ProxyEndpoint endpoint : endpoints) {
      Optional<String> failure = connect(endpoint);
      lines.add(
          failure.isEmpty()
              ? CheckLine.ok(name, endpoint + " accepts connections; " + proxy)
              : CheckLine.failed(
                  name,
                  "cannot connect to the proxy " + endpoint + " (" + failure.get() + ")",
                  "check the proxy's host and port in "
                      + endpoint.source()
                      + " and that this machine may reach it"));
    }
    if (lines.isEmpty()) {
      lines.add(CheckLine.ok(name, proxy.toString()));
    }
    return lines;
  }

  private static Optional<String> connect(ProxyEndpoint endpoint) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), TIMEOUT_MILLIS);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
