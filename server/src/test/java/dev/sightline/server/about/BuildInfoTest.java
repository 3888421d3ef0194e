package dev.sightline.server.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

  @Test
  void shouldReadVersionCommitAndTimeAsTheBuildWroteThem() {
    Properties p = new Properties();
    p.setProperty("build.version", "1.2.3");
    p.setProperty("build.commit", "0123456789ab");
    p.setProperty("build.time", "2026-12-07T07:00:40.108Z");

    BuildInfo info = BuildInfo.fromProperties(p);

    assertThat(info).isEqualTo(new BuildInfo("1.2.3", "0123456789ab", "2026-12-07T07:00:40.108Z"));
    assertThat(info.line())
        .isEqualTo("Sightline 1.2.3 (commit 0123456789ab, built 2026-12-07T07:00:40.108Z)");
  }

  @Test
  void shouldSayUnknownWhenBuiltWithoutARecord() {
    assertThat(BuildInfo.fromProperties(new Properties()))
        .isEqualTo(new BuildInfo("unknown", "unknown", "unknown"));
  }

  @Test
  void shouldFindTheRecordThisBuildWrote() {
    // The Maven build writes META-INF/build-info.properties before the tests run.
    BuildInfo current = BuildInfo.current();
    assertThat(current.version()).isNotEqualTo("unknown");
    assertThat(current.buildTime()).startsWith("20");
    assertThat(current.commit()).isNotBlank();
  }
}
