package dev.sightline.server.connectors;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Body of PATCH /api/v1/connectors/{id}: every field optional, a field left out keeps its value. In
 * {@code auth} a secret left out or sent as the mask keeps the stored one. {@code draft}: false
 * promotes a draft after a passing test; {@code connectionTestId}: a passing test of the settings
 * as edited; {@code confirmTenantChange}: true to accept a new address or tenant; {@code useProxy}:
 * whether vendor calls go through the outbound proxy (a change is tested before it is stored, like
 * a new address).
 */
record EditConnectorRequest(
    String name,
    String description,
    Map<String, String> auth,
    String dataToSync,
    Map<String, List<String>> filters,
    Boolean draft,
    UUID connectionTestId,
    Boolean confirmTenantChange,
    CreateConnectorRequest.ScheduleRequest schedule,
    String fetchFrom,
    Boolean sampling,
    Integer staleAfterDays,
    Integer purgeStaleAfterDays,
    Boolean useProxy) {}
