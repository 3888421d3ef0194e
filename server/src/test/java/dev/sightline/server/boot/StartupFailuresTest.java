package dev.sightline.server.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.web.server.PortInUseException;

/** Which failures are known causes with one line, wherever Spring wrapped them. */
class StartupFailuresTest {

  @Test
  void shouldFindAStartupExceptionInsideSpringsWrapping() {
    Throwable wrapped =
        new BeanCreationException(
            "database",
            "Error creating bean",
            new StartupException("The database is away.", "bring it back", null));

    assertThat(StartupFailures.explain(wrapped))
        .contains("The database is away. To fix: bring it back");
  }

  @Test
  void shouldWordAPortTakenAfterTheCheckAsOneLine() {
    // The port was free at the check and taken before the web server bound it.
    Throwable late = new IllegalStateException("start", new PortInUseException(8443));

    assertThat(StartupFailures.explain(late))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith("Port 8443 is already in use")
                    .contains("To fix:")
                    .doesNotContain("\n"));
  }

  @Test
  void shouldLeaveAnUnknownFailureToItsStackTrace() {
    assertThat(StartupFailures.explain(new IllegalStateException("a bug"))).isEmpty();
  }
}
