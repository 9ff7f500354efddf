package io.fitmesh.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void intInRange_withText_namesTheSettingAndTheRange() {
    Settings settings = Settings.of(Map.of("FITMESH_BFF_PORT", "eighty"));

    assertThatThrownBy(() -> settings.port("FITMESH_BFF_PORT", 8080))
        .isInstanceOf(ConfigException.class)
        .hasMessage("FITMESH_BFF_PORT=eighty is not a whole number from 0 to 65535");
  }

  @Test
  void port_outOfRange_isRefused() {
    assertThatThrownBy(() -> Settings.of(Map.of("P", "70000")).port("P", 1))
        .hasMessageContaining("P=70000");
  }

  @Test
  void missingOrBlankSetting_takesTheDefault() {
    Settings settings = Settings.of(Map.of("BLANK", "  "));

    assertThat(settings.port("BLANK", 9091)).isEqualTo(9091);
    assertThat(settings.port("ABSENT", 9092)).isEqualTo(9092);
  }

  @Test
  void duration_readsMillisSecondsMinutesAndHours() {
    Settings settings = Settings.of(Map.of("A", "250ms", "B", "5s", "C", "2m", "D", "1h"));

    assertThat(settings.duration("A", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.duration("B", Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.duration("C", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.duration("D", Duration.ZERO)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void duration_withoutUnit_isRefusedWithAnExample() {
    assertThatThrownBy(() -> Settings.of(Map.of("T", "5")).duration("T", Duration.ZERO))
        .hasMessage("T=5 is not a duration (e.g. 250ms, 5s, 2m, 1h, 7d)");
  }

  @Test
  void choice_acceptsAnyCase_andListsTheChoicesWhenWrong() {
    assertThat(Settings.of(Map.of("B", "Local")).choice("B", Backends.class)).contains(Backends.LOCAL);
    assertThatThrownBy(() -> Settings.of(Map.of("B", "memory")).choice("B", Backends.class))
        .hasMessage("B=memory is not one of embedded|local|cluster");
  }

  @Test
  void overrides_winOverTheEnvironment() {
    Settings settings = Settings.of(Map.of("X", "env")).withOverrides(Map.of("X", "flag"));

    assertThat(settings.string("X", "default")).isEqualTo("flag");
  }

  @Test
  void aSetOfNames_isTheDefaultWhenUnset_noneWhenEmpty_andRefusesAnUnknownName() {
    java.util.Set<String> allowed = java.util.Set.of("promo", "commerce");
    assertThat(Settings.of(java.util.Map.of()).namesOf("H", "promo,commerce", allowed))
        .containsExactly("promo", "commerce");
    assertThat(Settings.of(java.util.Map.of("H", "")).namesOf("H", "promo,commerce", allowed)).isEmpty();
    assertThat(Settings.of(java.util.Map.of("H", " Commerce ")).namesOf("H", "promo,commerce", allowed))
        .containsExactly("commerce");
    assertThatThrownBy(() -> Settings.of(java.util.Map.of("H", "promo,shop")).namesOf("H", "", allowed))
        .isInstanceOf(ConfigException.class).hasMessageContaining("H=promo,shop");
  }
}
