package dev.sightline.simulators.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.sightline.simulators.tls.LoopbackCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS server every vendor simulator runs on: 127.0.0.1 only, a certificate from {@link
 * LoopbackCertificates}, a fixed pool of daemon threads, and every request recorded in a {@link
 * RequestLog} in arrival order (by the simulator's clock) before the vendor handler sees it.
 *
 * <p>Lifecycle: {@link #start} binds and serves until {@link #close}. Thread-safe.
 */
public final class SimulatorServer implements AutoCloseable {
  private static final int THREADS = 16;

  static {
    // The JDK server writes headers, chunks and the final chunk separately; with Nagle's algorithm
    // on, each small response then waits ~40 ms for a delayed ACK. The server reads this switch
    // once, when the first server of the JVM is created, so it is set before that.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpsServer server;
  private final ExecutorService executor;
  private final RequestLog log;
  private final LoopbackCertificates certificates;
  private final URI baseUrl;

  private SimulatorServer(
      String name,
      int port,
      LoopbackCertificates certificates,
      HttpHandler handler,
      RequestLog log,
      Clock clock)
      throws IOException {
    this.log = log;
    this.certificates = certificates;
    this.server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 128);
    server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverSslContext()));
    server.createContext("/", exchange -> record(exchange, handler, clock));
    this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads(name));
    server.setExecutor(executor);
    server.start();
    this.baseUrl = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Binds 127.0.0.1 ({@code port} 0 picks a free port) and serves {@code handler}, recording every
   * request in {@code log}. Threads are named {@code <name>-sim-N}.
   */
  public static SimulatorServer start(
      String name,
      int port,
      LoopbackCertificates certificates,
      HttpHandler handler,
      RequestLog log,
      Clock clock)
      throws IOException {
    return new SimulatorServer(name, port, certificates, handler, log, clock);
  }

  /**
   * As {@link #start(String, int, LoopbackCertificates, HttpHandler, RequestLog, Clock)} with a
   * fresh log.
   */
  public static SimulatorServer start(
      String name, int port, LoopbackCertificates certificates, HttpHandler handler, Clock clock)
      throws IOException {
    return new SimulatorServer(name, port, certificates, handler, RequestLog.create(), clock);
  }

  /** A simulator's constructor, which binds the server. */
  @FunctionalInterface
  public interface Opening<T> {
    T open() throws IOException;
  }

  /**
   * Runs {@code opening}, turning a failure to bind into an unchecked one that names the simulator
   * and port: callers (tests, the CLI) cannot do better than report it.
   */
  public static <T> T open(String simulatorName, int port, Opening<T> opening) {
    try {
      return opening.open();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the " + simulatorName + " simulator on 127.0.0.1:" + port, e);
    }
  }

  /** {@code https://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** PEM of the generated CA that signed the server certificate. */
  public String caCertificatePem() {
    return certificates.caCertificatePem();
  }

  /** A client context that trusts only this server's CA. */
  public SSLContext clientSslContext() {
    return certificates.clientSslContext();
  }

  public RequestLog requests() {
    return log;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void record(HttpExchange exchange, HttpHandler handler, Clock clock) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    RequestLog.Slot slot =
        log.arrived(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            query == null ? "" : query,
            clock.instant());
    RecordingExchange recording = new RecordingExchange(exchange, log, slot);
    try {
      handler.handle(recording);
    } finally {
      recording.close();
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-sim-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
