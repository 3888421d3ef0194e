package dev.sightline.connector.cortex;

import static dev.sightline.connector.cortex.FakeCortexXdr.ndjson;
import static dev.sightline.connector.cortex.FakeCortexXdr.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.connector.UnexpectedResponseException;
import dev.sightline.connector.cortex.CortexXdrRowGrouper.EndpointGroup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CortexXdrRowGrouperTest {

  private static final List<JsonNode> ROWS =
      List.of(
          row("a1", "CVE-2024-0001", "HIGH"),
          row("a1", "CVE-2024-0002", "LOW"),
          row("b2", "CVE-2023-1111", "CRITICAL"),
          row("c3", "CVE-2022-0003", "MEDIUM"),
          row("c3", "CVE-2022-0003", "MEDIUM"),
          row("c3", "CVE-2022-0004", "NONE"));

  @Test
  void shouldGroupSortedRowsPerEndpointFromADoublyGzippedNdjsonStream() throws IOException {
    CortexXdrRows rows =
        CortexXdrRows.ndjson(new ByteArrayInputStream(ndjson(ROWS, 2)), ROWS.size());

    List<EndpointGroup> groups = drain(new CortexXdrRowGrouper(rows, ""));

    assertThat(groups).extracting(EndpointGroup::endpointId).containsExactly("a1", "b2", "c3");
    assertThat(groups.get(0).cves())
        .extracting(c -> c.path("name").asText())
        .containsExactly("CVE-2024-0001", "CVE-2024-0002");
    assertThat(groups.get(0).cves().get(0).fieldNames())
        .toIterable()
        .containsExactly("name", "severity", "description", "publication_date", "severity_score");
    assertThat(groups.get(2).cves()).as("a repeated row is one CVE").hasSize(2);
    assertThat(groups.get(1).endpointName()).isEqualTo("host-b2");
  }

  @Test
  void shouldKeepEveryRowWithAnEmptyCveNameSoThePlatformCanRejectIt() throws IOException {
    CortexXdrRows rows =
        CortexXdrRows.inline(
            List.of(
                row("a1", "", "HIGH"), row("a1", "CVE-2024-0001", "HIGH"), row("a1", "", "LOW")));

    List<EndpointGroup> groups = drain(new CortexXdrRowGrouper(rows, ""));

    assertThat(groups)
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.cves())
                    .extracting(c -> c.path("name").asText())
                    .containsExactly("", "CVE-2024-0001", ""));
  }

  @Test
  void shouldReadPlainNdjsonToo() throws IOException {
    CortexXdrRows rows = CortexXdrRows.ndjson(new ByteArrayInputStream(ndjson(ROWS, 0)), -1);

    assertThat(drain(new CortexXdrRowGrouper(rows, ""))).hasSize(3);
  }

  @Test
  void shouldHandOutAGroupOnlyOnceTheNextEndpointStartsSoItHoldsOneGroupAtATime()
      throws IOException {
    List<JsonNode> many = new ArrayList<>();
    for (int e = 0; e < 500; e++) {
      for (int c = 0; c < 5; c++) {
        many.add(row(String.format("%032x", e), "CVE-2024-" + (1000 + c), "HIGH"));
      }
    }
    CountingStream counting = new CountingStream(ndjson(many, 1));
    CortexXdrRowGrouper grouper =
        new CortexXdrRowGrouper(CortexXdrRows.ndjson(counting, many.size()), "");

    Optional<EndpointGroup> first = grouper.next();

    assertThat(first).map(EndpointGroup::endpointId).contains(String.format("%032x", 0));
    assertThat(first.orElseThrow().cves()).hasSize(5);
    assertThat(grouper.finished()).isFalse();
    assertThat(counting.read).as("bytes read for the first group").isLessThan(counting.total);
  }

  @Test
  void shouldSkipRowsOfEndpointsAlreadyEmitted() throws IOException {
    CortexXdrRows rows = CortexXdrRows.inline(ROWS);

    assertThat(drain(new CortexXdrRowGrouper(rows, "a1")))
        .extracting(EndpointGroup::endpointId)
        .containsExactly("b2", "c3");
  }

  @Test
  void shouldRefuseRowsOutOfEndpointOrderRatherThanSplitAnEndpoint() {
    List<JsonNode> unsorted = List.of(row("b2", "CVE-1", "LOW"), row("a1", "CVE-2", "LOW"));
    CortexXdrRowGrouper grouper = new CortexXdrRowGrouper(CortexXdrRows.inline(unsorted), "");

    assertThatThrownBy(grouper::next)
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("out of endpoint_id order");
  }

  @Test
  void shouldReportAStreamThatEndsBeforeTheCountedRows() throws IOException {
    byte[] whole = ndjson(ROWS, 0);
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    String firstLines = new String(cut, java.nio.charset.StandardCharsets.UTF_8);
    cut =
        firstLines
            .substring(0, firstLines.lastIndexOf('\n') + 1)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    CortexXdrRowGrouper grouper =
        new CortexXdrRowGrouper(
            CortexXdrRows.ndjson(new ByteArrayInputStream(cut), ROWS.size()), "");

    assertThatThrownBy(() -> drain(grouper))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("of " + ROWS.size() + " rows");
  }

  @Test
  void shouldReportATruncatedGzipStream() {
    byte[] whole = ndjson(ROWS, 1);
    byte[] cut = Arrays.copyOf(whole, whole.length - 10);
    CortexXdrRowGrouper grouper =
        new CortexXdrRowGrouper(CortexXdrRows.ndjson(new ByteArrayInputStream(cut), -1), "");

    assertThatThrownBy(() -> drain(grouper)).isInstanceOf(IOException.class);
  }

  private static List<EndpointGroup> drain(CortexXdrRowGrouper grouper) throws IOException {
    List<EndpointGroup> groups = new ArrayList<>();
    Optional<EndpointGroup> group;
    while ((group = grouper.next()).isPresent()) {
      groups.add(group.get());
    }
    assertThat(grouper.finished()).isTrue();
    return groups;
  }

  /** Counts the bytes handed out, one small chunk per read like a network stream. */
  private static final class CountingStream extends InputStream {
    private final byte[] bytes;
    private final int total;
    private int read;

    CountingStream(byte[] bytes) {
      this.bytes = bytes;
      this.total = bytes.length;
    }

    @Override
    public int read() {
      return read < total ? bytes[read++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read >= total) {
        return -1;
      }
      int n = Math.min(Math.min(len, 64), total - read);
      System.arraycopy(bytes, read, b, off, n);
      read += n;
      return n;
    }
  }
}
