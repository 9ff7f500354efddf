package io.fitmesh.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.fitmesh.challenge.v1.ChallengeFilter;
import io.fitmesh.challenge.v1.ChallengeServiceGrpc.ChallengeServiceBlockingStub;
import io.fitmesh.challenge.v1.ListChallengesRequest;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.server.StandaloneService;
import io.fitmesh.testkit.TestAuth;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The challenge deployable as its own process would run it: its own runtime and server, nothing else. */
class ChallengeAloneTest {

  @Test
  void challengeDeployable_startsAlone_answersHealthAndItsApi_thenStops() {
    try (StandaloneService challenge = StandaloneService.start(ChallengeDeployable.NAME, ChallengeDeployable::new,
        Settings.of(Map.of("FITMESH_BACKENDS", "embedded", "FITMESH_CHALLENGE_PORT", "0")))) {
      String url = "http://" + challenge.endpoint();
      assertThat(GrpcClients.newClient(url, HealthGrpc.HealthBlockingStub.class)
          .check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
      String token = TestAuth.serviceToken("ana", ChallengeDeployable.NAME);
      ChallengeServiceBlockingStub api = GrpcClients.builder(url).addHeader("authorization", "Bearer " + token)
          .build(ChallengeServiceBlockingStub.class);

      assertThat(api.listChallenges(ListChallengesRequest.newBuilder()
          .setFilter(ChallengeFilter.CHALLENGE_FILTER_JOINED).build()).getChallengesList()).isEmpty();
    }
  }

  @Test
  void aMalformedSetting_stopsTheStart_namingTheSetting() {
    assertThatThrownBy(() -> StandaloneService.start(ChallengeDeployable.NAME, ChallengeDeployable::new,
        Settings.of(Map.of("FITMESH_BACKENDS", "embedded", "FITMESH_CHALLENGE_PORT", "ninety"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("FITMESH_CHALLENGE_PORT=ninety");
  }
}
