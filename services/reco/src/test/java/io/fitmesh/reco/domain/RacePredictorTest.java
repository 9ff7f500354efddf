package io.fitmesh.reco.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RacePredictorTest {

  @Test
  void predictions_useRiegel_fromTheClosestEffort_andShowTheChangeOver90Days() {
    List<BestEffort> now = List.of(new BestEffort("1 km", 1000, 240), new BestEffort("5 km", 5000, 1500),
        new BestEffort("10 km", 10_000, 3120));
    List<BestEffort> before = List.of(new BestEffort("5 km", 5000, 1560));

    List<RacePrediction> races = RacePredictor.predictions(now, before);

    assertThat(races).extracting(RacePrediction::race)
        .containsExactly("5 km", "10 km", "Half marathon", "Marathon");
    assertThat(races.get(0).timeS()).isEqualTo(1500);
    assertThat(races.get(0).changeS()).isEqualTo(-60);
    assertThat(races.get(1).fromEffort()).isEqualTo("10 km");
    assertThat(races.get(3).timeS()).isCloseTo(3120 * Math.pow(4.2195, 1.06), within(0.01));
    assertThat(races.get(3).fromEffort()).isEqualTo("10 km");
  }

  @Test
  void noRunEfforts_meanNoPredictions() {
    assertThat(RacePredictor.predictions(List.of(new BestEffort("400 m", 400, 80)), List.of())).isEmpty();
  }
}
