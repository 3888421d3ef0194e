package dev.sightline.platform.connectors;

import dev.sightline.connector.ConfigField;
import dev.sightline.connector.ConfigSpec;
import dev.sightline.connector.ConnectorConfig;
import dev.sightline.connector.ConnectorDescriptor;
import dev.sightline.connector.ConnectorFactory;
import dev.sightline.connector.SourceFilters;
import dev.sightline.connector.SyncRequest.DataScope;
import dev.sightline.platform.errors.ConflictException;
import dev.sightline.platform.errors.InvalidRequestException;
import dev.sightline.platform.errors.InvalidRequestException.Problem;
import dev.sightline.platform.errors.NotFoundException;
import dev.sightline.platform.net.TargetPolicy;
import dev.sightline.platform.schedule.Schedule;
import dev.sightline.platform.schedule.ScheduleParser;
import dev.sightline.platform.secrets.SecretCipher;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Registers connectors and shows them with their secrets masked. */
public final class ConnectorService {
  /** The longest description, in characters (the seed's limit); the console counts against it. */
  public static final int DESCRIPTION_MAX = 164;

  /** The longest name, in characters. */
  public static final int NAME_MAX = 128;

  private final ConnectorCatalog catalog;
  private final ConnectorRepository repository;
  private final SecretCipher cipher;
  private final TargetPolicy targets;
  private final Clock clock;
  private final ScheduleParser schedules;

  public ConnectorService(
      ConnectorCatalog catalog,
      ConnectorRepository repository,
      SecretCipher cipher,
      TargetPolicy targets,
      Clock clock) {
    this.catalog = catalog;
    this.repository = repository;
    this.cipher = cipher;
    this.targets = targets;
    this.clock = clock;
    this.schedules = new ScheduleParser(clock.getZone());
  }

  /**
   * Registers a connector without testing its connection: for callers that vouch for the settings
   * themselves (the demo, tests). The API goes through {@link ConnectorRegistration}, whose gate
   * tests first.
   */
  public ConnectorView register(NewConnector request) {
    return insert(prepare(request, false));
  }

  /**
   * The connector a request would store, validated and with its name checked free, not stored yet:
   * a draft when {@code draft}.
   */
  StoredConnector prepare(NewConnector request, boolean draft) {
    ConnectorFactory factory = factoryFor(request.type());
    ConfigSpec spec = factory.descriptor().config();
    List<Problem> problems = new ArrayList<>();
    String name = validName(request.name(), problems);
    String description = validDescription(request.description(), problems);
    DataScope scope = parseScope(request.dataToSync(), problems);
    SourceFilters filters =
        new FilterValidation(factory.descriptor()).validate(request.filters(), problems);
    ConnectorScope fetchAndRetain = request.scope().validate(problems, clock.instant());
    spec.validate(request.auth())
        .forEach(p -> problems.add(new Problem("auth." + p.field(), p.message())));
    var now = clock.instant();
    Schedule schedule = schedules.parse(request.schedule(), now, problems);
    if (problems.isEmpty()) {
      checkTarget(spec, request.auth(), problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (repository.nameTaken(name)) {
      throw new ConflictException(
          "A connector named '" + name + "' already exists: choose another name");
    }
    UUID id = UUID.randomUUID();
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    request.auth().forEach((k, v) -> (spec.isSecret(k) ? secrets : settings).put(k, v));
    StoredConnector stored =
        new StoredConnector(
            id,
            factory.descriptor().type(),
            name,
            description,
            settings,
            cipher.seal(ConnectorRepository.json(secrets), id.toString()),
            scope,
            filters,
            ConnectorState.REGISTERED,
            now,
            now,
            java.util.Optional.of(schedule),
            fetchAndRetain,
            draft,
            request.useProxy());
    return stored;
  }

  ConnectorView insert(StoredConnector prepared) {
    repository.insert(prepared);
    return view(prepared);
  }

  static String validName(String requested, List<Problem> problems) {
    String name = requested == null ? "" : requested.trim();
    if (name.isEmpty()) {
      problems.add(
          new Problem("name", "name is required: give the connection a unique display name"));
    } else if (name.length() > NAME_MAX) {
      problems.add(new Problem("name", "name is longer than " + NAME_MAX + " characters"));
    }
    return name;
  }

  static String validDescription(String requested, List<Problem> problems) {
    String description = requested == null ? "" : requested;
    if (description.length() > DESCRIPTION_MAX) {
      problems.add(
          new Problem(
              "description",
              "description is "
                  + description.length()
                  + " characters; the limit is "
                  + DESCRIPTION_MAX));
    }
    return description;
  }

  /**
   * Stores an edited connector, its secrets sealed again (a fresh nonce, bound to its id); with
   * {@code newTenant} its next run reads from scratch.
   */
  void store(StoredConnector edited, Map<String, String> secrets, boolean newTenant) {
    repository.update(
        new StoredConnector(
            edited.id(),
            edited.type(),
            edited.name(),
            edited.description(),
            edited.settings(),
            cipher.seal(ConnectorRepository.json(secrets), edited.id().toString()),
            edited.dataScope(),
            edited.filters(),
            edited.state(),
            edited.createdAt(),
            edited.updatedAt(),
            edited.schedule(),
            edited.scope(),
            edited.draft(),
            edited.useProxy()),
        newTenant);
  }

  /** A schedule as create reads it, saved now; null when {@code problems} gained one. */
  Schedule parseSchedule(
      dev.sightline.platform.schedule.ScheduleInput input, List<Problem> problems) {
    return schedules.parse(input, clock.instant(), problems);
  }

  boolean nameTakenByAnother(String name, UUID id) {
    return repository.nameTakenByAnother(name, id);
  }

  /**
   * A keyed hash of a connection's type and every auth value, secrets included: two equal settings
   * give equal fingerprints, and the fingerprint gives no value back.
   */
  String fingerprint(String type, Map<String, String> auth) {
    Map<String, String> values = new TreeMap<>();
    auth.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            values.put(k, v);
          }
        });
    // Sorted keys, so every node writes the same text for the same settings.
    return cipher.fingerprint(type + "\n" + ConnectorRepository.json(values));
  }

  /**
   * The same, for settings tested around the outbound proxy: a test that went direct proves nothing
   * about the way through the proxy, nor the other way round. Through it (the default) keeps the
   * fingerprint above.
   */
  String fingerprint(String type, Map<String, String> auth, boolean useProxy) {
    return useProxy
        ? fingerprint(type, auth)
        : cipher.fingerprint("direct\n" + fingerprint(type, auth));
  }

  Clock clock() {
    return clock;
  }

  /** The connector plug-ins this service knows. */
  public ConnectorCatalog catalog() {
    return catalog;
  }

  public List<ConnectorView> list() {
    return repository.all().stream().map(this::view).toList();
  }

  public ConnectorView get(UUID id) {
    return view(stored(id));
  }

  public StoredConnector stored(UUID id) {
    return repository
        .find(id)
        .orElseThrow(() -> new NotFoundException("No connector has id " + id));
  }

  /** The decrypted configuration, for opening a connector only; never shown or logged. */
  public ConnectorConfig configOf(StoredConnector c) {
    Map<String, String> all = new LinkedHashMap<>(c.settings());
    all.putAll(ConnectorRepository.parse(cipher.open(c.sealedSecrets(), c.id().toString())));
    return new ConnectorConfig(all, c.useProxy());
  }

  /** Moves the connector to a state, recorded in its history with the run and the reason. */
  public void updateState(UUID id, ConnectorState state, UUID runId, String reason) {
    repository.updateState(id, state, runId, reason, clock.instant());
  }

  /** The connector's state history, newest first. */
  public List<StateChange> history(UUID id, int limit) {
    stored(id);
    return repository.history(id, limit);
  }

  /**
   * The connector's secret values, for blanking them out of anything a run writes; never shown or
   * logged.
   */
  public List<String> secretsOf(StoredConnector c) {
    return List.copyOf(
        ConnectorRepository.parse(cipher.open(c.sealedSecrets(), c.id().toString())).values());
  }

  /**
   * How the schedule reads now: the confirmation sentence and the next five runs; a draft's
   * schedule is kept but never fires, and says so.
   */
  public ScheduleView scheduleView(Schedule s, boolean draft) {
    var now = clock.instant();
    List<Instant> next = s.nextRuns(now, 5);
    return new ScheduleView(
        s.occurs().name(),
        s.cron(),
        s.zone().getId(),
        s.start(),
        s.end(),
        draft
            ? "Not scheduled while the connector is a draft: a draft never runs. Save it with a"
                + " passing connection test (\"draft\": false) to schedule it"
            : s.confirmation(now),
        draft ? List.of() : next,
        next.isEmpty());
  }

  public ConnectorDescriptor descriptorOf(StoredConnector c) {
    return factoryFor(c.type()).descriptor();
  }

  /**
   * The factory of a connector type. The connectors it creates get the lent context as it is, or,
   * for a configuration saved with "useProxy": false, the context without the outbound proxy: each
   * connector goes the way its settings say without having to read them.
   */
  public ConnectorFactory factoryFor(String type) {
    return catalog
        .find(type)
        .<ConnectorFactory>map(ProxyChoosingFactory::new)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "type",
                    "unknown connector type '"
                        + type
                        + "': use one of "
                        + String.join(", ", catalog.types())));
  }

  /**
   * The configuration a create request would store, checked as create checks it (auth fields,
   * filters, data to sync, fetch-from date and retention; not the name, which a draft test does not
   * need), for testing the connection before anything is stored. Its target is not checked here: a
   * test reports a refused target as its failed first check.
   */
  public ConnectorConfig draftConfig(NewConnector request) {
    ConnectorFactory factory = factoryFor(request.type());
    List<Problem> problems = new ArrayList<>();
    parseScope(request.dataToSync(), problems);
    new FilterValidation(factory.descriptor()).validate(request.filters(), problems);
    request.scope().validate(problems, clock.instant());
    factory
        .descriptor()
        .config()
        .validate(request.auth())
        .forEach(p -> problems.add(new Problem("auth." + p.field(), p.message())));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new ConnectorConfig(request.auth(), request.useProxy());
  }

  /** Checks a draft's vendor URLs against the outbound policy, as a stored connector's are. */
  public void checkTarget(String type, Map<String, String> auth) {
    List<Problem> problems = new ArrayList<>();
    checkTarget(factoryFor(type).descriptor().config(), auth, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** Re-checks the target at run time too: the allow-list or DNS may have changed. */
  public void checkTarget(StoredConnector c) {
    List<Problem> problems = new ArrayList<>();
    checkTarget(descriptorOf(c).config(), c.settings(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** Every field the connector declares a vendor URL goes through the outbound target policy. */
  private void checkTarget(ConfigSpec spec, Map<String, String> auth, List<Problem> problems) {
    for (ConfigField field : spec.fields()) {
      String url = field.vendorUrl() ? auth.get(field.name()) : null;
      if (url == null || !url.contains("://")) {
        continue; // region names and missing URLs are the connector's to resolve and report
      }
      try {
        targets.check(URI.create(url.trim()));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                "auth." + field.name(),
                field.name() + " is not a valid URL: write it as https://host[:port]"));
      } catch (TargetPolicy.TargetRefusedException e) {
        problems.add(new Problem("auth." + field.name(), e.getMessage()));
      }
    }
  }

  static DataScope parseScope(String value, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      return DataScope.ASSETS_AND_FINDINGS;
    }
    String v = value.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s&]+", "_");
    if (v.equals("ASSETS") || v.equals("ASSETS_ONLY")) {
      return DataScope.ASSETS;
    }
    if (v.equals("ASSETS_AND_FINDINGS") || v.equals("ASSETS_FINDINGS")) {
      return DataScope.ASSETS_AND_FINDINGS;
    }
    problems.add(
        new Problem(
            "dataToSync", "dataToSync must be \"Assets & Findings\" (default) or \"Assets\""));
    return DataScope.ASSETS_AND_FINDINGS;
  }

  ConnectorView view(StoredConnector c) {
    ConnectorDescriptor d = descriptorOf(c);
    Map<String, String> auth = new LinkedHashMap<>(c.settings());
    d.config().fields().stream()
        .filter(f -> f.secret())
        .forEach(f -> auth.put(f.name(), ConnectorView.MASK));
    return new ConnectorView(
        c.id(),
        c.type(),
        c.name(),
        c.description(),
        d.vendorProductName(),
        d.sourceName(),
        c.dataScope() == DataScope.ASSETS ? "Assets" : "Assets & Findings",
        auth,
        c.filters().chosen(),
        c.state().name(),
        c.createdAt(),
        c.updatedAt(),
        c.schedule().map(s -> scheduleView(s, c.draft())),
        c.scope(),
        c.draft(),
        c.useProxy());
  }
}
