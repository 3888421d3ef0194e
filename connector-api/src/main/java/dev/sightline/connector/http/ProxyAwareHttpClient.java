package dev.sightline.connector.http;

import java.io.IOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A client whose calls go through the proxy, with its credentials, telling the proxy's failures
 * from the vendor's.
 *
 * <p>The credentials go as a {@code Proxy-Authorization: Basic} header on each request routed
 * through the proxy: java.net.http copies it onto the tunnel's CONNECT (only when Basic is not
 * disabled for tunnels, see {@link OutboundProxy#allowBasicForTunnels}) and strips it from the
 * request the vendor receives. Not a java.net.Authenticator: with one set, the client answers every
 * 401 itself, and a vendor's 401 without a WWW-Authenticate header (CrowdStrike's token endpoint
 * answers so) becomes an IOException "WWW-Authenticate header missing for response code 401",
 * hiding the vendor's own answer from the connector.
 *
 * <p>What java.net.http raises (checked against JDK 17 and 25 with Debian's tinyproxy): a CONNECT
 * answered other than 200 or 407 is an IOException "Tunnel failed, got: 401"; a 407 comes back as
 * if it were the vendor's response; a refused TCP connection, which behind a proxy can only be the
 * proxy's, is a ConnectException. Each becomes a {@link ProxyFailureException}; everything else
 * passes as it came.
 */
final class ProxyAwareHttpClient extends HttpClient {
  private static final Pattern TUNNEL_FAILED = Pattern.compile("Tunnel failed, got: (\\d{3})");

  private final HttpClient delegate;
  private final OutboundProxy proxy;

  ProxyAwareHttpClient(HttpClient delegate, OutboundProxy proxy) {
    this.delegate = delegate;
    this.proxy = proxy;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    Optional<ProxyEndpoint> route = proxy.routeFor(request.uri());
    if (route.isEmpty()) {
      return delegate.send(request, handler);
    }
    HttpResponse<T> response;
    try {
      response = delegate.send(withCredentials(request, route.get()), handler);
    } catch (IOException e) {
      throw explained(e, route.get(), request);
    }
    return checked(response, route.get(), request);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushes) {
    Optional<ProxyEndpoint> route = proxy.routeFor(request.uri());
    if (route.isEmpty()) {
      return delegate.sendAsync(request, handler, pushes);
    }
    return delegate
        .sendAsync(withCredentials(request, route.get()), handler, pushes)
        .handle(
            (response, failure) -> {
              try {
                if (failure != null) {
                  Throwable cause =
                      failure instanceof CompletionException && failure.getCause() != null
                          ? failure.getCause()
                          : failure;
                  if (cause instanceof IOException io) {
                    throw explained(io, route.get(), request);
                  }
                  throw new CompletionException(cause);
                }
                return checked(response, route.get(), request);
              } catch (IOException e) {
                throw new CompletionException(e);
              }
            });
  }

  /** The request with the proxy's Basic credentials, when it has any; else as it is. */
  private static HttpRequest withCredentials(HttpRequest request, ProxyEndpoint route) {
    Optional<String> authorization = route.basicAuthorization();
    if (authorization.isEmpty()) {
      return request;
    }
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .setHeader("Proxy-Authorization", authorization.get())
        .build();
  }

  private static IOException explained(
      IOException failure, ProxyEndpoint route, HttpRequest request) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ProxyFailureException p) {
        return p;
      }
      Matcher m = TUNNEL_FAILED.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        ProxyFailureException p =
            ProxyFailureException.refused(route, target(request), Integer.parseInt(m.group(1)));
        p.initCause(failure);
        return p;
      }
    }
    if (failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException) {
      return ProxyFailureException.unreachable(route, failure);
    }
    return failure;
  }

  private static <T> HttpResponse<T> checked(
      HttpResponse<T> response, ProxyEndpoint route, HttpRequest request)
      throws ProxyFailureException {
    if (response.statusCode() == 407) {
      throw ProxyFailureException.refused(route, target(request), 407);
    }
    return response;
  }

  private static String target(HttpRequest request) {
    int port = request.uri().getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(request.uri().getScheme()) ? 443 : 80;
    }
    return ProxyTunnel.authority(request.uri().getHost(), port);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
