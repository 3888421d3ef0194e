package dev.sightline.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckLineTest {

  @Test
  void shouldShowAPassWithATickAndAFailureWithACrossAndItsFix() {
    assertThat(CheckLine.ok("java", "Java 21").render()).isEqualTo("✓ java: Java 21");
    assertThat(CheckLine.failed("clock", "90 s ahead", "synchronise it").render())
        .isEqualTo("✗ clock: 90 s ahead — fix: synchronise it");
  }

  @Test
  void shouldExitNonZeroWhenAnyCheckFailsAndPrintEveryLine() throws InterruptedException {
    StringWriter out = new StringWriter();
    Doctor doctor =
        new Doctor(
            List.of(
                () -> List.of(CheckLine.ok("a", "fine")),
                () -> List.of(CheckLine.failed("b", "broken", "mend it")),
                () -> List.of(CheckLine.ok("c", "fine too"))));

    int code = doctor.run(new PrintWriter(out));

    assertThat(code).isEqualTo(1);
    assertThat(out.toString().lines())
        .containsExactly(
            "✓ a: fine",
            "✗ b: broken — fix: mend it",
            "✓ c: fine too",
            "1 check fails: see the fixes above.");
  }

  @Test
  void shouldExitZeroWhenEveryCheckHolds() throws InterruptedException {
    StringWriter out = new StringWriter();
    int code =
        new Doctor(List.of(() -> List.of(CheckLine.ok("a", "fine")))).run(new PrintWriter(out));
    assertThat(code).isZero();
    assertThat(out.toString()).endsWith("All checks hold." + System.lineSeparator());
  }
}
