package dev.sightline.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Debian's nginx as an unprivileged process with a configuration of its own: TLS terminated on a
 * loopback port with the test's certificate, every request passed to a Sightline server over plain
 * HTTP with the forwarded headers docs/install.md tells operators to set.
 */
final class Nginx implements AutoCloseable {
  final int port;
  private final Process process;
  private final Path dir;

  private Nginx(int port, Process process, Path dir) {
    this.port = port;
    this.process = process;
    this.dir = dir;
  }

  static Nginx inFrontOf(int backendPort, TestCertificate certificate, int port, Path dir)
      throws Exception {
    for (String temp : new String[] {"body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
      Files.createDirectories(dir.resolve(temp));
    }
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "daemon off;",
            "master_process off;",
            "worker_processes 1;",
            "pid " + dir.resolve("nginx.pid") + ";",
            "error_log " + dir.resolve("error.log") + " info;",
            "events { worker_connections 64; }",
            "http {",
            "  access_log " + dir.resolve("access.log") + ";",
            "  client_body_temp_path " + dir.resolve("body") + ";",
            "  proxy_temp_path " + dir.resolve("proxy") + ";",
            "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
            "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
            "  scgi_temp_path " + dir.resolve("scgi") + ";",
            "  server {",
            "    listen 127.0.0.1:" + port + " ssl;",
            "    server_name localhost;",
            "    ssl_certificate " + certificate.certificateFile() + ";",
            "    ssl_certificate_key " + certificate.keyFile() + ";",
            "    location / {",
            "      proxy_pass http://127.0.0.1:" + backendPort + ";",
            "      proxy_set_header Host $http_host;",
            "      proxy_set_header X-Forwarded-Proto $scheme;",
            "      proxy_set_header X-Forwarded-Host $http_host;",
            "      proxy_set_header X-Forwarded-For $remote_addr;",
            "    }",
            "  }",
            "}",
            ""));
    ProcessBuilder pb =
        new ProcessBuilder(
            executable(),
            "-p",
            dir.toString(),
            "-e",
            dir.resolve("error.log").toString(),
            "-c",
            conf.toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile());
    Nginx nginx = new Nginx(port, pb.start(), dir);
    nginx.awaitListening();
    return nginx;
  }

  private void awaitListening() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "nginx exited with "
                + process.exitValue()
                + ": "
                + Files.readString(dir.resolve("nginx.out"))
                + Files.readString(dir.resolve("error.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("nginx did not listen on " + port + " within 20 s");
  }

  /** nginx lives in /usr/sbin, which an unprivileged user's PATH may lack. */
  private static String executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nginx"))) {
        return Path.of(dir, "nginx").toString();
      }
    }
    return "/usr/sbin/nginx";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
