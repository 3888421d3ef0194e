package dev.sightline.server.forwarding;

import dev.sightline.server.boot.TrustedProxies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides the public address every request is seen at, so that redirects, the single sign-on's
 * callback URL and the Secure flag of cookies follow the address people use, not the one the proxy
 * calls:
 *
 * <ol>
 *   <li>a request from a trusted proxy ({@code SIGHTLINE_TRUSTED_PROXIES}) that carries {@code
 *       Forwarded}, {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} or {@code
 *       X-Forwarded-Port}: those headers;
 *   <li>otherwise, when {@code SIGHTLINE_PUBLIC_URL} is set: its scheme, host and port;
 *   <li>otherwise: the request as it arrived.
 * </ol>
 *
 * Forwarded headers from any other address are dropped before anything reads them: a client could
 * otherwise make the server build its sign-on callback, or a redirect, on a host of its choosing.
 * Spring's {@link ForwardedHeaderFilter} then applies what is left (it alone would trust anyone).
 */
final class PublicAddressFilter extends OncePerRequestFilter {
  /** Headers that move the address; X-Forwarded-For only names the client. */
  private static final List<String> ADDRESS_HEADERS =
      List.of(
          "Forwarded",
          "X-Forwarded-Proto",
          "X-Forwarded-Host",
          "X-Forwarded-Port",
          "X-Forwarded-Ssl",
          "X-Forwarded-Prefix");

  private static final Set<String> FORWARDED_HEADERS = forwardedHeaders();

  private final TrustedProxies proxies;
  private final Optional<Map<String, String>> publicHeaders;
  private final ForwardedHeaderFilter forwarded = new ForwardedHeaderFilter();

  PublicAddressFilter(TrustedProxies proxies, Optional<URI> publicUrl) {
    this.proxies = proxies;
    this.publicHeaders = publicUrl.map(PublicAddressFilter::headersOf);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean trusted = proxies.contains(request.getRemoteAddr());
    boolean addressForwarded =
        trusted && ADDRESS_HEADERS.stream().anyMatch(h -> request.getHeader(h) != null);
    Map<String, String> replaced = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> hidden = trusted ? Set.of() : FORWARDED_HEADERS;
    if (!addressForwarded && publicHeaders.isPresent()) {
      replaced.putAll(publicHeaders.get());
    }
    HttpServletRequest seen =
        hidden.isEmpty() && replaced.isEmpty() ? request : new Headers(request, hidden, replaced);
    forwarded.doFilter(seen, response, chain);
  }

  // Error pages and async dispatches build URLs too, and the request they see is the original one.
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterNestedErrorDispatch(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    doFilterInternal(request, response, chain);
  }

  /** The forwarded headers that say the public URL's scheme, host and port. */
  private static Map<String, String> headersOf(URI url) {
    return Map.of(
        "X-Forwarded-Proto",
        url.getScheme(),
        "X-Forwarded-Host",
        url.getHost().contains(":") ? "[" + url.getHost() + "]" : url.getHost(),
        "X-Forwarded-Port",
        String.valueOf(
            url.getPort() != -1 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80));
  }

  private static Set<String> forwardedHeaders() {
    Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(ADDRESS_HEADERS);
    names.add("X-Forwarded-For");
    return Collections.unmodifiableSet(names);
  }

  /** The request with some headers hidden and some replaced. */
  private static final class Headers extends HttpServletRequestWrapper {
    private final Set<String> hidden;
    private final Map<String, String> replaced;

    Headers(HttpServletRequest request, Set<String> hidden, Map<String, String> replaced) {
      super(request);
      this.hidden = hidden;
      this.replaced = replaced;
    }

    @Override
    public String getHeader(String name) {
      if (replaced.containsKey(name)) {
        return replaced.get(name);
      }
      return hides(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      if (replaced.containsKey(name)) {
        return Collections.enumeration(List.of(replaced.get(name)));
      }
      return hides(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>(replaced.keySet());
      for (String name : Collections.list(super.getHeaderNames())) {
        if (!hides(name) && !replaced.containsKey(name)) {
          names.add(name);
        }
      }
      return Collections.enumeration(names);
    }

    private boolean hides(String name) {
      // A public URL replaces every address header, not only those it names.
      return hidden.contains(name)
          || (!replaced.isEmpty()
              && ADDRESS_HEADERS.stream().anyMatch(h -> h.equalsIgnoreCase(name)));
    }
  }
}
