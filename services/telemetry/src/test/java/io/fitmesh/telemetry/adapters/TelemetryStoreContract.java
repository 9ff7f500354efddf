package io.fitmesh.telemetry.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.IngestCursor;
import io.fitmesh.telemetry.domain.SampleReading;
import io.fitmesh.telemetry.domain.SampleStore;
import io.fitmesh.telemetry.domain.Samples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What every sample and cursor store must do; run against the in-memory twins and real CQL. */
abstract class TelemetryStoreContract {
  private final Instant start = Instant.parse("2026-11-26T08:00:00Z");

  abstract SampleStore samples();

  abstract CursorStore cursors();

  private static String freshWorkout() {
    return "w-" + UUID.randomUUID();
  }

  @Test
  void appendedSamples_readBackInSeqOrder_withEveryField() {
    String workout = freshWorkout();
    List<SampleReading> written = List.of(Samples.at(start, 2), Samples.at(start, 0), Samples.at(start, 1));
    SampleReading sparse = new SampleReading(3, start.plusSeconds(3), null, null, null, null, null, 250.0, null, null);

    samples().append(workout, written).join();
    samples().append(workout, List.of(sparse)).join();

    List<SampleReading> read = samples().read(workout, 0, 10, 10);
    assertThat(read).extracting(SampleReading::seq).containsExactly(0L, 1L, 2L, 3L);
    assertThat(read.get(0)).isEqualTo(Samples.at(start, 0));
    assertThat(read.get(3)).isEqualTo(sparse);
  }

  @Test
  void appendingTheSameSeqAgain_keepsOneRow() {
    String workout = freshWorkout();

    samples().append(workout, List.of(Samples.at(start, 0))).join();
    samples().append(workout, List.of(Samples.at(start, 0))).join();

    assertThat(samples().read(workout, 0, 10, 10)).hasSize(1);
  }

  @Test
  void read_pagesAcrossBuckets_withinTheSeqRange() {
    String workout = freshWorkout();
    long last = ScyllaSampleStore.BUCKET + 100;
    samples().append(workout, LongStream.rangeClosed(0, last).mapToObj(seq -> Samples.at(start, seq)).toList()).join();

    List<SampleReading> page = samples().read(workout, ScyllaSampleStore.BUCKET - 10, last, 50);

    assertThat(page).extracting(SampleReading::seq)
        .containsExactlyElementsOf(LongStream.range(ScyllaSampleStore.BUCKET - 10, ScyllaSampleStore.BUCKET + 40).boxed().toList());
    assertThat(samples().read(workout, 0, last, 100_000)).hasSize((int) last + 1);
  }

  @Test
  void read_goesOnPastMissingSeqs_untilThePageIsFull() {
    String workout = freshWorkout();
    long later = 3L * ScyllaSampleStore.BUCKET + 7;
    List<SampleReading> written = new ArrayList<>();
    LongStream.range(0, 10).forEach(seq -> written.add(Samples.at(start, seq)));
    LongStream.range(later, later + 10).forEach(seq -> written.add(Samples.at(start, seq)));
    samples().append(workout, written).join();

    assertThat(samples().read(workout, 5, later + 100, 8)).extracting(SampleReading::seq)
        .containsExactly(5L, 6L, 7L, 8L, 9L, later, later + 1, later + 2);
    assertThat(samples().read(workout, 0, later + 100, 1000)).hasSize(20);
    assertThat(samples().read(workout, 10, later - 1, 1000)).isEmpty();
  }

  @Test
  void purge_removesEverySample() {
    String workout = freshWorkout();
    samples().append(workout, List.of(Samples.at(start, 0), Samples.at(start, ScyllaSampleStore.BUCKET + 1))).join();

    samples().purge(workout, ScyllaSampleStore.BUCKET + 1);

    assertThat(samples().read(workout, 0, ScyllaSampleStore.BUCKET + 1, 10)).isEmpty();
  }

  @Test
  void purge_removesSamplesBeyondALaggingCursor_andALateWriteBringsNothingBack() {
    String workout = freshWorkout();
    long farBeyond = 3L * ScyllaSampleStore.BUCKET + 5;
    samples().append(workout, List.of(Samples.at(start, 0), Samples.at(start, 10), Samples.at(start, farBeyond))).join();

    samples().purge(workout, 10);
    samples().append(workout, List.of(Samples.at(start, 11), Samples.at(start, farBeyond + 1))).join();

    assertThat(samples().read(workout, 0, 5L * ScyllaSampleStore.BUCKET, 100))
        .as("a purge that trusted a cursor saved at 10, then a batch that arrived late").isEmpty();
  }

  @Test
  void aDeletedCursor_isNotBroughtBackByALateSave() {
    String workout = freshWorkout();
    cursors().save(IngestCursor.empty(workout).settle(List.of(0L)));

    cursors().delete(workout);
    cursors().save(IngestCursor.empty(workout).settle(List.of(0L, 1L)));

    assertThat(cursors().load(workout)).isEmpty();
  }

  @Test
  void cursor_roundTripsWithItsOutOfOrderSeqs_andDeletes() {
    String workout = freshWorkout();
    IngestCursor cursor = IngestCursor.empty(workout).settle(List.of(0L, 1L, 4L, 7L));

    cursors().save(cursor);

    assertThat(cursors().load(workout)).contains(cursor);
    cursors().delete(workout);
    assertThat(cursors().load(workout)).isEmpty();
  }
}
