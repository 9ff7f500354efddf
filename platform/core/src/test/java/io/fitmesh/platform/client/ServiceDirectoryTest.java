package io.fitmesh.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.auth.ServiceTokens;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import io.fitmesh.challenge.v1.ChallengeServiceGrpc.ChallengeServiceBlockingStub;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceDirectoryTest {
  private static final ServiceTokens TOKENS = new ServiceTokens("a service secret of at least thirty-two bytes",
      Duration.ofSeconds(30), Clock.systemUTC());
  private final GrpcChannels channels = new GrpcChannels(OpenTelemetry.noop(), Duration.ofSeconds(5));

  @Test
  void aClusterProcessCallingADeployableWithoutAnAddress_isRefused_namingTheSetting() {
    ServiceDirectory cluster = new ServiceDirectory(Map.of("challenge", "challenge.fitmesh.svc:9094"), true,
        channels, TOKENS);
    cluster.stub("training", TrainingServiceBlockingStub.class);
    cluster.stub("challenge", ChallengeServiceBlockingStub.class);

    assertThatThrownBy(() -> cluster.requireAddresses("bff", List.of("bff")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("FITMESH_TRAINING_ADDRESS is not set: required with FITMESH_BACKENDS=cluster, where bff calls "
            + "training (host:port of each)");
    assertThatThrownBy(() -> cluster.addressOf("training")).isInstanceOf(ConfigException.class);
    assertThat(cluster.addressOf("challenge")).isEqualTo("challenge.fitmesh.svc:9094");
  }

  @Test
  void aClusterProcessHostingWhatItCalls_needsNoAddress() {
    ServiceDirectory cluster = new ServiceDirectory(Map.of(), true, channels, TOKENS);
    cluster.stub("training", TrainingServiceBlockingStub.class);

    assertThatCode(() -> cluster.requireAddresses("training", List.of("training"))).doesNotThrowAnyException();
  }

  @Test
  void embeddedAndLocal_stillFindADeployableOnLoopbackByDefault() {
    ServiceDirectory local = new ServiceDirectory(Map.of(), false, channels, TOKENS);
    local.stub("training", TrainingServiceBlockingStub.class);

    assertThatCode(() -> local.requireAddresses("bff", List.of("bff"))).doesNotThrowAnyException();
    assertThat(local.addressOf("training")).startsWith("127.0.0.1:");
  }
}
