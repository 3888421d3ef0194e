package dev.sightline.simulators.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Delegates to the server's exchange and records the status in the {@link RequestLog} at the moment
 * the response headers go out (or 0 when the exchange is closed without any), so the log is
 * complete before the client can see the answer. Confined to the thread serving the exchange.
 */
final class RecordingExchange extends HttpExchange {
  private final HttpExchange delegate;
  private final RequestLog log;
  private final RequestLog.Slot slot;

  RecordingExchange(HttpExchange delegate, RequestLog log, RequestLog.Slot slot) {
    this.delegate = delegate;
    this.log = log;
    this.slot = slot;
  }

  @Override
  public void sendResponseHeaders(int code, long length) throws IOException {
    log.answered(slot, code);
    delegate.sendResponseHeaders(code, length);
  }

  @Override
  public void close() {
    log.answered(slot, 0); // ignored when a status was already recorded
    delegate.close();
  }

  @Override
  public Headers getRequestHeaders() {
    return delegate.getRequestHeaders();
  }

  @Override
  public Headers getResponseHeaders() {
    return delegate.getResponseHeaders();
  }

  @Override
  public URI getRequestURI() {
    return delegate.getRequestURI();
  }

  @Override
  public String getRequestMethod() {
    return delegate.getRequestMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return delegate.getHttpContext();
  }

  @Override
  public InputStream getRequestBody() {
    return delegate.getRequestBody();
  }

  @Override
  public OutputStream getResponseBody() {
    return delegate.getResponseBody();
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return delegate.getRemoteAddress();
  }

  @Override
  public int getResponseCode() {
    return delegate.getResponseCode();
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return delegate.getLocalAddress();
  }

  @Override
  public String getProtocol() {
    return delegate.getProtocol();
  }

  @Override
  public Object getAttribute(String name) {
    return delegate.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    delegate.setAttribute(name, value);
  }

  @Override
  public void setStreams(InputStream i, OutputStream o) {
    delegate.setStreams(i, o);
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return delegate.getPrincipal();
  }
}
