package dev.sightline.connector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.StreamSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A vendor tenant the {@link ConnectorContractTest} runs against, usually a simulator. Each
 * connector module implements it once; the contract itself never names a vendor.
 *
 * <p>Lifecycle: created once per contract test class, closed after its last test. The fault hooks
 * act on the next matching vendor calls only, so tests do not leak faults into one another.
 */
public interface ContractTenant extends AutoCloseable {

  /** The factory under test, as the platform would find it. */
  ConnectorFactory factory();

  /** A configuration that reaches the tenant with valid credentials. */
  ConnectorConfig config();

  /** The same configuration with a secret the tenant rejects. */
  ConnectorConfig configWithWrongSecret();

  /** A context that trusts the tenant's certificate. */
  ConnectorContext context();

  /** The stream the contract reads (for example the findings stream). */
  StreamSpec stream(Connector connector);

  /** Ground truth: how many records {@link #stream} holds. */
  long expectedRecords();

  /** A small page size, so the stream has many pages. */
  int pageSize();

  /**
   * The next {@code responses} data calls answer "rate limited" with the vendor's retry-after
   * signal set {@code retryAfter} from now (vendors may round it to whole seconds).
   */
  void rateLimitNext(int responses, Duration retryAfter);

  /** When each data call (not authentication calls) reached the tenant, oldest first. */
  List<Instant> dataCallTimes();

  /** The tenant forgets every access token it issued, so the next data call is rejected. */
  void invalidateTokens();

  /** The next data call is answered only after {@code delay}. */
  void slowNextCall(Duration delay);

  /** Disarms every fault hook that has not fired yet; called after each contract test. */
  void clearFaults();

  /**
   * A record's stable id, found with the stream's record key. The default reads a dotted path
   * ({@code aid}, {@code host.id}); override for keys that need more than that.
   */
  default Optional<String> recordId(StreamSpec stream, JsonNode record) {
    JsonNode node = record;
    for (String part : stream.recordKey().split("\\.")) {
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      node = node.get(part);
    }
    return node == null || node.isNull() || node.isContainerNode()
        ? Optional.empty()
        : Optional.of(node.asText());
  }

  @Override
  void close();
}
