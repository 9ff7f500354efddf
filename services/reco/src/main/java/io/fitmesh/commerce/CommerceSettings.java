package io.fitmesh.commerce;

import static java.util.Objects.requireNonNull;

import io.fitmesh.commerce.partner.ReferenceCatalogue;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The commerce integration's settings, read and checked once at start.
 *
 * @param partners FITMESH_COMMERCE_PARTNERS, {@code REGION=URL} pairs split by commas
 *     ({@code DE=http://127.0.0.1:9190/de,US=http://127.0.0.1:9190/us}); default: every region of the
 *     {@link ReferenceCatalogue} at {@code http://127.0.0.1:<FITMESH_COMMERCE_CATALOGUE_PORT, default 9190>/<region>}; required in cluster mode
 * @param deadline FITMESH_COMMERCE_DEADLINE (default 150ms): the whole time one call to a partner may take
 * @param maxConcurrent FITMESH_COMMERCE_MAX_CONCURRENT (default 64): calls in flight per region
 * @param freshFor FITMESH_COMMERCE_CACHE_TTL (default 60s): a partner's answer is used without asking again
 * @param staleFor FITMESH_COMMERCE_STALE_FOR (default 10m): beyond freshFor, an answer still used while the partner
 *     fails; 0 to never answer from old answers
 * @param circuitOpenFor FITMESH_COMMERCE_CIRCUIT_OPEN_FOR (default 10s): a failing partner is not asked for this long
 * @param maxSkus FITMESH_COMMERCE_MAX_SKUS (default 100): SKUs one question may ask about
 */
public record CommerceSettings(Map<String, URI> partners, Duration deadline, int maxConcurrent, Duration freshFor,
    Duration staleFor, Duration circuitOpenFor, int maxSkus) {

  public CommerceSettings {
    partners = Map.copyOf(requireNonNull(partners, "partners"));
  }

  public static CommerceSettings from(PlatformConfig config) {
    Settings settings = config.settings();
    return new CommerceSettings(
        partners(settings, config.backends()),
        positive(settings, "FITMESH_COMMERCE_DEADLINE", Duration.ofMillis(150)),
        settings.intInRange("FITMESH_COMMERCE_MAX_CONCURRENT", 64, 1, 10_000),
        positive(settings, "FITMESH_COMMERCE_CACHE_TTL", Duration.ofSeconds(60)),
        settings.duration("FITMESH_COMMERCE_STALE_FOR", Duration.ofMinutes(10)),
        positive(settings, "FITMESH_COMMERCE_CIRCUIT_OPEN_FOR", Duration.ofSeconds(10)),
        settings.intInRange("FITMESH_COMMERCE_MAX_SKUS", 100, 1, 1000));
  }

  private static Map<String, URI> partners(Settings settings, Backends backends) {
    String name = "FITMESH_COMMERCE_PARTNERS";
    if (settings.optional(name).isEmpty() && backends == Backends.CLUSTER) {
      throw new ConfigException(name + " is not set: in cluster mode each region's partner catalogue must be named "
          + "(REGION=URL,...)");
    }
    if (settings.optional(name).isEmpty()) {
      int port = settings.port("FITMESH_COMMERCE_CATALOGUE_PORT", ReferenceCatalogue.DEFAULT_PORT);
      Map<String, URI> local = new LinkedHashMap<>();
      ReferenceCatalogue.REGIONS.forEach(region -> local.put(region,
          URI.create("http://127.0.0.1:" + port + "/" + region.toLowerCase(Locale.ROOT))));
      return local;
    }
    Map<String, URI> partners = new LinkedHashMap<>();
    for (String pair : settings.optional(name).get().split(",")) {
      int equals = pair.indexOf('=');
      String region = equals < 0 ? "" : pair.substring(0, equals).trim();
      if (!region.matches("[A-Z]{2}")) {
        throw new ConfigException(name + ": '" + pair.trim() + "' is not REGION=URL with an upper-case ISO 3166-1"
            + " alpha-2 region, e.g. DE=http://127.0.0.1:9190/de");
      }
      if (partners.put(region, baseUrl(name, region, pair.substring(equals + 1).trim())) != null) {
        throw new ConfigException(name + ": region " + region + " appears twice");
      }
    }
    return partners;
  }

  private static URI baseUrl(String name, String region, String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getRawQuery() == null && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // falls through to the error below
    }
    throw new ConfigException(name + ": the URL of " + region + " (" + value
        + ") is not an http or https URL with a host and no query");
  }

  private static Duration positive(Settings settings, String name, Duration defaultValue) {
    return settings.durationInRange(name, defaultValue, Duration.ofMillis(1), Duration.ofDays(1));
  }
}
