package dev.sightline.platform.normalize;

import java.util.Objects;
import java.util.Optional;

/**
 * An IP address in canonical text. An IP is a locator, never an identity: DHCP, NAT, VPN pools and
 * cloud address reuse give one address to many machines over time (docs/normalization.md).
 *
 * @param canonical dotted-quad IPv4, or IPv6 compressed in lower case as RFC 5952 §4 says
 * @param version 4 or 6
 * @param weak true for addresses that do not locate the host on any shared network (loopback,
 *     link-local, unspecified, multicast, broadcast, documentation, reserved …)
 * @param weakReason why it is weak, one of the reasons listed in docs/normalization.md
 */
public record Ip(String canonical, int version, boolean weak, Optional<String> weakReason) {
  public Ip {
    Objects.requireNonNull(canonical, "canonical");
    Objects.requireNonNull(weakReason, "weakReason");
    if (version != 4 && version != 6) {
      throw new IllegalArgumentException("IP version must be 4 or 6, was " + version);
    }
    if (weak != weakReason.isPresent()) {
      throw new IllegalArgumentException("a weak IP needs a reason, a strong one none");
    }
  }
}
