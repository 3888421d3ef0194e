package dev.sightline.query;

/**
 * How big a query may be, so no query can make the server work without end: its length, how deeply
 * parentheses and nested tokens go, how many terms and list values it has.
 */
public record QueryLimits(int maxLength, int maxDepth, int maxTerms, int maxListValues) {
  public static QueryLimits defaults() {
    return new QueryLimits(4_000, 16, 64, 500);
  }
}
