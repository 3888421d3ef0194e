package dev.sightline.connector.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's tinyproxy on a free loopback port with Basic authentication, as a company's proxy: its
 * log (LogLevel Connect) records every CONNECT it was asked for. Tests that need it are skipped
 * with a message when the binary is not installed (.ci/run installs it).
 */
public final class Tinyproxy implements AutoCloseable {
  public static final String USER = "proxyuser";

  private final Process process;
  private final Path log;
  public final int port;

  private Tinyproxy(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts tinyproxy requiring {@link #USER} and {@code password}; null for no credentials. */
  public static Tinyproxy start(Path dir, String password) throws IOException {
    Path binary =
        List.of("/usr/bin/tinyproxy", "/usr/sbin/tinyproxy", "/usr/local/bin/tinyproxy").stream()
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(
        binary != null,
        "tinyproxy is not installed: `apt-get install tinyproxy` (.ci/run does) to run the"
            + " outbound proxy tests");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path home = Files.createDirectories(dir.resolve("tinyproxy"));
    home.toFile().setWritable(true, false);
    Path log = home.resolve("tinyproxy.log");
    Path conf = home.resolve("tinyproxy.conf");
    Files.writeString(
        conf,
        "Port "
            + port
            + "\nListen 127.0.0.1\nTimeout 600\nLogLevel Connect\nLogFile \""
            + log
            + "\"\nMaxClients 100\nAllow 127.0.0.1\n"
            + (password == null ? "" : "BasicAuth " + USER + " " + password + "\n")
            + "DisableViaHeader Yes\n");
    Process process =
        new ProcessBuilder(binary.toString(), "-d", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("tinyproxy.out").toFile())
            .start();
    Tinyproxy proxy = new Tinyproxy(process, log, port);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return proxy;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          proxy.close();
          throw new IOException("tinyproxy did not start; see " + home.resolve("tinyproxy.out"));
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted waiting for tinyproxy", e);
        }
      }
    }
  }

  /** {@code http://proxyuser:password@127.0.0.1:port}. */
  public String url(String password) {
    return "http://" + USER + ":" + password + "@127.0.0.1:" + port;
  }

  /** How far the log is now: CONNECTs after this mark are what a step caused. */
  public long mark() throws IOException {
    return Files.exists(log) ? Files.size(log) : 0;
  }

  /** How many CONNECTs to {@code hostPort} the proxy was asked for since {@code mark}. */
  public long connectsTo(String hostPort, long mark) throws IOException {
    String text = since(mark);
    Matcher m = Pattern.compile("CONNECT " + Pattern.quote(hostPort) + " ").matcher(text);
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  public String since(long mark) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    byte[] all = Files.readAllBytes(log);
    int from = (int) Math.min(mark, all.length);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
