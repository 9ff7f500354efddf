package io.fitmesh.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.infra.LocalPorts;
import java.util.List;
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
        "FITMESH_SERVICE_SECRET", "a-production-service-secret-of-32b",
        "FITMESH_OIDC_ISSUER", "https://id.example.com/realms/fitmesh",
        "FITMESH_OIDC_AUDIENCE", "fitmesh-api",
        "FITMESH_OIDC_JWKS_URL", "https://id.example.com/realms/fitmesh/protocol/openid-connect/certs",
        "FITMESH_TRAINING_ADDRESS", "training.fitmesh:9092")));

    assertThat(config.auth().oidc().audience()).isEqualTo("fitmesh-api");
    assertThat(config.auth().defaultServiceSecret()).isFalse();
    assertThat(config.serviceAddresses()).containsEntry("training", "training.fitmesh:9092");
    assertThat(config.cql().contactPoints()).containsExactly("scylla-1:9042", "scylla-2:9042");
    assertThat(config.pulsar().serviceUrl()).isEqualTo("pulsar://pulsar.prod:6650");
  }

  @Test
  void aDeployablesAddress_isOneOrSeveralHostPorts_andAnythingElseIsRefusedNamingTheSetting() {
    PlatformConfig twoInstances = PlatformConfig.from(Settings.of(Map.of(
        "FITMESH_TRAINING_ADDRESS", "127.0.0.1:9092, 127.0.0.1:9192")), Backends.LOCAL);

    assertThat(twoInstances.serviceAddresses()).containsEntry("training", "127.0.0.1:9092, 127.0.0.1:9192");
    for (String bad : List.of("training", "http://training:9092", "127.0.0.1:9092,", "a:1;rm -rf")) {
      assertThatThrownBy(() -> PlatformConfig.from(Settings.of(Map.of("FITMESH_TRAINING_ADDRESS", bad)), Backends.LOCAL))
          .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("FITMESH_TRAINING_ADDRESS");
    }
  }

  private static final Map<String, String> CLUSTER = Map.of("FITMESH_BACKENDS", "cluster",
      "FITMESH_PULSAR_URL", "pulsar://p:6650", "FITMESH_CQL_CONTACT_POINTS", "c:9042",
      "FITMESH_REDIS_ADDRESS", "redis://r:6379", "FITMESH_SERVICE_SECRET", "a-production-service-secret-of-32b");

  private static Map<String, String> with(Map<String, String> base, String... pairs) {
    Map<String, String> all = new java.util.HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      all.put(pairs[i], pairs[i + 1]);
    }
    return all;
  }

  @Test
  void aCluster_neverAcceptsDevelopmentTokens_evenWithAnExplicitSecret() {
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(CLUSTER)))
        .hasMessageContaining("FITMESH_OIDC_JWKS_URL is not set");
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(with(CLUSTER, "FITMESH_AUTH", "dev",
            "FITMESH_JWT_SECRET", "a-production-secret-of-32-chars!!!"))))
        .hasMessageContaining("FITMESH_AUTH=dev is for embedded and local development");
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(with(CLUSTER, "FITMESH_SERVICE_SECRET", ""))))
        .hasMessage("FITMESH_SERVICE_SECRET is not set: required with FITMESH_BACKENDS=cluster");
  }

  @Test
  void developmentTokens_areAcceptedOnLoopbackOnly() {
    assertThat(PlatformConfig.from(Settings.of(Map.of("FITMESH_BACKENDS", "local"))).auth().defaultDevSecret()).isTrue();
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(Map.of("FITMESH_BACKENDS", "local",
            "FITMESH_BIND_HOST", "0.0.0.0"))))
        .hasMessageContaining("development tokens are accepted on a loopback address only");
  }

  @Test
  void secretsShorterThan32Bytes_andPlainHttpKeysOffLoopback_areRefused() {
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(Map.of("FITMESH_BACKENDS", "local",
            "FITMESH_JWT_SECRET", "sixteen-chars!!!"))))
        .hasMessage("FITMESH_JWT_SECRET must have at least 32 bytes");
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(with(CLUSTER, "FITMESH_OIDC_ISSUER", "https://id",
            "FITMESH_OIDC_AUDIENCE", "fitmesh-api", "FITMESH_OIDC_JWKS_URL", "http://id.example.com/certs"))))
        .hasMessageContaining("is not an https URL");
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

  @Test
  void cqlConsistency_isALocalQuorumUnlessSet_andAnUnknownLevelIsRefusedNamingTheChoices() {
    assertThat(PlatformConfig.from(Settings.of(Map.of("FITMESH_BACKENDS", "local"))).cql().consistency())
        .isEqualTo(PlatformConfig.CqlConsistency.LOCAL_QUORUM);
    assertThat(PlatformConfig.from(Settings.of(Map.of("FITMESH_BACKENDS", "local",
        "FITMESH_CQL_CONSISTENCY", "local_one"))).cql().consistency())
        .isEqualTo(PlatformConfig.CqlConsistency.LOCAL_ONE);
    assertThatThrownBy(() -> PlatformConfig.from(Settings.of(Map.of("FITMESH_BACKENDS", "local",
        "FITMESH_CQL_CONSISTENCY", "two"))))
        .hasMessage("FITMESH_CQL_CONSISTENCY=two is not one of "
            + "local_quorum|local_one|quorum|each_quorum|one|all");
  }
}
