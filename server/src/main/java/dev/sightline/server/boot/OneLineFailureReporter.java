package dev.sightline.server.boot;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Tells Spring Boot that a failed start with a known cause is reported: the command line prints its
 * one line ({@link StartupFailures}), so Spring prints neither its failure analysis nor the stack
 * trace. Asked before Spring's own reporters; public because Spring makes it from
 * META-INF/spring.factories.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class OneLineFailureReporter implements SpringBootExceptionReporter {
  @Override
  public boolean reportException(Throwable failure) {
    return StartupFailures.explain(failure).isPresent();
  }
}
