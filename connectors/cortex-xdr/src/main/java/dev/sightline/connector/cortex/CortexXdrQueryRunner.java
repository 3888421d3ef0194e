package dev.sightline.connector.cortex;

import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.RetryableException;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.connector.cortex.CortexXdrWire.QueryResults;
import dev.sightline.connector.cortex.CortexXdrWire.QueryStatus;
import dev.sightline.connector.cortex.CortexXdrWire.Quota;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one XQL query to its rows: checks the daily quota first (a query on an exhausted quota fails
 * on the vendor's side anyway, less clearly), starts it, polls {@code get_query_results} with
 * growing waits while it is PENDING, then opens its rows inline (≤ 1,000) or as the result stream.
 * One query at a time, so the connector never has more than one in flight (Cortex allows four per
 * tenant, shared with other integrations; refusals are retried by the retry policy).
 */
final class CortexXdrQueryRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CortexXdrQueryRunner.class);

  /** A query that started and finished: its rows, and how many the vendor counted. */
  record Finished(CortexXdrRows rows, long numberOfResults) {}

  private final CortexXdrClient client;
  private final ConnectorContext context;
  private final CortexXdrTuning tuning;
  private final CortexXdrFailures failures;

  CortexXdrQueryRunner(
      CortexXdrClient client,
      ConnectorContext context,
      CortexXdrTuning tuning,
      CortexXdrFailures failures) {
    this.client = client;
    this.context = context;
    this.tuning = tuning;
    this.failures = failures;
  }

  Finished run(String query) throws InterruptedException {
    Quota quota = client.quota();
    if (quota.exhausted()) {
      throw failures.quotaExhausted(quota);
    }
    String queryId = client.startQuery(query);
    QueryResults results = awaitCompletion(queryId);
    LOG.debug("XQL query {} finished with {} rows", queryId, results.numberOfResults());
    if (!results.streamId().isEmpty()) {
      return new Finished(
          CortexXdrRows.ndjson(
              client.openResultStream(results.streamId()), results.numberOfResults()),
          results.numberOfResults());
    }
    if (results.numberOfResults() > results.rows().size()) {
      throw new UnexpectedResponseException(
          "Cortex XDR reported "
              + results.numberOfResults()
              + " rows for the vulnerability query but returned "
              + results.rows().size()
              + " inline and no stream id to fetch the rest");
    }
    return new Finished(CortexXdrRows.inline(results.rows()), results.rows().size());
  }

  private QueryResults awaitCompletion(String queryId) throws InterruptedException {
    Instant deadline = context.clock().instant().plus(tuning.queryTimeout());
    Duration wait = tuning.pollFirst();
    while (true) {
      QueryResults results = client.results(queryId);
      switch (results.status()) {
        case SUCCESS:
          return results;
        case PENDING:
          break;
        case PARTIAL_SUCCESS:
          throw new UnexpectedResponseException(
              "Cortex XDR finished the vulnerability query "
                  + queryId
                  + " with PARTIAL_SUCCESS; a partial result would mark missing vulnerabilities as fixed,"
                  + " so the read stops");
        default:
          throw new UnexpectedResponseException(
              "Cortex XDR reported the vulnerability query "
                  + queryId
                  + " as "
                  + results.status()
                  + (results.status() == QueryStatus.FAIL
                      ? "; check that the tenant has Host Insights data (va_endpoints, va_cves)"
                      : ""));
      }
      if (!context.clock().instant().isBefore(deadline)) {
        throw new RetryableException(
            "The vulnerability query "
                + queryId
                + " was still PENDING after "
                + tuning.queryTimeout().toMinutes()
                + " minutes",
            Duration.ZERO);
      }
      context.sleep(wait);
      wait = grow(wait);
    }
  }

  private Duration grow(Duration wait) {
    Duration next = wait.plus(wait.dividedBy(2));
    return next.compareTo(tuning.pollCap()) > 0 ? tuning.pollCap() : next;
  }
}
