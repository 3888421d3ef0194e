package dev.sightline.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.CheckResult;
import dev.sightline.connector.CheckResult.Check;
import dev.sightline.connector.CheckResult.Status;
import dev.sightline.connector.Checkpoint;
import dev.sightline.connector.ConfigField;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.Page;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.StreamReader;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.SyncRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every connector must show, written once and vendor-neutral. A connector module
 * extends this class, usually as {@code <Vendor>ConnectorContractIT}, and supplies a {@link
 * ContractTenant}. One tenant serves the whole class; each test builds its own connector.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class ConnectorContractTest {

  /** Generous bound for "promptly": far below any injected delay, far above normal latency. */
  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  /** Vendors may announce a retry-after instant at one-second resolution. */
  private static final Duration RETRY_AFTER_RESOLUTION = Duration.ofSeconds(1);

  private ContractTenant tenant;

  /** Starts the tenant (simulator) the contract runs against. */
  protected abstract ContractTenant createTenant() throws Exception;

  @BeforeAll
  final void startTenant() throws Exception {
    tenant = createTenant();
  }

  @AfterEach
  final void disarmFaults() {
    tenant.clearFaults();
  }

  @AfterAll
  final void stopTenant() {
    if (tenant != null) {
      tenant.close();
    }
  }

  /** The tenant, for subclasses that add vendor-specific tests beside the contract. */
  protected final ContractTenant tenant() {
    return tenant;
  }

  @Test
  void shouldDeclareSecretFieldsAndAcceptTheTenantConfiguration() {
    var descriptor = tenant.factory().descriptor();

    assertThat(descriptor.config().fields()).anyMatch(ConfigField::secret);
    assertThat(descriptor.config().validate(tenant.config().values())).isEmpty();
    assertNoSecret(tenant.config().toString(), tenant.config());
  }

  @Test
  void shouldPassAllFiveConnectionChecksInOrder() throws InterruptedException {
    try (Connector connector = connector(tenant.config())) {
      List<CheckResult> checks = connector.testConnection();

      assertThat(checks).extracting(CheckResult::check).containsExactly(Check.values());
      assertThat(checks)
          .allSatisfy(c -> assertThat(c.status()).as(c.message()).isEqualTo(Status.PASSED));
    }
  }

  @Test
  void shouldFailTheAuthenticationCheckOnAWrongSecretAndSkipTheChecksAfterIt()
      throws InterruptedException {
    try (Connector connector = connector(tenant.configWithWrongSecret())) {
      List<CheckResult> checks = connector.testConnection();

      assertThat(checks)
          .extracting(CheckResult::status)
          .containsExactly(
              Status.PASSED, Status.PASSED, Status.FAILED, Status.SKIPPED, Status.SKIPPED);
      assertThat(checks.get(2).message()).isNotBlank();
      assertThat(checks.get(2).fix()).as("a failed check says what to do").isNotBlank();
      assertNoSecret(checks.get(2).message(), tenant.configWithWrongSecret());
      assertNoSecret(checks.get(2).fix(), tenant.configWithWrongSecret());
      checks
          .get(2)
          .vendorReply()
          .ifPresent(reply -> assertNoSecret(reply.message(), tenant.configWithWrongSecret()));
    }
  }

  @Test
  void shouldReadEveryRecordExactlyOnceAcrossAllPages() throws InterruptedException {
    try (Connector connector = connector(tenant.config())) {
      StreamSpec stream = tenant.stream(connector);
      List<Page> pages = readAll(connector, stream, Optional.empty());

      List<String> ids = ids(stream, pages);
      assertThat(ids).hasSize(Math.toIntExact(tenant.expectedRecords()));
      assertThat(ids).doesNotHaveDuplicates();
      assertThat(pages)
          .allSatisfy(p -> assertThat(p.records().size()).isLessThanOrEqualTo(tenant.pageSize()));
    }
  }

  @Test
  void shouldEmitOneDistinctCheckpointPerPageWithOnlyTheLastComplete() throws InterruptedException {
    try (Connector connector = connector(tenant.config())) {
      StreamSpec stream = tenant.stream(connector);
      List<Page> pages = readAll(connector, stream, Optional.empty());

      long fullPages = (tenant.expectedRecords() + tenant.pageSize() - 1) / tenant.pageSize();
      assertThat((long) pages.size()).isBetween(fullPages, fullPages + 1);
      List<Checkpoint> checkpoints = pages.stream().map(Page::checkpoint).toList();
      assertThat(checkpoints).doesNotHaveDuplicates();
      assertThat(checkpoints).allSatisfy(c -> assertThat(c.stream()).isEqualTo(stream.name()));
      assertThat(checkpoints.subList(0, checkpoints.size() - 1)).noneMatch(Checkpoint::complete);
      assertThat(checkpoints.get(checkpoints.size() - 1).complete()).isTrue();
    }
  }

  @Test
  void shouldResumeFromAMidStreamCheckpointWithoutDuplicatesOrGaps() throws InterruptedException {
    try (Connector connector = connector(tenant.config())) {
      StreamSpec stream = tenant.stream(connector);
      Set<String> everything =
          new HashSet<>(ids(stream, readAll(connector, stream, Optional.empty())));

      List<Page> before;
      try (StreamReader first = connector.open(stream, request(), Optional.empty())) {
        before =
            StreamReading.readAtMost(first, Math.max(1, everything.size() / tenant.pageSize() / 2));
      }
      Checkpoint resumeFrom = before.get(before.size() - 1).checkpoint();
      List<Page> after;
      try (StreamReader second = connector.open(stream, request(), Optional.of(resumeFrom))) {
        assertThat(second.fullSync()).isTrue();
        after = StreamReading.readAll(second);
      }

      List<String> all = new ArrayList<>(ids(stream, before));
      all.addAll(ids(stream, after));
      assertThat(all).doesNotHaveDuplicates();
      assertThat(new HashSet<>(all)).isEqualTo(everything);
    }
  }

  @Test
  void shouldOpenAnEmptyDeltaFromACompleteCheckpointWhenNothingChanged()
      throws InterruptedException {
    try (Connector connector = connector(tenant.config())) {
      StreamSpec stream = tenant.stream(connector);
      List<Page> full = readAll(connector, stream, Optional.empty());
      Checkpoint watermark = full.get(full.size() - 1).checkpoint();

      try (StreamReader delta = connector.open(stream, request(), Optional.of(watermark))) {
        assertThat(delta.fullSync()).isFalse();
        List<Page> pages = StreamReading.readAll(delta);

        assertThat(ids(stream, pages)).isEmpty();
        assertThat(pages).isNotEmpty();
        assertThat(pages.get(pages.size() - 1).checkpoint().complete()).isTrue();
      }
    }
  }

  @Test
  void shouldRetryARateLimitedCallNoEarlierThanTheVendorsDelayAndComplete()
      throws InterruptedException {
    Duration retryAfter = Duration.ofSeconds(2);
    try (Connector connector = connector(tenant.config())) {
      StreamSpec stream = tenant.stream(connector);
      try (StreamReader reader = connector.open(stream, request(), Optional.empty())) {
        List<Page> pages = new ArrayList<>(StreamReading.readAtMost(reader, 1));
        int callsBefore = tenant.dataCallTimes().size();
        tenant.rateLimitNext(2, retryAfter);
        pages.addAll(StreamReading.readAll(reader));

        List<Instant> calls = tenant.dataCallTimes();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(callsBefore + 3);
        Duration minimumGap = retryAfter.minus(RETRY_AFTER_RESOLUTION);
        assertThat(Duration.between(calls.get(callsBefore), calls.get(callsBefore + 1)))
            .isGreaterThanOrEqualTo(minimumGap);
        assertThat(Duration.between(calls.get(callsBefore + 1), calls.get(callsBefore + 2)))
            .isGreaterThanOrEqualTo(minimumGap);
        assertExactlyOnce(stream, pages);
      }
    }
  }

  @Test
  void shouldRefreshARejectedTokenOnceAndComplete() throws InterruptedException {
    try (Connector connector = connector(tenant.config())) {
      StreamSpec stream = tenant.stream(connector);
      try (StreamReader reader = connector.open(stream, request(), Optional.empty())) {
        List<Page> pages = new ArrayList<>(StreamReading.readAtMost(reader, 1));
        tenant.invalidateTokens();
        pages.addAll(StreamReading.readAll(reader));

        assertExactlyOnce(stream, pages);
      }
    }
  }

  @Test
  void shouldFailPermanentlyNamingCauseAndFixWithoutTheSecretOnAWrongSecret() {
    ConnectorConfig wrong = tenant.configWithWrongSecret();
    try (Connector connector = connector(wrong)) {
      StreamSpec stream = tenant.stream(connector);
      PermanentException failure;
      try (StreamReader reader = connector.open(stream, request(), Optional.empty())) {
        failure = catchThrowableOfType(PermanentException.class, reader::next);
      }

      assertThat(failure)
          .as("a wrong secret must end the read with a PermanentException")
          .isNotNull();
      assertThat(failure.reason()).isNotBlank();
      assertThat(failure.fix()).isNotBlank();
      assertThat(failure.getMessage()).contains(failure.reason()).contains(failure.fix());
      assertNoSecret(failure.getMessage(), wrong);
    }
  }

  @Test
  void shouldStopWithinThePageWhenInterruptedDuringASlowCall() throws InterruptedException {
    try (Connector connector = connector(tenant.config())) {
      StreamSpec stream = tenant.stream(connector);
      try (StreamReader reader = connector.open(stream, request(), Optional.empty())) {
        StreamReading.readAtMost(reader, 1);
        tenant.slowNextCall(Duration.ofSeconds(60));
        CountDownLatch reading = new CountDownLatch(1);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker =
            new Thread(() -> outcome.set(nextPageOrFailure(reader, reading)), "contract-reader");

        worker.start();
        reading.await();
        worker.interrupt();
        worker.join(PROMPTLY.toMillis());

        assertThat(worker.isAlive())
            .as("reader still busy %s after the interrupt", PROMPTLY)
            .isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
      }
    }
  }

  private static Object nextPageOrFailure(StreamReader reader, CountDownLatch reading) {
    reading.countDown();
    try {
      return reader.next();
    } catch (InterruptedException | RuntimeException e) {
      return e;
    }
  }

  private Connector connector(ConnectorConfig config) {
    return tenant.factory().create(config, tenant.context());
  }

  private SyncRequest request() {
    return SyncRequest.everything().withPageSize(tenant.pageSize());
  }

  private List<Page> readAll(Connector connector, StreamSpec stream, Optional<Checkpoint> from)
      throws InterruptedException {
    try (StreamReader reader = connector.open(stream, request(), from)) {
      assertThat(reader.fullSync()).isTrue();
      return StreamReading.readAll(reader);
    }
  }

  private void assertExactlyOnce(StreamSpec stream, List<Page> pages) {
    List<String> ids = ids(stream, pages);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids).hasSize(Math.toIntExact(tenant.expectedRecords()));
  }

  private List<String> ids(StreamSpec stream, List<Page> pages) {
    List<String> ids = new ArrayList<>();
    for (Page page : pages) {
      for (JsonNode record : page.records()) {
        ids.add(
            tenant
                .recordId(stream, record)
                .orElseThrow(
                    () ->
                        new AssertionError(
                            "record without " + stream.recordKey() + ": " + record)));
      }
    }
    return ids;
  }

  private void assertNoSecret(String text, ConnectorConfig config) {
    tenant.factory().descriptor().config().fields().stream()
        .filter(ConfigField::secret)
        .map(f -> config.get(f.name()))
        .flatMap(Optional::stream)
        .forEach(
            secret ->
                assertThat(text).as("text that must not hold a secret").doesNotContain(secret));
  }
}
