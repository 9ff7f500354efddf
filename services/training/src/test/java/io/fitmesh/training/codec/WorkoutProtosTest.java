package io.fitmesh.training.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.fitmesh.common.v1.Sport;
import io.fitmesh.training.domain.Visibility;
import io.fitmesh.training.domain.WorkoutRecord;
import io.fitmesh.training.v1.Workout;
import org.junit.jupiter.api.Test;

class WorkoutProtosTest {

  @Test
  void aWorkoutThatDoesNotSayWhoMaySeeIt_isTheAthletesAlone_andWritesBackWhole() {
    Workout unsaid = Workout.newBuilder().setWorkoutId("workout-0001").setAthleteId("athlete-1")
        .setSport(Sport.SPORT_RUN).setStartTime(Timestamp.newBuilder().setSeconds(1_790_000_000L))
        .setTimeZone("UTC").build();

    WorkoutRecord read = WorkoutProtos.toDomain(unsaid);

    assertThat(read.visibility()).isEqualTo(Visibility.ONLY_ME);
    assertThat(WorkoutProtos.toProto(read).getVisibility())
        .isEqualTo(io.fitmesh.common.v1.Visibility.VISIBILITY_ONLY_ME);
  }
}
