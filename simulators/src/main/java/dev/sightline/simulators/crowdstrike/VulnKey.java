package dev.sightline.simulators.crowdstrike;

import java.util.Optional;

/**
 * A position in a sort order: the encoded sort value and the 128+128-bit id. Comparing ids as
 * unsigned numbers equals comparing their lower-case hex strings, which is the API's tie-breaker.
 */
record VulnKey(long encoded, long aidHi, long aidLo, long suffixHi, long suffixLo) implements Comparable<VulnKey> {

  static VulnKey of(VulnSort sort, Vuln v, AgentDirectory agents) {
    return new VulnKey(sort.encode(v), agents.aidHi(v.agent()), agents.aidLo(v.agent()), v.suffixHi(),
        v.suffixLo());
  }

  /** Parses {@code <32 hex>_<32 hex>}; empty when the id is not a simulator id. */
  static Optional<VulnKey> of(long encoded, String id) {
    if (id.length() != 65 || id.charAt(32) != '_') {
      return Optional.empty();
    }
    try {
      return Optional.of(new VulnKey(encoded, Long.parseUnsignedLong(id.substring(0, 16), 16),
          Long.parseUnsignedLong(id.substring(16, 32), 16), Long.parseUnsignedLong(id.substring(33, 49), 16),
          Long.parseUnsignedLong(id.substring(49), 16)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public int compareTo(VulnKey o) {
    int c = Long.compare(encoded, o.encoded);
    if (c == 0) {
      c = Long.compareUnsigned(aidHi, o.aidHi);
    }
    if (c == 0) {
      c = Long.compareUnsigned(aidLo, o.aidLo);
    }
    if (c == 0) {
      c = Long.compareUnsigned(suffixHi, o.suffixHi);
    }
    if (c == 0) {
      c = Long.compareUnsigned(suffixLo, o.suffixLo);
    }
    return c;
  }
}
