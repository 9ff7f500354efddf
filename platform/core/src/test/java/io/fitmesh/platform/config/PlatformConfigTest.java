package io.fitmesh.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.infra.LocalPorts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformConfigTest {

  @Test
  void backendsAreNeverChosenByAnAbsentVariable() {
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("FITMESH_BACKENDS is not set: choose embedded, local or cluster");
  }

  @Test
  void local_defaultsToTheLaunchersPortsOnLoopback() {
    PlatformConfig config = PlatformConfig.from(Settings.of(Map.of("FITMESH_BACKENDS", "local")));

    assertThat(config.backends()).isEqualTo(Backends.LOCAL);
    assertThat(config.bindHost()).isEqualTo("127.0.0.1");
    assertThat(config.pulsar().serviceUrl()).isEqualTo("pulsar://127.0.0.1:" + LocalPorts.PULSAR);
    assertThat(config.cql().contactPoints()).containsExactly("127.0.0.1:" + LocalPorts.CQL);
    assertThat(config.redis().address()).isEqualTo("redis://127.0.0.1:" + LocalPorts.REDIS);
  }

  @Test
  void cluster_withoutServerAddresses_saysWhichSettingIsMissing() {
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(Map.of("FITMESH_BACKENDS", "cluster"))))
        .hasMessage("FITMESH_PULSAR_URL is not set: required with FITMESH_BACKENDS=cluster");
  }

  @Test
  void cluster_readsEveryAddressFromSettings() {
    PlatformConfig config = PlatformConfig.from(Settings.of(Map.of(
        "FITMESH_BACKENDS", "cluster",
        "FITMESH_PULSAR_URL", "pulsar://pulsar.prod:6650",
        "FITMESH_CQL_CONTACT_POINTS", "scylla-1:9042, scylla-2:9042",
        "FITMESH_REDIS_ADDRESS", "redis://redis.prod:6379",
        "FITMESH_JWT_SECRET", "a-production-secret-of-32-chars!",
        "FITMESH_TRAINING_ADDRESS", "training.fitmesh:9092")));

    assertThat(config.auth().devSecret()).isFalse();
    assertThat(config.serviceAddresses()).containsEntry("training", "training.fitmesh:9092");
    assertThat(config.cql().contactPoints()).containsExactly("scylla-1:9042", "scylla-2:9042");
    assertThat(config.pulsar().serviceUrl()).isEqualTo("pulsar://pulsar.prod:6650");
  }

  @Test
  void cluster_withoutJwtSecret_isRefused_localFallsBackToTheDevSecret() {
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(Map.of("FITMESH_BACKENDS", "cluster",
            "FITMESH_PULSAR_URL", "pulsar://p:6650", "FITMESH_CQL_CONTACT_POINTS", "c:9042",
            "FITMESH_REDIS_ADDRESS", "redis://r:6379"))))
        .hasMessage("FITMESH_JWT_SECRET is not set: required with FITMESH_BACKENDS=cluster");
    assertThat(PlatformConfig.from(Settings.of(Map.of("FITMESH_BACKENDS", "local"))).auth().devSecret()).isTrue();
  }

  @Test
  void otlpExporter_withoutEndpoint_isRefused() {
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(Map.of(
            "FITMESH_BACKENDS", "embedded", "FITMESH_OTEL_EXPORTER", "otlp"))))
        .hasMessage("FITMESH_OTEL_EXPORTER=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT");
  }

  @Test
  void otlpEndpoint_turnsTheOtlpExporterOn() {
    PlatformConfig config = PlatformConfig.from(Settings.of(Map.of(
        "FITMESH_BACKENDS", "embedded", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")));

    assertThat(config.otel().exporter()).isEqualTo("otlp");
  }
}
