package dev.sightline.simulators.crowdstrike;

import dev.sightline.simulators.fleet.StableHash;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** UUID-shaped trace ids, derived from the seed and a counter so two runs log alike. */
final class TraceIds {
  private final long seed;
  private final AtomicLong counter = new AtomicLong();

  TraceIds(long seed) {
    this.seed = seed;
  }

  String next() {
    long n = counter.incrementAndGet();
    long hi = (StableHash.of(seed, n, 0x7ACE) & ~0xF000L) | 0x4000L;
    long lo = (StableHash.of(seed, n, 0xBEEF) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }
}
