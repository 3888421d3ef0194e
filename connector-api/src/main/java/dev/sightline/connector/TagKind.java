package dev.sightline.connector;

import java.util.Objects;
import java.util.Optional;

/**
 * How a connector's source tags are told apart: a tag that starts with {@link #prefix} is of {@link
 * #kind}, and is shown without the prefix (CrowdStrike's {@code FalconGroupingTags/production} is
 * the tag {@code production} of kind {@code falcon-grouping}). An empty prefix matches every tag,
 * so it serves as the last, catch-all entry.
 */
public record TagKind(String prefix, String kind) {

  /** The kind of a source tag no declared entry matches. */
  public static final String UNSPECIFIED = "tag";

  public TagKind {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(kind, "kind");
    if (kind.isBlank()) {
      throw new IllegalArgumentException("a tag kind needs a name");
    }
  }

  /** The tag without the prefix, when the tag has it and something follows it. */
  public Optional<String> strip(String tag) {
    if (tag == null || !tag.startsWith(prefix) || tag.length() == prefix.length()) {
      return Optional.empty();
    }
    return Optional.of(tag.substring(prefix.length()));
  }
}
