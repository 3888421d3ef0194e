package dev.sightline.platform.normalize;

import java.util.Objects;
import java.util.Optional;

/**
 * A 48-bit MAC address in one spelling.
 *
 * @param canonical six lower-case hex pairs joined by colons, "aa:bb:cc:dd:ee:ff"
 * @param weak true when many machines can report this address (virtual NICs, randomized or locally
 *     administered addresses, fixed VPN/dial-up adapter addresses, all-zero, broadcast, multicast),
 *     so it must not link two records on its own
 * @param weakReason why, e.g. "virtual-nic: VMware" (the reasons are listed in
 *     docs/normalization.md)
 */
public record Mac(String canonical, boolean weak, Optional<String> weakReason) {
  public Mac {
    Objects.requireNonNull(canonical, "canonical");
    Objects.requireNonNull(weakReason, "weakReason");
    if (weak != weakReason.isPresent()) {
      throw new IllegalArgumentException("a weak MAC needs a reason, a strong one none");
    }
  }

  /** The first three octets, "aa:bb:cc" — the IEEE OUI of a globally administered address. */
  public String oui() {
    return canonical.substring(0, 8);
  }
}
