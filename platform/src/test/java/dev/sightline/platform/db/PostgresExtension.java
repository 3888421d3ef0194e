package dev.sightline.platform.db;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects a fresh, migrated {@link DataSource} on real PostgreSQL into a test class. */
public final class PostgresExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == DataSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    ExtensionContext.Store store =
        e.getStore(
            ExtensionContext.Namespace.create(PostgresExtension.class, e.getRequiredTestClass()));
    return store.getOrComputeIfAbsent(
        "ds", k -> TestDatabase.shared(e).freshDatabase(), DataSource.class);
  }
}
