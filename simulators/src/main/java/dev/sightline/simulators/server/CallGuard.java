package dev.sightline.simulators.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What every simulator router does around a call, whatever the vendor: a client that went away ends
 * the call quietly, a simulator bug still gets the vendor's internal-error reply when nothing was
 * sent yet, and the exchange is always closed. Stateless.
 */
public final class CallGuard {
  private CallGuard() {}

  /** Handles one call; may answer it. */
  @FunctionalInterface
  public interface Action {
    void run() throws IOException;
  }

  /** Answers a call that failed with a simulator bug, in the vendor's words. */
  @FunctionalInterface
  public interface InternalError {
    void answer(RuntimeException bug) throws IOException;
  }

  public static void serve(
      HttpExchange exchange,
      Action dispatch,
      BooleanSupplier responded,
      InternalError internalError) {
    try {
      dispatch.run();
    } catch (IOException e) {
      // The client went away mid-response; nothing to answer.
    } catch (RuntimeException e) {
      if (!responded.getAsBoolean()) {
        try {
          internalError.answer(e);
        } catch (IOException ignored) {
          // client gone
        }
      }
    } finally {
      exchange.close();
    }
  }

  /**
   * Waits out an injected delay before the call goes on. False when the server is shutting down
   * (the thread was interrupted): the caller then drops the call instead of answering it.
   */
  public static boolean delay(Duration delay) {
    if (delay.isZero()) {
      return true;
    }
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
