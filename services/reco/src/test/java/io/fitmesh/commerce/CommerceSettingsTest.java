package io.fitmesh.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commerce settings: their defaults, how partners are written, and bad values named. */
class CommerceSettingsTest {

  @Test
  void defaults_areTheReferenceCatalogueOnThisMachine_andTheDocumentedLimits() {
    CommerceSettings settings = settings(Map.of());

    assertThat(settings.partners()).containsOnly(
        Map.entry("DE", URI.create("http://127.0.0.1:9190/de")),
        Map.entry("GB", URI.create("http://127.0.0.1:9190/gb")),
        Map.entry("JP", URI.create("http://127.0.0.1:9190/jp")),
        Map.entry("US", URI.create("http://127.0.0.1:9190/us")));
    assertThat(settings.deadline()).isEqualTo(Duration.ofMillis(150));
    assertThat(settings.maxConcurrent()).isEqualTo(64);
    assertThat(settings.freshFor()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.staleFor()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.circuitOpenFor()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.maxSkus()).isEqualTo(100);
  }

  @Test
  void theReferenceCataloguesPort_movesTheDefaultPartners() {
    assertThat(settings(Map.of("FITMESH_COMMERCE_CATALOGUE_PORT", "9199")).partners().get("JP"))
        .isEqualTo(URI.create("http://127.0.0.1:9199/jp"));
  }

  @Test
  void partners_areRegionUrlPairs() {
    CommerceSettings settings = settings(Map.of(
        "FITMESH_COMMERCE_PARTNERS", "DE=https://shop.example/eu/de, US=http://127.0.0.1:9190/us",
        "FITMESH_COMMERCE_DEADLINE", "250ms",
        "FITMESH_COMMERCE_STALE_FOR", "0s"));

    assertThat(settings.partners()).containsOnly(
        Map.entry("DE", URI.create("https://shop.example/eu/de")),
        Map.entry("US", URI.create("http://127.0.0.1:9190/us")));
    assertThat(settings.deadline()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.staleFor()).isZero();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "FITMESH_COMMERCE_PARTNERS|de=http://127.0.0.1:9190/de",
      "FITMESH_COMMERCE_PARTNERS|DE",
      "FITMESH_COMMERCE_PARTNERS|DE=ftp://127.0.0.1/de",
      "FITMESH_COMMERCE_PARTNERS|DE=not a url",
      "FITMESH_COMMERCE_PARTNERS|DE=http://a/de,DE=http://b/de",
      "FITMESH_COMMERCE_DEADLINE|fast",
      "FITMESH_COMMERCE_DEADLINE|0ms",
      "FITMESH_COMMERCE_MAX_CONCURRENT|0",
      "FITMESH_COMMERCE_CACHE_TTL|soon",
      "FITMESH_COMMERCE_STALE_FOR|-1s",
      "FITMESH_COMMERCE_CIRCUIT_OPEN_FOR|0s",
      "FITMESH_COMMERCE_MAX_SKUS|1001",
      "FITMESH_COMMERCE_CATALOGUE_PORT|70000"})
  void aBadValue_isAConfigExceptionNamingTheSetting(String name, String value) {
    assertThatThrownBy(() -> settings(Map.of(name, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(name);
  }

  private static CommerceSettings settings(Map<String, String> values) {
    return CommerceSettings.from(PlatformConfig.from(Settings.of(values), Backends.EMBEDDED));
  }
}
