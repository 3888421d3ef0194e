package dev.sightline.connector.http;

import dev.sightline.connector.ConnectorContext;
import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client every vendor connection uses in production. */
public final class VendorHttp {
  private VendorHttp() {}

  /**
   * java.net.http with the context's TLS trust and HTTP/1.1, through the context's outbound proxy
   * ({@link ConnectorContext#proxy}), whose failures it raises as {@link ProxyFailureException}s.
   * Redirects are never followed: a redirect means the URL points at the wrong host, which the
   * connector reports instead.
   */
  public static HttpClient client(ConnectorContext context, Duration connectTimeout) {
    return context
        .proxy()
        .build(
            HttpClient.newBuilder()
                .sslContext(context.sslContext())
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1));
  }
}
