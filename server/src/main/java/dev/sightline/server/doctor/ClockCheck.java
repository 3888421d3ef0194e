package dev.sightline.server.doctor;

import dev.sightline.platform.connectors.StoredConnector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * This machine's clock against the {@code Date} header of the vendors' answers: signed requests and
 * tokens stop working when the two drift apart, and schedules run at the wrong time. Any answer
 * will do (even a 404): only its header is read.
 */
final class ClockCheck implements DoctorCheck {
  /** Beyond this the vendors' request signatures and token lifetimes start to fail. */
  static final Duration TOLERANCE = Duration.ofSeconds(60);

  private final StoredConnectors connectors;
  private final Clock clock;

  ClockCheck(StoredConnectors connectors, Clock clock) {
    this.connectors = connectors;
    this.clock = clock;
  }

  @Override
  public List<CheckLine> run() throws InterruptedException {
    StoredConnectors.Loaded loaded = connectors.load();
    if (loaded.service().isEmpty()) {
      return List.of(
          CheckLine.ok("clock", "not compared: no stored connector names a vendor to ask"));
    }
    Set<URI> urls = new LinkedHashSet<>();
    for (StoredConnector c : loaded.connectors()) {
      urls.addAll(connectors.vendorUrls(c));
    }
    // Through the outbound proxy, as the server reaches the vendors.
    HttpClient http =
        connectors
            .proxy()
            .build(
                HttpClient.newBuilder()
                    .sslContext(loaded.tls())
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER));
    for (URI url : urls) {
      Optional<Instant> theirs = dateOf(http, url);
      if (theirs.isEmpty()) {
        continue;
      }
      return List.of(compare(url, theirs.get(), clock.instant()));
    }
    return List.of(
        CheckLine.ok(
            "clock",
            "not compared: no vendor answered with a Date header (see the connector lines)"));
  }

  static CheckLine compare(URI url, Instant theirs, Instant ours) {
    Duration drift = Duration.between(theirs, ours).abs();
    String where = url.getScheme() + "://" + url.getAuthority();
    if (drift.compareTo(TOLERANCE) <= 0) {
      return CheckLine.ok("clock", "within " + drift.toSeconds() + " s of " + where);
    }
    return CheckLine.failed(
        "clock",
        "this machine's clock is "
            + drift.toSeconds()
            + " s "
            + (ours.isAfter(theirs) ? "ahead of " : "behind ")
            + where,
        "synchronise the clock (systemd-timesyncd, chrony or ntpd)");
  }

  private static Optional<Instant> dateOf(HttpClient http, URI url) throws InterruptedException {
    try {
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return answer
          .headers()
          .firstValue("date")
          .map(d -> ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
