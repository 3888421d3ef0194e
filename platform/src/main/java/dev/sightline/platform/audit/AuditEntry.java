package dev.sightline.platform.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One change to record: who, from where, what, to what, how it ended, and the values before and
 * after. The time is the audit log's clock when it is recorded.
 *
 * @param actor the user's name; {@link #SYSTEM} for scheduled and background work
 * @param address the client's address, null for background work
 * @param action {@code <thing>.<verb>} in lower case, e.g. {@code connector.create}
 * @param target what was acted on (an id or a name), null when nothing in particular
 * @param before the value before the change as JSON text, null when there was none (a create)
 * @param after the value after the change as JSON text, null when there is none (a delete)
 * @param detail what the values do not say (e.g. which secret changed, never its value), or null
 */
public record AuditEntry(
    String actor,
    String address,
    String action,
    String target,
    Outcome outcome,
    String before,
    String after,
    String detail) {

  /** The actor of work nobody started by hand. */
  public static final String SYSTEM = "system";

  /** The actor when the request named no user. */
  public static final String ANONYMOUS = "anonymous";

  /** Matched by the {@code audit_entry_action_shape} CHECK (V16). */
  static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  /** How the change ended; matched by the {@code audit_entry_outcome_known} CHECK (V16). */
  public enum Outcome {
    /** Done. */
    SUCCEEDED,
    /** Not done: the request was refused (invalid, in conflict, a failed connection test …). */
    REFUSED,
    /** Not done, or not wholly: something broke on the way (or a connection test failed). */
    FAILED
  }

  public AuditEntry {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("an audit entry needs its actor");
    }
    if (action == null || !ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException(
          "an audit entry's action is <thing>.<verb> in lower case; it was '" + action + "'");
    }
    Objects.requireNonNull(outcome, "outcome");
  }
}
