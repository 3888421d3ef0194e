package dev.sightline.connector.testkit.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.connector.PermanentException;
import dev.sightline.connector.RetryableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The vendor behind the in-memory connector: machines and issues, a secret that buys a token, and
 * the faults a real vendor has (rate limits with a retry-after, tokens it forgets, slow answers),
 * armed for the next calls only. Thread-safe.
 */
public final class InMemoryTenant {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> machines;
  private final List<JsonNode> issues;
  private final Optional<String> secret;
  private final Clock clock;
  private final AtomicInteger tokenEpoch = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicReference<Duration> retryAfter = new AtomicReference<>(Duration.ZERO);
  private final AtomicReference<Duration> slowNext = new AtomicReference<>(Duration.ZERO);
  private final List<Instant> dataCalls = new ArrayList<>();

  /**
   * @param secret the secret a client must present; empty accepts any (a tenant read from a
   *     connector's configuration has none)
   */
  public InMemoryTenant(
      List<JsonNode> machines, List<JsonNode> issues, Optional<String> secret, Clock clock) {
    this.machines = List.copyOf(machines);
    this.issues = List.copyOf(issues);
    this.secret = secret;
    this.clock = clock;
  }

  /** A tenant whose records are the JSON arrays a connector's configuration carries. */
  static InMemoryTenant fromJson(String machines, String issues, Clock clock) {
    return new InMemoryTenant(array(machines), array(issues), Optional.empty(), clock);
  }

  private static List<JsonNode> array(String json) {
    List<JsonNode> records = new ArrayList<>();
    try {
      JSON.readTree(json).forEach(records::add);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PermanentException(
          "the in-memory tenant's records are not a JSON array (" + e.getOriginalMessage() + ")",
          "give the connector a JSON array of records");
    }
    return records;
  }

  /** Exchanges the secret for a token, as an OAuth token endpoint would. */
  String token(String presented) {
    if (secret.isPresent() && !secret.get().equals(presented)) {
      throw new PermanentException(
          "the in-memory tenant refused the secret",
          "enter the secret the tenant was created with");
    }
    return "token-" + tokenEpoch.get();
  }

  /** The records of a stream from {@code offset}, at most {@code limit}: one data call. */
  List<JsonNode> page(String token, boolean assets, int offset, int limit)
      throws InterruptedException {
    synchronized (dataCalls) {
      dataCalls.add(clock.instant());
    }
    Duration delay = slowNext.getAndSet(Duration.ZERO);
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new RetryableException("the in-memory tenant is rate limiting", retryAfter.get());
    }
    if (!token.equals("token-" + tokenEpoch.get())) {
      throw new TokenRejectedException();
    }
    List<JsonNode> records = assets ? machines : issues;
    return records.subList(
        Math.min(offset, records.size()), Math.min(offset + limit, records.size()));
  }

  int size(boolean assets) {
    return (assets ? machines : issues).size();
  }

  /** The next {@code calls} data calls are refused, asking to come back after {@code after}. */
  public void rateLimitNext(int calls, Duration after) {
    retryAfter.set(after);
    rateLimited.set(calls);
  }

  /** Every token issued so far stops working. */
  public void invalidateTokens() {
    tokenEpoch.incrementAndGet();
  }

  /** The next data call answers only after {@code delay}. */
  public void slowNextCall(Duration delay) {
    slowNext.set(delay);
  }

  public void clearFaults() {
    rateLimited.set(0);
    slowNext.set(Duration.ZERO);
  }

  /** When each data call arrived, oldest first. */
  public List<Instant> dataCallTimes() {
    synchronized (dataCalls) {
      return List.copyOf(dataCalls);
    }
  }

  public int issueCount() {
    return issues.size();
  }

  /** A data call with a token the tenant no longer honours. */
  static final class TokenRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TokenRejectedException() {
      super("access denied: the token is no longer valid");
    }
  }
}
