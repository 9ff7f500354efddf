package io.fitmesh.reco.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Race times from best efforts with Riegel's model (1977): T2 = T1 x (D2 / D1)^1.06, from the effort whose
 * distance is closest to the race's (efforts of at least 1 km).
 */
public final class RacePredictor {
  public static final String MODEL = "Riegel (1977): T2 = T1 x (D2 / D1)^1.06, from the best effort closest in distance";
  private static final double EXPONENT = 1.06;
  private static final List<Race> RACES = List.of(new Race("5 km", 5000), new Race("10 km", 10_000),
      new Race("Half marathon", 21_097.5), new Race("Marathon", 42_195));

  private record Race(String name, double distanceM) {}

  /** The prediction of one race from the effort. */
  public record Prediction(double timeS, String fromEffort) {}

  private RacePredictor() {}

  public static List<RacePrediction> predictions(List<BestEffort> now, List<BestEffort> ninetyDaysAgo) {
    List<RacePrediction> result = new ArrayList<>();
    for (Race race : RACES) {
      predict(now, race.distanceM()).ifPresent(p -> result.add(new RacePrediction(race.name(), race.distanceM(),
          p.timeS(), p.fromEffort(), predict(ninetyDaysAgo, race.distanceM()).map(Prediction::timeS).orElse(0.0))));
    }
    return result;
  }

  public static Optional<Prediction> predict(List<BestEffort> efforts, double distanceM) {
    return efforts.stream()
        .filter(e -> e.distanceM() >= 1000 && e.elapsedS() > 0)
        .min(Comparator.comparingDouble(e -> Math.abs(Math.log(e.distanceM() / distanceM))))
        .map(e -> new Prediction(e.elapsedS() * Math.pow(distanceM / e.distanceM(), EXPONENT), e.name()));
  }
}
