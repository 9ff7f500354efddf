package io.fitmesh.bff.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.testing.junit5.server.ServerExtension;
import io.fitmesh.bff.BffDeployable;
import io.fitmesh.common.v1.Sport;
import io.fitmesh.platform.client.MobileClient;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.server.StandaloneService;
import io.fitmesh.testkit.TestAuth;
import io.fitmesh.training.v1.GetWorkoutRequest;
import io.fitmesh.training.v1.GetWorkoutResponse;
import io.fitmesh.training.v1.TrainingServiceGrpc;
import io.fitmesh.training.v1.Workout;
import io.fitmesh.training.v1.WorkoutState;
import io.fitmesh.training.v1.WorkoutSummary;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The BFF alone, against a fake training service: downstream codes reach the app unchanged in the JSON error
 * shape, every downstream call carries the caller's token and a deadline, and replies have the JSON shape apps
 * read (lowerCamel names, enum names, int64 as strings).
 */
class MobileWorkoutHandlerTest {
  private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

  @RegisterExtension
  static final ServerExtension TRAINING = new ServerExtension() {
    @Override
    protected void configure(ServerBuilder sb) {
      sb.service(GrpcService.builder().addService(new FakeTraining()).useBlockingTaskExecutor(true).build());
    }
  };

  private static StandaloneService bff;
  private static MobileClient app;

  @BeforeAll
  static void startTheBffAlone() {
    bff = StandaloneService.start("bff", BffDeployable::new, Settings.of(Map.of(
        "FITMESH_BACKENDS", "embedded",
        "FITMESH_BFF_PORT", "0",
        "FITMESH_CALL_TIMEOUT", "1s",
        "FITMESH_TRAINING_ADDRESS", "127.0.0.1:" + TRAINING.httpPort())));
    String token = TestAuth.clientToken("ana");
    app = new MobileClient(bff.endpoint(), token);
  }

  @AfterAll
  static void stop() {
    bff.close();
  }

  @Test
  void aWorkout_comesBackInTheJsonShapeAppsRead() {
    MobileClient.Reply reply = app.get("/v1/workouts/known-workout-1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().at("/workout/workoutId").asText()).isEqualTo("known-workout-1");
    assertThat(reply.body().at("/workout/sport").asText()).isEqualTo("SPORT_RUN");
    assertThat(reply.body().at("/workout/state").asText()).isEqualTo("WORKOUT_STATE_FINISHED");
    assertThat(reply.body().at("/workout/startTime").asText()).isEqualTo("2026-11-26T07:00:00Z");
    assertThat(reply.body().at("/workout/summary/sampleCount").isTextual()).as("int64 travels as a string").isTrue();
    assertThat(reply.body().at("/workout/summary/sampleCount").asText()).isEqualTo("3600");
  }

  @Test
  void everyDownstreamCall_carriesTheCallersTokenAndADeadline() {
    app.get("/v1/workouts/known-workout-1");

    assertThat(SEEN.get("authorization")).startsWith("Bearer ");
    assertThat(SEEN.get("grpc-timeout")).as("FITMESH_CALL_TIMEOUT of 1s, sent as grpc-timeout").isNotBlank();
  }

  @Test
  void aDownstreamRefusal_reachesTheAppWithItsCodeAndMessage() {
    MobileClient.Reply reply = app.get("/v1/workouts/missing-workout-1");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body().at("/code").asInt()).isEqualTo(Status.Code.NOT_FOUND.value());
    assertThat(reply.body().at("/message").asText()).isEqualTo("no workout missing-workout-1");
  }

  @Test
  void aDownstreamThatHangs_isCutAtTheCallDeadline() {
    long started = System.nanoTime();

    MobileClient.Reply reply = app.get("/v1/workouts/hanging-workout-1");

    assertThat(reply.body().at("/code").asInt()).isEqualTo(Status.Code.DEADLINE_EXCEEDED.value());
    assertThat(reply.status()).isEqualTo(504);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not the 10 s the fake would take")
        .isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void aCallWithoutToken_isUnauthenticated_beforeAnyDownstreamCall() {
    MobileClient.Reply reply = new MobileClient(bff.endpoint(), null).get("/v1/workouts/known-workout-1");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body().at("/code").asInt()).isEqualTo(Status.Code.UNAUTHENTICATED.value());
  }

  /** Answers one known workout, NOT_FOUND for "missing-*" and takes 10 s for "hanging-*". */
  private static final class FakeTraining extends TrainingServiceGrpc.TrainingServiceImplBase {
    @Override
    public void getWorkout(GetWorkoutRequest request, StreamObserver<GetWorkoutResponse> responses) {
      ServiceRequestContext.current().request().headers().forEach((name, value) -> SEEN.put(name.toString(), value));
      String id = request.getWorkoutId();
      if (id.startsWith("missing-")) {
        responses.onError(Status.NOT_FOUND.withDescription("no workout " + id).asRuntimeException());
        return;
      }
      if (id.startsWith("hanging-")) {
        try {
          Thread.sleep(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      responses.onNext(GetWorkoutResponse.newBuilder().setWorkout(Workout.newBuilder()
          .setWorkoutId(id).setAthleteId("ana").setSport(Sport.SPORT_RUN)
          .setStartTime(Timestamp.newBuilder().setSeconds(java.time.Instant.parse("2026-11-26T07:00:00Z").getEpochSecond()))
          .setTimeZone("Europe/Ljubljana").setState(WorkoutState.WORKOUT_STATE_FINISHED)
          .setSummary(WorkoutSummary.newBuilder().setSampleCount(3600).setDistanceM(10_000))).build());
      responses.onCompleted();
    }
  }
}
