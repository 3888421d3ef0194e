package dev.sightline.connector.testkit.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sightline.connector.Connector;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.StreamSpec;
import dev.sightline.connector.testkit.ConnectorContractTest;
import dev.sightline.connector.testkit.ContractTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The third connector type, in memory, held to the same contract as the vendors' connectors: the
 * contract names no vendor, and this connector is none.
 */
class InMemoryConnectorContractTest extends ConnectorContractTest {
  private static final String SECRET = "in-memory-secret-7f3a";
  private static final int ISSUES = 57;

  @Override
  protected ContractTenant createTenant() {
    List<JsonNode> issues = new ArrayList<>();
    for (int i = 0; i < ISSUES; i++) {
      issues.add(
          JsonNodeFactory.instance
              .objectNode()
              .put("id", "issue-" + i)
              .put("host", "h" + (i % 5))
              .put("title", "finding " + i)
              .put("level", "moderate")
              .put("state", "seen"));
    }
    InMemoryTenant tenant =
        new InMemoryTenant(List.of(), issues, Optional.of(SECRET), Clock.systemUTC());
    return new Tenant(tenant);
  }

  /** The contract's view of an in-memory tenant. */
  private record Tenant(InMemoryTenant tenant) implements ContractTenant {
    @Override
    public ConnectorFactory factory() {
      return new InMemoryConnectorFactory(tenant);
    }

    @Override
    public ConnectorConfig config() {
      return new ConnectorConfig(Map.of("secret", SECRET));
    }

    @Override
    public ConnectorConfig configWithWrongSecret() {
      return new ConnectorConfig(Map.of("secret", "not-the-secret-9b1c"));
    }

    @Override
    public ConnectorContext context() {
      return new ConnectorContext() {
        @Override
        public Clock clock() {
          return Clock.systemUTC();
        }

        @Override
        public SSLContext sslContext() {
          return null;
        }
      };
    }

    @Override
    public StreamSpec stream(Connector connector) {
      return InMemoryConnectorFactory.issuesStream();
    }

    @Override
    public long expectedRecords() {
      return tenant.issueCount();
    }

    @Override
    public int pageSize() {
      return 10;
    }

    @Override
    public void rateLimitNext(int responses, Duration retryAfter) {
      tenant.rateLimitNext(responses, retryAfter);
    }

    @Override
    public List<Instant> dataCallTimes() {
      return tenant.dataCallTimes();
    }

    @Override
    public void invalidateTokens() {
      tenant.invalidateTokens();
    }

    @Override
    public void slowNextCall(Duration delay) {
      tenant.slowNextCall(delay);
    }

    @Override
    public void clearFaults() {
      tenant.clearFaults();
    }

    @Override
    public void close() {
      // nothing to stop
    }
  }
}
