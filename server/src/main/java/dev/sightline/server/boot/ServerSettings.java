package dev.sightline.server.boot;

import dev.sightline.platform.intel.IntelFeeds;
import dev.sightline.platform.net.TrustMaterial;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The server's settings, read once from the environment (the documented SIGHTLINE_* variables).
 * {@link #toString} leaves out the admin token, the master key and the NVD API key.
 *
 * @param intelFeeds where {@code intel update} fetches CISA KEV, FIRST EPSS and NVD ({@code
 *     SIGHTLINE_INTEL_KEV_URL}, {@code SIGHTLINE_INTEL_EPSS_URL}, {@code SIGHTLINE_INTEL_NVD_URL},
 *     each defaulting to the publisher's URL) and the optional {@code SIGHTLINE_NVD_API_KEY}
 */
public record ServerSettings(
    int port,
    Path dataDir,
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    Optional<String> adminToken,
    Optional<String> masterKey,
    String allowedTargets,
    Optional<String> extraCaPem,
    int pageSize,
    int workers,
    IntelFeeds intelFeeds,
    AccessSettings access,
    WebSettings web) {

  /** Settings served over plain HTTP with no public address (SIGHTLINE_PUBLIC_URL) set. */
  public ServerSettings(
      int port,
      Path dataDir,
      Optional<String> dbUrl,
      Optional<String> dbUser,
      Optional<String> dbPassword,
      Optional<String> adminToken,
      Optional<String> masterKey,
      String allowedTargets,
      Optional<String> extraCaPem,
      int pageSize,
      int workers,
      IntelFeeds intelFeeds,
      AccessSettings access) {
    this(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        adminToken,
        masterKey,
        allowedTargets,
        extraCaPem,
        pageSize,
        workers,
        intelFeeds,
        access,
        WebSettings.none());
  }

  /** Settings with no first-admin password given and no single sign-on. */
  public ServerSettings(
      int port,
      Path dataDir,
      Optional<String> dbUrl,
      Optional<String> dbUser,
      Optional<String> dbPassword,
      Optional<String> adminToken,
      Optional<String> masterKey,
      String allowedTargets,
      Optional<String> extraCaPem,
      int pageSize,
      int workers,
      IntelFeeds intelFeeds) {
    this(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        adminToken,
        masterKey,
        allowedTargets,
        extraCaPem,
        pageSize,
        workers,
        intelFeeds,
        AccessSettings.none());
  }

  /** Settings with the publishers' intelligence feeds and no NVD API key. */
  public ServerSettings(
      int port,
      Path dataDir,
      Optional<String> dbUrl,
      Optional<String> dbUser,
      Optional<String> dbPassword,
      Optional<String> adminToken,
      Optional<String> masterKey,
      String allowedTargets,
      Optional<String> extraCaPem,
      int pageSize,
      int workers) {
    this(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        adminToken,
        masterKey,
        allowedTargets,
        extraCaPem,
        pageSize,
        workers,
        IntelFeeds.publishers());
  }

  public static ServerSettings fromEnvironment(Map<String, String> env, int port) {
    Path dataDir = Path.of(env.getOrDefault("SIGHTLINE_DATA_DIR", "./.sightline")).toAbsolutePath();
    Optional<String> extraCa =
        value(env, "SIGHTLINE_EXTRA_CA_FILE")
            .map(
                file -> {
                  try {
                    return java.nio.file.Files.readString(Path.of(file));
                  } catch (java.io.IOException e) {
                    throw new StartupException(
                        "SIGHTLINE_EXTRA_CA_FILE names "
                            + file
                            + ", which cannot be read ("
                            + (e instanceof java.nio.file.NoSuchFileException
                                ? "no such file"
                                : StartupChecks.oneLine(e.getMessage()))
                            + ")",
                        "fix the path or unset the variable",
                        e);
                  }
                });
    return new ServerSettings(
        port,
        dataDir,
        value(env, "SIGHTLINE_DB_URL"),
        value(env, "SIGHTLINE_DB_USER"),
        value(env, "SIGHTLINE_DB_PASSWORD"),
        value(env, "SIGHTLINE_ADMIN_TOKEN"),
        value(env, "SIGHTLINE_MASTER_KEY"),
        env.getOrDefault("SIGHTLINE_ALLOWED_TARGETS", ""),
        extraCa,
        pageSize(env),
        workers(env),
        IntelFeeds.of(
            value(env, IntelFeeds.KEV_URL_SETTING),
            value(env, IntelFeeds.EPSS_URL_SETTING),
            value(env, IntelFeeds.NVD_URL_SETTING),
            value(env, IntelFeeds.NVD_API_KEY_SETTING)),
        AccessSettings.fromEnvironment(env),
        WebSettings.fromEnvironment(env));
  }

  /**
   * The TLS trust of every outbound call (vendors, intelligence feeds): the JVM's CAs plus those of
   * {@code SIGHTLINE_EXTRA_CA_FILE}.
   */
  public SSLContext outboundTls() {
    return extraCaPem.map(TrustMaterial::jvmDefaultPlus).orElseGet(TrustMaterial::jvmDefault);
  }

  public ServerSettings withAllowedTargets(String targets) {
    return new ServerSettings(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        adminToken,
        masterKey,
        targets,
        extraCaPem,
        pageSize,
        workers,
        intelFeeds,
        access,
        web);
  }

  public ServerSettings withExtraCaPem(String pem) {
    return new ServerSettings(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        adminToken,
        masterKey,
        allowedTargets,
        Optional.of(pem),
        pageSize,
        workers,
        intelFeeds,
        access,
        web);
  }

  public ServerSettings withAdminToken(String token) {
    return new ServerSettings(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        Optional.of(token),
        masterKey,
        allowedTargets,
        extraCaPem,
        pageSize,
        workers,
        intelFeeds,
        access,
        web);
  }

  public ServerSettings withAccess(AccessSettings settings) {
    return new ServerSettings(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        adminToken,
        masterKey,
        allowedTargets,
        extraCaPem,
        pageSize,
        workers,
        intelFeeds,
        settings,
        web);
  }

  public ServerSettings withWeb(WebSettings settings) {
    return new ServerSettings(
        port,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        adminToken,
        masterKey,
        allowedTargets,
        extraCaPem,
        pageSize,
        workers,
        intelFeeds,
        access,
        settings);
  }

  /** SIGHTLINE_PAGE_SIZE: records asked per vendor page (default 1000). */
  private static int pageSize(Map<String, String> env) {
    String raw = env.getOrDefault("SIGHTLINE_PAGE_SIZE", "1000");
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // worded below
    }
    throw new IllegalArgumentException(
        "SIGHTLINE_PAGE_SIZE is '"
            + raw
            + "': set it to a whole number of records from 1 (default 1000)");
  }

  /** SIGHTLINE_WORKERS: how many runs this node works on at once (default 2). */
  private static int workers(Map<String, String> env) {
    String raw =
        env.getOrDefault("SIGHTLINE_WORKERS", env.getOrDefault("SIGHTLINE_RUN_THREADS", "2"));
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= 1 && n <= 64) {
        return n;
      }
    } catch (NumberFormatException e) {
      // worded below
    }
    throw new IllegalArgumentException(
        "SIGHTLINE_WORKERS is '"
            + raw
            + "': set it to a whole number from 1 to 64 (how many runs this node works on at once)");
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "ServerSettings[port="
        + port
        + ", dataDir="
        + dataDir
        + ", external db="
        + dbUrl.isPresent()
        + ", allowedTargets="
        + allowedTargets
        + ", "
        + access
        + ", "
        + web
        + "]";
  }
}
