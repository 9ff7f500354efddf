package io.fitmesh.challenge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Challenges and finished workouts for tests. */
public final class Fixtures {
  public static final ZoneId LJUBLJANA = ZoneId.of("Europe/Ljubljana");
  public static final Instant CREATED = Instant.parse("2026-10-20T08:00:00Z");

  private Fixtures() {}

  /** November 2026 in Ljubljana, created on 20 October. */
  public static Challenge november(String id, GoalKind kind, Set<Sport> sports) {
    return new Challenge(id, "November " + kind, "", kind, kind == GoalKind.TOTAL_DISTANCE ? 100_000 : 0,
        kind == GoalKind.FASTEST_EFFORT ? 5000 : 0, sports, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
        LJUBLJANA, null, "", "creator", CREATED);
  }

  public static FinishedWorkout run(String athleteId, String workoutId, Instant start, double distanceM,
      double movingS) {
    return workout(athleteId, workoutId, Sport.RUN, start, distanceM, movingS, List.of());
  }

  public static FinishedWorkout workout(String athleteId, String workoutId, Sport sport, Instant start,
      double distanceM, double movingS, List<PlausibilityFlag> flags) {
    Map<Double, Double> efforts = distanceM >= 5000 ? Map.of(1000.0, movingS / distanceM * 1000,
        5000.0, movingS / distanceM * 5000) : Map.of();
    return new FinishedWorkout(workoutId, athleteId, sport, start, start.plusSeconds((long) movingS), distanceM,
        movingS, distanceM / 100, efforts, 46.05, 14.5, flags);
  }

  /** A pending event as the outbox adapters make them (tests that do not publish it need only its identity). */
  public static io.fitmesh.platform.domain.PendingEvent event(String topic, String key) {
    return new io.fitmesh.platform.events.EnvelopeEvent(io.fitmesh.events.v1.EventEnvelope.newBuilder()
        .setEventId(java.util.UUID.randomUUID().toString()).setTopic(topic).setKey(key).build());
  }
}
