package io.fitmesh.challenge.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.challenge.domain.BoardProjector;
import io.fitmesh.challenge.v1.ChallengeProgressed;
import io.fitmesh.platform.events.Event;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.List;

/** challenge.progress, in batches of up to {@link #BATCH}, into the live boards. */
public final class ProgressConsumer {
  public static final String TOPIC = "challenge.progress";
  /** At most this many events are applied to the boards together. */
  static final int BATCH = 5000;

  private final BoardProjector projector;

  public ProgressConsumer(BoardProjector projector) {
    this.projector = requireNonNull(projector, "projector");
  }

  /** Starts consuming on the runtime's bus as {@code subscription}. */
  public EventSubscription subscribe(PlatformRuntime runtime, String subscription) {
    return runtime.events().subscribeBatches(runtime.subscription(TOPIC, subscription), BATCH, this::onBatch);
  }

  void onBatch(List<Event> events) {
    projector.apply(events.stream().map(e -> {
      ChallengeProgressed p = e.payload(ChallengeProgressed.class);
      return new BoardProjector.ScoreChange(p.getChallengeId(), p.getAthleteId(), p.getBoardScore());
    }).toList());
  }
}
