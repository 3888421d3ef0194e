package dev.sightline.connector.cortex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The rows of one finished XQL query, read one at a time: the inline rows of {@code
 * get_query_results}, or the NDJSON of {@code get_query_results_stream}, gunzipped as often as it
 * was gzipped (the stream may be compressed twice, by the API and by the transport) and parsed
 * incrementally, so a large result never sits in memory whole. Not thread-safe.
 */
interface CortexXdrRows extends AutoCloseable {

  /** The next row, or empty at the end; IOException when the stream broke or ended early. */
  Optional<JsonNode> next() throws IOException;

  @Override
  void close();

  static CortexXdrRows inline(List<JsonNode> rows) {
    Iterator<JsonNode> iterator = List.copyOf(rows).iterator();
    return new CortexXdrRows() {
      @Override
      public Optional<JsonNode> next() {
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
      }

      @Override
      public void close() {
        // nothing held
      }
    };
  }

  /**
   * Rows from an NDJSON stream.
   *
   * @param expectedRows the query's {@code number_of_results}; a stream that ends before giving
   *     that many rows was cut, and says so with an IOException. -1 when unknown.
   */
  static CortexXdrRows ndjson(InputStream stream, long expectedRows) {
    return new Ndjson(stream, expectedRows);
  }

  /** Streams NDJSON rows; opened lazily, so constructing it never blocks. */
  final class Ndjson implements CortexXdrRows {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int MAX_GZIP_LAYERS = 3;

    private final InputStream raw;
    private final long expectedRows;
    private MappingIterator<JsonNode> values;
    private long read;

    private Ndjson(InputStream raw, long expectedRows) {
      this.raw = raw;
      this.expectedRows = expectedRows;
    }

    @Override
    public Optional<JsonNode> next() throws IOException {
      if (values == null) {
        values = CortexXdrWire.JSON.readerFor(JsonNode.class).readValues(gunzipped(raw));
      }
      if (!values.hasNextValue()) {
        if (expectedRows >= 0 && read < expectedRows) {
          throw new IOException(
              "the XQL result stream ended after " + read + " of " + expectedRows + " rows");
        }
        return Optional.empty();
      }
      read++;
      return Optional.of(values.nextValue());
    }

    static InputStream gunzipped(InputStream in) throws IOException {
      InputStream current = new BufferedInputStream(in);
      for (int layer = 0; layer < MAX_GZIP_LAYERS && gzipped(current); layer++) {
        current = new BufferedInputStream(new GZIPInputStream(current));
      }
      return current;
    }

    private static boolean gzipped(InputStream in) throws IOException {
      in.mark(2);
      int first = in.read();
      int second = in.read();
      in.reset();
      return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
    }

    @Override
    public void close() {
      try {
        raw.close();
      } catch (IOException e) {
        // the stream is abandoned either way
      }
    }
  }
}
