package io.fitmesh.telemetry.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.telemetry.domain.WorkoutAccess;
import io.fitmesh.training.v1.AuthorizeSampleWriteRequest;
import io.fitmesh.training.v1.AuthorizeSampleWriteResponse;
import io.fitmesh.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** Asks the training service, with the caller's token, whether the caller owns a workout. */
public final class GrpcWorkoutAccess implements WorkoutAccess {
  private final Supplier<TrainingServiceBlockingStub> training;

  public GrpcWorkoutAccess(Supplier<TrainingServiceBlockingStub> training) {
    this.training = requireNonNull(training, "training");
  }

  @Override
  public Grant check(String workoutId) {
    try {
      AuthorizeSampleWriteResponse answer = training.get()
          .authorizeSampleWrite(AuthorizeSampleWriteRequest.newBuilder().setWorkoutId(workoutId).build());
      return new Grant(ProtoTime.toInstant(answer.getStartTime()), answer.getRecording());
    } catch (StatusRuntimeException e) {
      throw ErrorMapper.fromDownstream(e, "training service");
    }
  }
}
