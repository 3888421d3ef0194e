package dev.sightline.platform.intel;

import java.sql.SQLException;

/** Takes the records a reader streams out; the writer behind it stores them in batches. */
@FunctionalInterface
interface RowSink<T> {
  void accept(T row) throws SQLException;
}
