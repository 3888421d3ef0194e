package dev.sightline.server.audit;

import dev.sightline.platform.audit.AuditEntry;
import dev.sightline.platform.audit.AuditEntry.Outcome;
import dev.sightline.platform.audit.AuditLog;
import dev.sightline.platform.connectors.ConnectionTestFailedException;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.server.web.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the API's changes in the audit log on behalf of whoever made them: the actor is the
 * request's user ({@link HttpServletRequest#getUserPrincipal()}, {@value AuditEntry#ANONYMOUS} when
 * it names none) and the address the client's ({@link HttpServletRequest#getRemoteAddr()}); outside
 * a request (scheduled and background work) the actor is {@value AuditEntry#SYSTEM} and there is no
 * address. Values are written as the API shows them, in its JSON, and the audit log masks their
 * secrets on the way in.
 *
 * <p>When the entry is written: right after the change, in the same request, each in its own
 * transaction (the platform's services own theirs; a caller that owns the change's transaction can
 * use {@link AuditLog#record(java.sql.Connection, AuditEntry)} to commit both as one). An entry
 * that cannot be written is never dropped silently: it is logged at ERROR with its (masked) values
 * and the request fails with a 500, so the caller knows the change was made but not recorded.
 */
public final class AuditTrail {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final AuditLog log;
  private final JsonMapper json;

  public AuditTrail(AuditLog log, JsonMapper json) {
    this.log = log;
    this.json = json;
  }

  /** A change to run and record; its checked exception (if any) passes through. */
  @FunctionalInterface
  public interface Change<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * Runs the change and records it: {@code SUCCEEDED} with {@code after} of what it returned, or,
   * when it throws, {@code REFUSED} (the request was invalid, in conflict, about something missing,
   * not proven by a connection test, or not the caller's to make) or {@code FAILED} (anything
   * else), with the reason as the detail; the exception is then rethrown as it was.
   *
   * @param before the value before the change as the API shows it, null for a create
   * @param detail what the values do not say (never a secret's value), or null
   * @param after the value after the change, from the change's result; may return null
   */
  public <T, E extends Exception> T change(
      AuditAction action,
      String target,
      Object before,
      String detail,
      Change<T, E> change,
      Function<? super T, ?> after)
      throws E {
    return change(action, target, before, detail, change, after, result -> Outcome.SUCCEEDED);
  }

  /**
   * As {@link #change(AuditAction, String, Object, String, Change, Function)}, for a change whose
   * result says how it went (a connection test that ran and failed is {@code FAILED}).
   */
  public <T, E extends Exception> T change(
      AuditAction action,
      String target,
      Object before,
      String detail,
      Change<T, E> change,
      Function<? super T, ?> after,
      Function<? super T, Outcome> outcome)
      throws E {
    T result;
    try {
      result = change.run();
    } catch (Exception e) {
      Outcome failed = refusal(e) ? Outcome.REFUSED : Outcome.FAILED;
      try {
        record(action, target, failed, before, null, join(detail, reason(e, failed)));
      } catch (RuntimeException notRecorded) {
        e.addSuppressed(notRecorded);
      }
      throw e;
    }
    record(action, target, outcome.apply(result), before, after.apply(result), detail);
    return result;
  }

  /**
   * Records one entry for the current request (or as {@value AuditEntry#SYSTEM} outside one).
   *
   * @param before the value before, as the API shows it (serialized to JSON here), or null
   * @param after the value after, or null
   * @throws IllegalStateException when the entry could not be written (it has been logged)
   */
  public void record(
      AuditAction action,
      String target,
      Outcome outcome,
      Object before,
      Object after,
      String detail) {
    record(action.actionName(), target, outcome, before, after, detail);
  }

  /** As {@link #record(AuditAction, String, Outcome, Object, Object, String)}, by action name. */
  public void record(
      String action, String target, Outcome outcome, Object before, Object after, String detail) {
    HttpServletRequest request = currentRequest();
    String actor = AuditEntry.SYSTEM;
    if (request != null) {
      Principal user = request.getUserPrincipal();
      actor = user == null || user.getName() == null ? AuditEntry.ANONYMOUS : user.getName();
    }
    recordAs(actor, action, target, outcome, before, after, detail);
  }

  /**
   * As {@link #record(AuditAction, String, Outcome, Object, Object, String)}, for a request whose
   * user the request does not know yet: a single sign-on's return, which ends before the part of
   * the chain that tells the request who signed in.
   */
  public void recordAs(
      String actor,
      AuditAction action,
      String target,
      Outcome outcome,
      Object before,
      Object after,
      String detail) {
    recordAs(actor, action.actionName(), target, outcome, before, after, detail);
  }

  private void recordAs(
      String actor,
      String action,
      String target,
      Outcome outcome,
      Object before,
      Object after,
      String detail) {
    HttpServletRequest request = currentRequest();
    String address = request == null ? null : request.getRemoteAddr();
    AuditEntry entry =
        new AuditEntry(actor, address, action, target, outcome, text(before), text(after), detail);
    try {
      log.record(entry);
    } catch (RuntimeException e) {
      LOG.error(
          "Could not write to the audit log; the entry follows, secrets masked: actor={}"
              + " address={} action={} target={} outcome={} detail={} before={} after={}",
          actor,
          address,
          action,
          target,
          outcome,
          detail,
          masked(entry.before()),
          masked(entry.after()),
          e);
      throw new IllegalStateException(
          "The change was made but could not be recorded in the audit log (the server log holds"
              + " the entry)",
          e);
    }
  }

  private static HttpServletRequest currentRequest() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
  }

  private String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNode node) {
      return node.toString();
    }
    return json.writeValueAsString(value);
  }

  private static String masked(String text) {
    try {
      return dev.sightline.platform.audit.SecretMasking.mask(text);
    } catch (RuntimeException e) {
      return "(not JSON, left out)";
    }
  }

  private static boolean refusal(Exception e) {
    return e instanceof InvalidRequestException
        || e instanceof ConflictException
        || e instanceof NotFoundException
        || e instanceof ConnectionTestFailedException
        || e instanceof ForbiddenException;
  }

  /**
   * Why the change was not made. A refusal's message is the one the API answers with (written to be
   * shown, never carrying a secret); an unexpected failure is named by its kind only, since its
   * message may quote anything.
   */
  private static String reason(Exception e, Outcome outcome) {
    return outcome == Outcome.REFUSED
        ? e.getMessage()
        : "failed: " + e.getClass().getSimpleName() + " (the server log has the details)";
  }

  private static String join(String detail, String reason) {
    if (detail == null || detail.isBlank()) {
      return reason;
    }
    return reason == null ? detail : detail + "; " + reason;
  }
}
