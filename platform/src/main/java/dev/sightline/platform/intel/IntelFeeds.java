package dev.sightline.platform.intel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where {@code sightline intel update} fetches each feed, and the optional NVD API key. Every URL
 * can point at a mirror (an offline install's own copy); each is read from a setting whose name the
 * failure messages give. {@link #toString} leaves out the key.
 */
public record IntelFeeds(URI kevUrl, URI epssUrl, URI nvdUrl, Optional<String> nvdApiKey) {
  public static final String KEV_URL_SETTING = "SIGHTLINE_INTEL_KEV_URL";
  public static final String EPSS_URL_SETTING = "SIGHTLINE_INTEL_EPSS_URL";
  public static final String NVD_URL_SETTING = "SIGHTLINE_INTEL_NVD_URL";
  public static final String NVD_API_KEY_SETTING = "SIGHTLINE_NVD_API_KEY";

  public static final URI CISA_KEV =
      URI.create(
          "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
  public static final URI FIRST_EPSS =
      URI.create("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");
  public static final URI NVD_CVES = URI.create("https://services.nvd.nist.gov/rest/json/cves/2.0");

  public IntelFeeds {
    if (kevUrl == null || epssUrl == null || nvdUrl == null || nvdApiKey == null) {
      throw new IllegalArgumentException("every feed needs a URL (the key may be empty)");
    }
  }

  /** The publishers' own URLs, without an NVD API key. */
  public static IntelFeeds publishers() {
    return new IntelFeeds(CISA_KEV, FIRST_EPSS, NVD_CVES, Optional.empty());
  }

  /**
   * The feeds as configured: each empty value means the publisher's URL.
   *
   * @throws IllegalArgumentException naming the setting whose value is not an absolute URL
   */
  public static IntelFeeds of(
      Optional<String> kev, Optional<String> epss, Optional<String> nvd, Optional<String> apiKey) {
    return new IntelFeeds(
        url(KEV_URL_SETTING, kev, CISA_KEV),
        url(EPSS_URL_SETTING, epss, FIRST_EPSS),
        url(NVD_URL_SETTING, nvd, NVD_CVES),
        apiKey.map(String::trim).filter(k -> !k.isEmpty()));
  }

  /** The URL a source is fetched from. */
  public URI url(IntelSource source) {
    return switch (source) {
      case KEV -> kevUrl;
      case EPSS -> epssUrl;
      case NVD -> nvdUrl;
    };
  }

  /** The name of the setting that holds a source's URL, for messages that say what to change. */
  public static String urlSetting(IntelSource source) {
    return switch (source) {
      case KEV -> KEV_URL_SETTING;
      case EPSS -> EPSS_URL_SETTING;
      case NVD -> NVD_URL_SETTING;
    };
  }

  private static URI url(String setting, Optional<String> value, URI publisher) {
    if (value.isEmpty() || value.get().isBlank()) {
      return publisher;
    }
    try {
      URI uri = new URI(value.get().trim());
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new URISyntaxException(value.get(), "not an absolute URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          setting
              + " is not a URL ("
              + e.getReason()
              + "): set it to an https:// URL such as "
              + publisher
              + ", or unset it to use that one");
    }
  }

  @Override
  public String toString() {
    return "IntelFeeds[kev="
        + kevUrl
        + ", epss="
        + epssUrl
        + ", nvd="
        + nvdUrl
        + ", nvdApiKey="
        + (nvdApiKey.isPresent() ? "(set)" : "(none)")
        + "]";
  }
}
