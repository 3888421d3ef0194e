package dev.sightline.platform.intel;

/**
 * A feed that could not be fetched: the message says which feed, why and what to do, and never
 * carries the API key. When it is thrown nothing from that fetch has been stored.
 */
final class FeedFailure extends RuntimeException {
  FeedFailure(String message) {
    super(message);
  }

  FeedFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
