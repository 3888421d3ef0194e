package dev.sightline.server.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Lets Spring Boot report a {@link StartupException} by its own words (cause and fix) instead of a
 * stack trace. Public because Spring instantiates it from META-INF/spring.factories.
 */
public final class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupException cause) {
    String message = cause.getMessage();
    int fix = message.indexOf(". To fix: ");
    return fix < 0
        ? new FailureAnalysis(message, "See the cause above.", cause)
        : new FailureAnalysis(
            message.substring(0, fix), message.substring(fix + ". To fix: ".length()), cause);
  }
}
