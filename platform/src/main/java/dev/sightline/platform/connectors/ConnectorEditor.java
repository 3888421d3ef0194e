package dev.sightline.platform.connectors;

import dev.sightline.connector.ConfigField;
import dev.sightline.connector.ConfigSpec;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.SourceFilters;
import dev.sightline.connector.SyncRequest.DataScope;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.InvalidRequestException.Problem;
import dev.sightline.platform.schedule.Schedule;
import dev.sightline.platform.secrets.SecretCipher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Edit Connector: changes any setting of a stored connector in place, so what its runs stored
 * stays. Changed connection settings (a rotated secret, a new address) are stored only after a
 * passing connection test of the settings as edited; a new vendor address or tenant must be
 * confirmed, and then the next run reads the new tenant from scratch (no cursor or delta watermark
 * of the old one applies to it). Secrets are sealed again with a fresh nonce and never shown.
 */
public final class ConnectorEditor {
  private final ConnectorService connectors;
  private final ConnectorRegistration registration;

  public ConnectorEditor(ConnectorService connectors, ConnectorRegistration registration) {
    this.connectors = connectors;
    this.registration = registration;
  }

  /**
   * Applies the edit, or changes nothing.
   *
   * @throws InvalidRequestException when a setting is invalid
   * @throws ConflictException when the name is taken, or the tenant changes unconfirmed
   * @throws ConnectionTestFailedException when changed connection settings do not pass the test
   */
  public ConnectorView edit(UUID id, ConnectorEdit edit) throws InterruptedException {
    StoredConnector current = connectors.stored(id);
    ConnectorDescriptor descriptor = connectors.descriptorOf(current);
    ConfigSpec spec = descriptor.config();
    List<Problem> problems = new ArrayList<>();
    // Settings that need no connection test: null keeps the stored value. A new setting is
    // applied here the same way, and written by ConnectorRepository.update.
    String name =
        edit.name() == null ? current.name() : ConnectorService.validName(edit.name(), problems);
    String description =
        edit.description() == null
            ? current.description()
            : ConnectorService.validDescription(edit.description(), problems);
    DataScope scope =
        edit.dataToSync() == null
            ? current.dataScope()
            : ConnectorService.parseScope(edit.dataToSync(), problems);
    SourceFilters filters =
        edit.filters() == null
            ? current.filters()
            : new FilterValidation(descriptor).validate(edit.filters(), problems);
    Optional<Schedule> schedule =
        edit.schedule() == null
            ? current.schedule()
            : Optional.ofNullable(connectors.parseSchedule(edit.schedule(), problems));
    ConnectorScope fetchAndRetain = scopeOf(current.scope(), edit.scope(), problems);
    // Connection settings: tested before they are stored.
    Map<String, String> before = storedValues(current);
    Map<String, String> after = merged(spec, before, edit.auth(), problems);
    spec.validate(after).forEach(p -> problems.add(new Problem("auth." + p.field(), p.message())));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    connectors.checkTarget(current.type(), after);
    if (!name.equalsIgnoreCase(current.name()) && connectors.nameTakenByAnother(name, id)) {
      throw new ConflictException(
          "A connector named '" + name + "' already exists: choose another name");
    }
    boolean newTenant = tenantChanged(spec, before, after, edit.confirmTenantChange());
    boolean draft = edit.draft().orElse(current.draft());
    boolean useProxy = edit.useProxy() == null ? current.useProxy() : edit.useProxy();
    // Going through the proxy or around it is a change of the connection: tested like one.
    boolean connectionChanged =
        !comparable(before).equals(comparable(after)) || useProxy != current.useProxy();
    if (!draft && (connectionChanged || current.draft())) {
      registration.prove(
          current.type(), after, useProxy, edit.connectionTestId(), "nothing was changed");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    after.forEach((k, v) -> (spec.isSecret(k) ? secrets : settings).put(k, v));
    connectors.store(
        new StoredConnector(
            current.id(),
            current.type(),
            name,
            description,
            settings,
            current.sealedSecrets(),
            scope,
            filters,
            current.state(),
            current.createdAt(),
            connectors.clock().instant(),
            schedule,
            fetchAndRetain,
            draft,
            useProxy),
        secrets,
        newTenant);
    return connectors.get(id);
  }

  /**
   * The stored settings and secrets. Secrets sealed under another master key cannot be opened: they
   * count as missing, so the edit must give them again (the way out after a key change).
   */
  private Map<String, String> storedValues(StoredConnector current) {
    try {
      return connectors.configOf(current).values();
    } catch (SecretCipher.SecretUnreadableException e) {
      return current.settings();
    }
  }

  /** The stored scope with the fields the edit gives, validated as on create. */
  private ConnectorScope scopeOf(
      ConnectorScope stored, ConnectorScope.Request change, List<Problem> problems) {
    return new ConnectorScope.Request(
            change.fetchFrom() != null ? change.fetchFrom() : stored.fetchFrom().toString(),
            change.sampling() != null ? change.sampling() : stored.sampling(),
            change.staleAfterDays() != null ? change.staleAfterDays() : stored.staleAfterDays(),
            change.purgeStaleAfterDays() != null
                ? change.purgeStaleAfterDays()
                : stored.purgeStaleAfterDays())
        .validate(problems, connectors.clock().instant());
  }

  /** The stored values with the edit's auth fields applied; an unknown field is a problem. */
  private static Map<String, String> merged(
      ConfigSpec spec, Map<String, String> stored, Map<String, String> changes, List<Problem> out) {
    Map<String, String> merged = new LinkedHashMap<>(stored);
    changes.forEach(
        (field, value) -> {
          if (spec.field(field).isEmpty()) {
            out.add(new Problem("auth." + field, "unknown field '" + field + "': remove it"));
          } else if (spec.isSecret(field)) {
            if (value != null && !value.isBlank() && !value.equals(ConnectorView.MASK)) {
              merged.put(field, value);
            }
          } else if (value == null || value.isBlank()) {
            merged.remove(field);
          } else {
            merged.put(field, value);
          }
        });
    return merged;
  }

  /**
   * A new vendor address, or another value of a field naming the tenant, points the connector at
   * other data than it stored: the user must say that is meant.
   */
  private static boolean tenantChanged(
      ConfigSpec spec, Map<String, String> before, Map<String, String> after, boolean confirmed) {
    List<String> changed = new ArrayList<>();
    for (ConfigField field : spec.fields()) {
      if (field.identifiesTenant()
          && !tenantValue(before.get(field.name())).equals(tenantValue(after.get(field.name())))) {
        changed.add(field.label());
      }
    }
    if (!changed.isEmpty() && !confirmed) {
      throw new ConflictException(
          String.join(" and ", changed)
              + (changed.size() == 1 ? " changes" : " change")
              + ": the connector would read another tenant, while what it stored so far came from"
              + " the old one and stays. Send \"confirmTenantChange\": true with the edit to"
              + " confirm");
    }
    return !changed.isEmpty();
  }

  private static String tenantValue(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    while (v.endsWith("/")) {
      v = v.substring(0, v.length() - 1);
    }
    return v;
  }

  private static Map<String, String> comparable(Map<String, String> values) {
    Map<String, String> kept = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            kept.put(k, v);
          }
        });
    return kept;
  }
}
