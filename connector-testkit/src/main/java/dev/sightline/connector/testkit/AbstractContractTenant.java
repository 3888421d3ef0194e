package dev.sightline.connector.testkit;

import dev.sightline.connector.ConnectorContext;
import dev.sightline.connector.ConnectorFactory;
import javax.net.ssl.SSLContext;

/**
 * The vendor-neutral half of a {@link ContractTenant} served over HTTPS: the factory under test, a
 * context that trusts the tenant's certificate, and the page size. Connector modules add the
 * vendor's configuration, ground truth and fault hooks.
 */
public abstract class AbstractContractTenant implements ContractTenant {
  private final ConnectorFactory factory;
  private final ConnectorContext context;
  private final int pageSize;

  /** {@code trust} is the tenant's client SSL context, e.g. a simulator's. */
  protected AbstractContractTenant(ConnectorFactory factory, SSLContext trust, int pageSize) {
    this.factory = factory;
    this.context = TrustingContext.of(trust);
    this.pageSize = pageSize;
  }

  @Override
  public final ConnectorFactory factory() {
    return factory;
  }

  @Override
  public final ConnectorContext context() {
    return context;
  }

  @Override
  public final int pageSize() {
    return pageSize;
  }
}
