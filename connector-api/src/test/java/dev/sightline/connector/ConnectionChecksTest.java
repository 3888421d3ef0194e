package dev.sightline.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.connector.CheckResult.Check;
import dev.sightline.connector.CheckResult.Status;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionChecksTest {

  private static Map<Check, ConnectionChecks.Step> allPass() {
    Map<Check, ConnectionChecks.Step> steps = new EnumMap<>(Check.class);
    for (Check c : Check.values()) {
      steps.put(c, () -> c.name().toLowerCase() + " ok");
    }
    return steps;
  }

  @Test
  void shouldRunTheFiveChecksInTheSeedsOrder() throws Exception {
    assertThat(ConnectionChecks.run(allPass()))
        .extracting(CheckResult::check)
        .containsExactly(Check.values());
  }

  @Test
  void shouldSkipEveryCheckAfterAFailedOneAndKeepItsReason() throws Exception {
    Map<Check, ConnectionChecks.Step> steps = allPass();
    steps.put(
        Check.AUTHENTICATION,
        () -> {
          throw new PermanentException("the key was refused", "check the key");
        });
    var results = ConnectionChecks.run(steps);
    assertThat(results)
        .extracting(CheckResult::status)
        .containsExactly(
            Status.PASSED, Status.PASSED, Status.FAILED, Status.SKIPPED, Status.SKIPPED);
    assertThat(results.get(2).message()).isEqualTo("the key was refused");
    assertThat(results.get(2).fix()).isEqualTo("check the key");
    assertThat(results.get(3).fix()).isEmpty();
    assertThat(results.get(3).duration()).isZero();
  }

  @Test
  void shouldKeepTheVendorsOwnReplyBesideTheConnectorsWording() throws Exception {
    Map<Check, ConnectionChecks.Step> steps = allPass();
    VendorReply reply = new VendorReply(403, "scope not permitted", Optional.of("trace-1"));
    steps.put(
        Check.AUTHORIZATION_SCOPE,
        () -> {
          throw new PermanentException("the client lacks a scope", "grant it", reply);
        });
    var results = ConnectionChecks.run(steps);
    assertThat(results.get(3).vendorReply()).contains(reply);
    assertThat(results.get(2).vendorReply()).isEmpty();
  }

  @Test
  void shouldGiveAFixEvenForAFailureThatNamesNone() throws Exception {
    Map<Check, ConnectionChecks.Step> steps = allPass();
    steps.put(
        Check.DATA_FETCH,
        () -> {
          throw new UnexpectedResponseException("the vendor answered HTTP 418");
        });
    var results = ConnectionChecks.run(steps);
    assertThat(results.get(4).message()).isEqualTo("the vendor answered HTTP 418");
    assertThat(results.get(4).fix()).contains("run Test Connection again");
  }

  @Test
  void shouldTimeEachCheckThatRan() throws Exception {
    Map<Check, ConnectionChecks.Step> steps = allPass();
    steps.put(
        Check.TLS_HANDSHAKE,
        () -> {
          // Work that takes measurable time without sleeping: a timed check measures it.
          long until = System.nanoTime() + Duration.ofMillis(20).toNanos();
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
          return "ok";
        });
    var results = ConnectionChecks.run(steps);
    assertThat(results.get(1).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
  }

  @Test
  void shouldReachAListeningPortAndRefuseAClosedOne() throws Exception {
    int closed;
    try (ServerSocket server = new ServerSocket(0)) {
      ConnectionChecks.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5));
      closed = server.getLocalPort();
    }
    int port = closed;
    assertThatThrownBy(() -> ConnectionChecks.connect("127.0.0.1", port, Duration.ofSeconds(5)))
        .isInstanceOf(IOException.class);
  }
}
