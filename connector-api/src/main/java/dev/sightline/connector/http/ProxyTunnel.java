package dev.sightline.connector.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A TCP connection to a vendor host through an HTTP proxy's {@code CONNECT} tunnel, as Test
 * Connection opens it: the credentials go with the first request (Basic), so one answer tells
 * whether the proxy takes them. Stateless.
 */
public final class ProxyTunnel {
  private static final int MAX_HEAD = 16 * 1024;

  private ProxyTunnel() {}

  /**
   * Opens the tunnel; the caller closes the socket.
   *
   * @throws ProxyFailureException when the proxy cannot be reached or does not answer 200
   * @throws IOException when the proxy drops the connection mid-answer
   */
  public static Socket open(ProxyEndpoint proxy, String host, int port, Duration timeout)
      throws IOException {
    int millis = Math.toIntExact(timeout.toMillis());
    Socket socket = new Socket();
    try {
      try {
        socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), millis);
      } catch (IOException e) {
        throw ProxyFailureException.unreachable(proxy, e);
      }
      socket.setSoTimeout(millis);
      String target = authority(host, port);
      StringBuilder request =
          new StringBuilder("CONNECT ")
              .append(target)
              .append(" HTTP/1.1\r\nHost: ")
              .append(target)
              .append("\r\n");
      proxy
          .basicAuthorization()
          .ifPresent(v -> request.append("Proxy-Authorization: ").append(v).append("\r\n"));
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      int status = status(readHead(socket.getInputStream()));
      if (status != 200) {
        throw ProxyFailureException.refused(proxy, target, status);
      }
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** {@code host:port}, an IPv6 literal in brackets. */
  public static String authority(String host, int port) {
    return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * The answer's head up to the blank line, read a byte at a time so nothing of what follows (the
   * vendor's TLS) is consumed.
   */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the proxy closed the connection before answering CONNECT");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > MAX_HEAD) {
        throw new IOException("the proxy's answer to CONNECT has no end of headers");
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** The status of {@code HTTP/1.1 407 Proxy Authentication Required}. */
  static int status(String head) throws IOException {
    String[] parts = head.split("\r\n", 2)[0].split(" ", 3);
    try {
      if (parts.length >= 2 && parts[0].startsWith("HTTP/")) {
        return Integer.parseInt(parts[1].trim());
      }
    } catch (NumberFormatException e) {
      // worded below
    }
    throw new IOException("the proxy answered CONNECT with something other than HTTP");
  }
}
