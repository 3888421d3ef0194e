package dev.sightline.simulators.crowdstrike;

import java.util.Optional;

/**
 * A position in a sort order: the encoded sort value and the id. Comparing ids as unsigned numbers
 * equals comparing their lower-case hex strings, which is the API's tie-breaker. An agent's finding
 * id is {@code <aid>_<32 hex>} ({@code number} 0); an unmanaged asset's is {@code <cid>_<18
 * digits>_<32 hex>}: the cid differs from every aid, and the fixed-width number orders like its
 * digits.
 */
record VulnKey(long encoded, long aidHi, long aidLo, long number, long suffixHi, long suffixLo)
    implements Comparable<VulnKey> {

  static VulnKey of(VulnSort sort, Vuln v, AgentDirectory agents) {
    return new VulnKey(
        sort.encode(v),
        agents.aidHi(v.agent()),
        agents.aidLo(v.agent()),
        agents.idNumber(v.agent()),
        v.suffixHi(),
        v.suffixLo());
  }

  /** Parses either id form; empty when the id is not a simulator id. */
  static Optional<VulnKey> of(long encoded, String id) {
    boolean unmanaged = id.length() == 84 && id.charAt(51) == '_';
    if (!(id.length() == 65 || unmanaged) || id.charAt(32) != '_') {
      return Optional.empty();
    }
    try {
      long number = unmanaged ? Long.parseLong(id.substring(33, 51)) : 0;
      String suffix = id.substring(id.length() - 32);
      return Optional.of(
          new VulnKey(
              encoded,
              Long.parseUnsignedLong(id.substring(0, 16), 16),
              Long.parseUnsignedLong(id.substring(16, 32), 16),
              number,
              Long.parseUnsignedLong(suffix.substring(0, 16), 16),
              Long.parseUnsignedLong(suffix.substring(16), 16)));
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
      c = Long.compare(number, o.number);
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
