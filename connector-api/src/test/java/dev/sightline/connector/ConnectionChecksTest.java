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
    assertThat(results.get(2).message()).contains("the key was refused").contains("check the key");
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
