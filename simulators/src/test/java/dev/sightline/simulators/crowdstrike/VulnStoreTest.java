package dev.sightline.simulators.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VulnStoreTest {
  private static final Instant START = Instant.parse("2025-04-01T00:30:00Z");
  private final CrowdStrikeTenant tenant =
      new CrowdStrikeTenant(
          CrowdStrikeSimulatorOptions.defaults(150).withClock(Clock.fixed(START, ZoneOffset.UTC)));
  private final VulnStore store = tenant.vulns();
  private final AgentDirectory agents = tenant.agents();

  @Test
  void shouldGenerateAboutTenVulnerabilitiesPerHostAllInThePast() {
    long count = store.generator().baseCount();
    int withoutAny = 0;
    for (int a = 0; a < agents.count(); a++) {
      withoutAny += agents.vulnCount(a) == 0 ? 1 : 0;
      assertThat(agents.vulnCount(a)).isBetween(0, 20);
    }
    long latestAllowed = START.minusSeconds(3600).getEpochSecond();
    for (long o = 0; o < count; o++) {
      Vuln v = store.generator().base(o);
      assertThat(v.created()).isLessThanOrEqualTo(v.updated()).isLessThanOrEqualTo(latestAllowed);
      if (v.closed() != Vuln.NO_TIME) {
        assertThat(v.status()).isEqualTo(VulnStatus.CLOSED);
        assertThat(v.closed()).isLessThanOrEqualTo(v.updated());
      }
      assertThat(v.ordinal()).isEqualTo(o);
    }
    assertThat((double) count / 150).isBetween(7.0, 13.0);
    assertThat(withoutAny).isPositive();
  }

  @Test
  void shouldNumberBaseRecordsInIdOrder() {
    String previous = "";
    for (long o = 0; o < store.generator().baseCount(); o++) {
      String id = VulnJsonWriter.id(store.generator().base(o), agents);
      assertThat(id).isGreaterThan(previous);
      previous = id;
    }
  }

  @Test
  void shouldBuildSortIndexesMatchingABruteForceSort() {
    for (String sortText : VulnSort.SUPPORTED) {
      VulnSort sort = VulnSort.parse(sortText).orElseThrow();
      SortIndex index = store.index(sort);
      List<Vuln> all = new ArrayList<>();
      for (long o = 0; o < store.generator().baseCount(); o++) {
        all.add(store.generator().base(o));
      }
      all.sort(
          Comparator.comparingLong(sort::encode).thenComparing(v -> VulnJsonWriter.id(v, agents)));
      for (int i = 0; i < all.size(); i++) {
        assertThat(index.ordinalAt(i))
            .as(sortText + " position " + i)
            .isEqualTo(all.get(i).ordinal());
      }
    }
  }

  @Test
  void shouldCountStatusesWithoutMaterialising() {
    Map<VulnStatus, Long> counted = new EnumMap<>(VulnStatus.class);
    for (long o = 0; o < store.generator().baseCount(); o++) {
      counted.merge(store.generator().base(o).status(), 1L, Long::sum);
    }
    for (VulnStatus s : VulnStatus.values()) {
      assertThat(store.snapshot().count(s)).as(s.wire()).isEqualTo(counted.get(s));
    }
  }

  @Test
  void shouldChangeExactlyTheRequestedNumberOfDistinctRecords() {
    VulnSnapshot before = store.snapshot();
    VulnSnapshot after = store.advance(60);

    Set<Long> changed = new HashSet<>();
    int added = 0;
    for (Vuln v : after.overlayRecords()) {
      changed.add(v.ordinal());
      assertThat(v.updated()).isEqualTo(after.latestChange()).isGreaterThan(before.latestChange());
      if (v.ordinal() >= before.total()) {
        added++;
        assertThat(v.status()).isEqualTo(VulnStatus.OPEN);
      } else {
        Vuln old = before.get(v.ordinal(), store.generator());
        assertThat(v).isNotEqualTo(old);
        assertThat(v.agent()).isEqualTo(old.agent());
        assertThat(v.suffixHi()).isEqualTo(old.suffixHi());
      }
    }
    assertThat(changed).hasSize(60);
    assertThat(after.total()).isEqualTo(before.total() + added);
    assertThat(after.lastAdvance().total()).isEqualTo(60);
    long sum = 0;
    for (VulnStatus s : VulnStatus.values()) {
      sum += after.count(s);
    }
    assertThat(sum).isEqualTo(after.total());
  }

  @Test
  void shouldBeDeterministicAcrossInstances() {
    CrowdStrikeTenant twin =
        new CrowdStrikeTenant(
            CrowdStrikeSimulatorOptions.defaults(150)
                .withClock(Clock.fixed(START, ZoneOffset.UTC)));
    twin.vulns().advance(10);
    store.advance(10);

    assertThat(twin.agents().cid()).isEqualTo(agents.cid());
    assertThat(List.copyOf(twin.vulns().snapshot().overlaySorted(VulnSort.DEFAULT, twin.agents())))
        .extracting(k -> k.vuln())
        .isEqualTo(
            store.snapshot().overlaySorted(VulnSort.DEFAULT, agents).stream()
                .map(VulnSnapshot.Keyed::vuln)
                .toList());
  }

  @Test
  void shouldServeAnEmptyTenant() {
    CrowdStrikeTenant empty =
        new CrowdStrikeTenant(
            CrowdStrikeSimulatorOptions.defaults(0).withClock(Clock.fixed(START, ZoneOffset.UTC)));

    VulnSnapshot after = empty.vulns().advance(5);

    assertThat(after.total()).isZero();
    assertThat(empty.agents().count()).isZero();
    assertThat(
            new VulnQuery(
                    empty.vulns(),
                    VulnSort.DEFAULT,
                    VulnFields.create(empty.agents(), empty.vulns().catalog())
                        .compile("status:'open'", START),
                    "status:'open'")
                .total())
        .isZero();
  }
}
