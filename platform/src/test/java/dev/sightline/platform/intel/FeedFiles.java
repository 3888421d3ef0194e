package dev.sightline.platform.intel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * What a test serves in place of CISA, FIRST and NVD: files by path with their validators (304 when
 * the request's If-None-Match or If-Modified-Since matches), NVD API pages cut from a list of
 * records by {@code startIndex}, and scripted trouble (a status a few times, a body that breaks
 * off, a redirect). Every request is kept with its headers. Thread-safe.
 */
final class FeedFiles implements HttpHandler {
  static final String NVD_PATH = "/rest/json/cves/2.0";

  /** One request as it arrived; header names lower-case. */
  record Request(String path, String query, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private record File(byte[] content, String etag, String lastModified) {}

  /** A scripted answer: a status (with Retry-After when given), or a body cut in half. */
  private record Trouble(
      int status, String retryAfter, boolean breakOff, String location, boolean stall) {
    Trouble(int status, String retryAfter, boolean breakOff, String location) {
      this(status, retryAfter, breakOff, location, false);
    }
  }

  private final Map<String, File> files = new ConcurrentHashMap<>();
  private final Map<String, Deque<Trouble>> trouble = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile List<String> nvdRecords = List.of();
  private volatile int nvdPageSize = 2000;

  void put(String path, String content, String etag, String lastModified) {
    put(path, content.getBytes(StandardCharsets.UTF_8), etag, lastModified);
  }

  void put(String path, byte[] content, String etag, String lastModified) {
    files.put(path, new File(content, etag, lastModified));
  }

  /** Answers the next {@code times} requests for {@code path} with {@code status}. */
  void fail(String path, int status, int times, String retryAfter) {
    for (int i = 0; i < times; i++) {
      queue(path).add(new Trouble(status, retryAfter, false, null));
    }
  }

  /** The next request for {@code path} gets half its body, then the connection drops. */
  void breakOffNext(String path) {
    queue(path).add(new Trouble(200, null, true, null));
  }

  /**
   * The next request for {@code path} gets half its body, then nothing more until {@link #release}
   * (or 30 s): a server that stalls without closing.
   */
  void stallNext(String path) {
    queue(path).add(new Trouble(200, null, true, null, true));
  }

  /** Lets stalled answers end. */
  void release() {
    released.countDown();
  }

  /** {@code path} answers with a permanent redirect to {@code location}. */
  void redirect(String path, String location) {
    queue(path).add(new Trouble(301, null, false, location));
  }

  /** The NVD API's records (each a {@code cve} object), served {@code pageSize} at a time. */
  void nvd(int pageSize, String... cveObjects) {
    nvdPageSize = pageSize;
    nvdRecords = List.of(cveObjects);
  }

  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    requests.add(new Request(path, query == null ? "" : query, headers));
    Deque<Trouble> scripted = trouble.get(path);
    Trouble next = scripted == null ? null : scripted.poll();
    if (next != null && !next.breakOff()) {
      if (next.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", next.retryAfter());
      }
      if (next.location() != null) {
        exchange.getResponseHeaders().add("Location", next.location());
      }
      send(exchange, next.status(), "scripted " + next.status());
      return;
    }
    byte[] body;
    if (path.equals(NVD_PATH)) {
      body = nvdPage(query).getBytes(StandardCharsets.UTF_8);
    } else {
      File file = files.get(path);
      if (file == null) {
        send(exchange, 404, "no such file");
        return;
      }
      if (notModified(file, headers)) {
        exchange.sendResponseHeaders(304, -1);
        exchange.close();
        return;
      }
      if (file.etag() != null) {
        exchange.getResponseHeaders().add("ETag", file.etag());
      }
      if (file.lastModified() != null) {
        exchange.getResponseHeaders().add("Last-Modified", file.lastModified());
      }
      body = file.content();
    }
    if (next != null) {
      // promise the whole body, send half, then drop the connection
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, body.length / 2);
      out.flush();
      if (next.stall()) {
        try {
          released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      // a handler that throws makes the JDK server drop the connection
      throw new IOException("scripted: the connection breaks off mid-body");
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static boolean notModified(File file, Map<String, String> headers) {
    String ifNoneMatch = headers.get("if-none-match");
    if (ifNoneMatch != null) {
      return ifNoneMatch.equals(file.etag());
    }
    String ifModifiedSince = headers.get("if-modified-since");
    return ifModifiedSince != null && ifModifiedSince.equals(file.lastModified());
  }

  private String nvdPage(String query) {
    int start = 0;
    for (String pair : (query == null ? "" : query).split("&")) {
      if (pair.startsWith("startIndex=")) {
        start = Integer.parseInt(pair.substring("startIndex=".length()));
      }
    }
    List<String> all = nvdRecords;
    List<String> page =
        all.subList(Math.min(start, all.size()), Math.min(start + nvdPageSize, all.size()));
    StringBuilder json =
        new StringBuilder(
            "{\"resultsPerPage\": "
                + page.size()
                + ", \"startIndex\": "
                + start
                + ", \"totalResults\": "
                + all.size()
                + ", \"format\": \"NVD_CVE\", \"version\": \"2.0\","
                + " \"timestamp\": \"2026-01-15T09:00:00.000\", \"vulnerabilities\": [");
    for (int i = 0; i < page.size(); i++) {
      json.append(i == 0 ? "" : ",").append("{\"cve\": ").append(page.get(i)).append('}');
    }
    return json.append("]}").toString();
  }

  private Deque<Trouble> queue(String path) {
    return trouble.computeIfAbsent(path, p -> new ArrayDeque<>());
  }

  private static void send(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** An NVD CVE API 2.0 {@code cve} object with a CVSS 3.1 base score. */
  static String nvdCve(String id, String lastModified, double base) {
    return "{\"id\": \""
        + id
        + "\", \"published\": \"2024-01-01T00:00:00.000\", \"lastModified\": \""
        + lastModified
        + "\", \"vulnStatus\": \"Analyzed\", \"metrics\": {\"cvssMetricV31\": [{\"source\":"
        + " \"nvd@nist.gov\", \"type\": \"Primary\", \"cvssData\": {\"version\": \"3.1\","
        + " \"vectorString\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\", \"baseScore\": "
        + base
        + "}}]}}";
  }

  /** A KEV catalog listing these CVEs (added 2021-12-10, due 2021-12-24). */
  static String kev(String version, String released, String... cves) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < cves.length; i++) {
      entries
          .append(i == 0 ? "" : ",")
          .append("{\"cveID\": \"")
          .append(cves[i])
          .append(
              "\", \"vendorProject\": \"Acme\", \"product\": \"Widget\", \"vulnerabilityName\":"
                  + " \"Widget RCE\", \"dateAdded\": \"2021-12-10\", \"shortDescription\": \"x\","
                  + " \"requiredAction\": \"Apply updates.\", \"dueDate\": \"2021-12-24\","
                  + " \"knownRansomwareCampaignUse\": \"Unknown\", \"notes\": \"\", \"cwes\": []}");
    }
    return "{\"title\": \"CISA Catalog of Known Exploited Vulnerabilities\", \"catalogVersion\": \""
        + version
        + "\", \"dateReleased\": \""
        + released
        + "\", \"count\": "
        + cves.length
        + ", \"vulnerabilities\": ["
        + entries
        + "]}";
  }
}
