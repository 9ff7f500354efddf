package io.fitmesh.telemetry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.telemetry.adapters.InMemoryCursorStore;
import io.fitmesh.telemetry.adapters.InMemorySampleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestServiceTest {
  private static final String WORKOUT = "workout-0001";
  private final Instant start = Instant.parse("2026-11-26T08:00:00Z");
  private final Clock clock = Clock.fixed(start.plus(Duration.ofHours(2)), ZoneOffset.UTC);
  private final InMemorySampleStore samples = new InMemorySampleStore();
  private final InMemoryCursorStore cursors = new InMemoryCursorStore();
  private final List<LiveState> published = new ArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private WorkoutAccess.Grant grant = new WorkoutAccess.Grant(start, true);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private IngestService service(SampleStore store) {
    return new IngestService(store, cursors, id -> grant,
        new LiveTracker(published::add, Duration.ZERO, clock), clock, pool);
  }

  private IngestReport ingest(IngestService service, List<SampleReading> batch) {
    return service.ingest("athlete-1", WORKOUT, batch).join();
  }

  private List<SampleReading> run(long from, long to) {
    return LongStream.range(from, to).mapToObj(seq -> Samples.at(start, seq)).toList();
  }

  @Test
  void resentSamples_areCountedAsDuplicates_andStoredOnce() {
    IngestService service = service(samples);
    ingest(service, run(0, 10));

    IngestReport again = ingest(service, run(5, 15));

    assertThat(again.duplicates()).isEqualTo(5);
    assertThat(again.accepted()).isEqualTo(5);
    assertThat(again.cursor().durableThroughSeq()).isEqualTo(14);
    assertThat(samples.read(WORKOUT, 0, 100, 100)).extracting(SampleReading::seq)
        .containsExactlyElementsOf(LongStream.range(0, 15).boxed().toList());
  }

  @Test
  void outOfOrderSamples_areAccepted_andTheGapIsReportedNotInvented() {
    IngestService service = service(samples);

    IngestReport report = ingest(service, List.of(Samples.at(start, 0), Samples.at(start, 3), Samples.at(start, 1)));

    assertThat(report.accepted()).isEqualTo(3);
    assertThat(report.cursor().durableThroughSeq()).isEqualTo(1);
    assertThat(report.cursor().gaps(10)).containsExactly(new long[] {2, 2});
    assertThat(samples.read(WORKOUT, 0, 10, 10)).extracting(SampleReading::seq).containsExactly(0L, 1L, 3L);
  }

  @Test
  void impossibleSamples_areRefusedWithAReason_neverStored_butSettled() {
    IngestService service = service(samples);
    List<SampleReading> batch = new ArrayList<>(run(0, 3));
    batch.set(1, Samples.withLatitude(batch.get(1), 91));
    batch.set(2, Samples.withHeartRate(batch.get(2), 300));

    IngestReport report = ingest(service, batch);

    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.rejected()).extracting(IngestReport.Rejection::reason)
        .containsExactly("latitude 91.0 is outside -90..90", "heart rate 300.0 is outside 20..250");
    assertThat(report.cursor().durableThroughSeq()).isEqualTo(2);
    assertThat(samples.read(WORKOUT, 0, 10, 10)).extracting(SampleReading::seq).containsExactly(0L);
  }

  @Test
  void aSampleBeyondTheLastAWorkoutHolds_isRefusedWithTheLimit() {
    long beyond = io.fitmesh.platform.limits.WorkoutLimits.MAX_SAMPLES;

    IngestReport report = ingest(service(samples), List.of(Samples.at(start, beyond)));

    assertThat(report.rejected()).singleElement().extracting(IngestReport.Rejection::reason).asString()
        .contains("at most 500000 samples");
    assertThat(samples.read(WORKOUT, beyond, beyond, 1)).isEmpty();
  }

  @Test
  void sampleFromTheFuture_isRefused() {
    SampleReading future = new SampleReading(0, clock.instant().plus(Duration.ofHours(1)), null, null, null,
        null, null, null, null, null);

    IngestReport report = ingest(service(samples), List.of(future));

    assertThat(report.rejected()).singleElement().extracting(IngestReport.Rejection::reason).asString()
        .contains("is in the future");
  }

  @Test
  void whenTheStoreFails_theCursorDoesNotMove_andTheBatchCanBeResent() {
    SampleStore failing = new SampleStore() {
      @Override
      public CompletableFuture<Void> append(String workoutId, List<SampleReading> s) {
        return CompletableFuture.failedFuture(DomainException.unavailable("sample store unavailable", null));
      }

      @Override
      public List<SampleReading> read(String workoutId, long fromSeq, long toSeq, int limit) {
        return List.of();
      }

      @Override
      public void purge(String workoutId, long toSeq) {}
    };

    assertThatThrownBy(() -> ingest(service(failing), run(0, 5)))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(DomainException.class);
    assertThat(cursors.load(WORKOUT)).isEmpty();
    assertThat(ingest(service(samples), run(0, 5)).accepted()).isEqualTo(5);
  }

  @Test
  void finishedWorkout_takesNoMoreSamples() {
    grant = new WorkoutAccess.Grant(start, false);

    assertThatThrownBy(() -> service(samples).ingest("athlete-1", WORKOUT, run(0, 1)))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("is finished");
  }

  @Test
  void oversizedBatch_isRefusedWhole() {
    assertThatThrownBy(() -> service(samples).ingest("athlete-1", WORKOUT, run(0, IngestService.MAX_BATCH + 1)))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT);
  }

  @Test
  void seqFarBeyondTheCursor_failsTheBatch_withoutWritingAnything() {
    IngestService service = service(samples);

    assertThatThrownBy(() -> ingest(service, List.of(Samples.at(start, 0), Samples.at(start, IngestCursor.WINDOW + 10))))
        .hasCauseInstanceOf(DomainException.class)
        .hasMessageContaining("send the earlier samples first");
    assertThat(samples.read(WORKOUT, 0, 100_000, 10)).isEmpty();
  }

  @Test
  void storedSamples_produceALiveStateWithJitterFreeDistance() {
    ingest(service(samples), run(0, 11));

    LiveState state = published.get(published.size() - 1);
    assertThat(state.durableThroughSeq()).isEqualTo(10);
    assertThat(state.elapsedS()).isEqualTo(10.0);
    assertThat(state.distanceM()).isBetween(29.0, 31.0);
  }

  @Test
  void streamBatches_saveTheCursorAtMostEveryInterval_andWhenTheStreamEnds() {
    IngestService service = service(samples);

    service.ingest("athlete-1", WORKOUT, run(0, 10), IngestService.CursorWrites.STREAM).join();
    service.ingest("athlete-1", WORKOUT, run(10, 20), IngestService.CursorWrites.STREAM).join();

    assertThat(cursors.load(WORKOUT).orElseThrow().durableThroughSeq()).as("saved by the first batch").isEqualTo(9);
    assertThat(service.cursor("athlete-1", WORKOUT).durableThroughSeq()).as("this instance knows better").isEqualTo(19);
    service.flushCursor(WORKOUT).join();
    assertThat(cursors.load(WORKOUT).orElseThrow().durableThroughSeq()).isEqualTo(19);
  }

  @Test
  void eachBatch_recordsItsStagesInOrder_andOnlyABatchWithNewSamplesRecordsASampleWrite() {
    List<IngestStages.Stage> recorded = java.util.Collections.synchronizedList(new ArrayList<>());
    IngestService service = new IngestService(samples, cursors, id -> grant,
        new LiveTracker(published::add, Duration.ZERO, clock), clock, pool, (stage, nanos) -> {
          assertThat(nanos).as(stage + " takes no negative time").isGreaterThanOrEqualTo(0);
          recorded.add(stage);
        });

    service.ingest("athlete-1", WORKOUT, run(0, 10), IngestService.CursorWrites.STREAM).join();
    service.ingest("athlete-1", WORKOUT, run(10, 20), IngestService.CursorWrites.STREAM).join();
    service.ingest("athlete-1", WORKOUT, run(10, 20), IngestService.CursorWrites.STREAM).join();

    assertThat(recorded).containsExactly(
        IngestStages.Stage.RECEIVE, IngestStages.Stage.QUEUE, IngestStages.Stage.NORMALISE,
        IngestStages.Stage.SAMPLE_WRITE, IngestStages.Stage.CURSOR,
        IngestStages.Stage.RECEIVE, IngestStages.Stage.QUEUE, IngestStages.Stage.NORMALISE,
        IngestStages.Stage.SAMPLE_WRITE, IngestStages.Stage.CURSOR,
        IngestStages.Stage.RECEIVE, IngestStages.Stage.QUEUE, IngestStages.Stage.NORMALISE, IngestStages.Stage.CURSOR);
  }

  @Test
  void badWorkoutId_isInvalidArgument() {
    assertThatThrownBy(() -> service(samples).ingest("athlete-1", "x", run(0, 1)))
        .hasMessageContaining("workout_id must be 8..64 characters");
  }
}
