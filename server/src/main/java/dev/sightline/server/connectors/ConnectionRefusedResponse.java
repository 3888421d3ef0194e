package dev.sightline.server.connectors;

import dev.sightline.server.web.Problem;
import java.util.List;

/**
 * The 422 answer when settings were not proven by a connection test, so nothing was stored: the
 * API's error shape ({@code status, error, message, problems}), each failed check a problem naming
 * it and what to do, with the checks themselves as Test Connection shows them.
 */
record ConnectionRefusedResponse(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String error,
    String message,
    List<Problem> problems,
    boolean passed,
    List<ConnectionTestResponse.Check> checks) {}
