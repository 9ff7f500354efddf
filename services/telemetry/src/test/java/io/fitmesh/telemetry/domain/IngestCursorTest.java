package io.fitmesh.telemetry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IngestCursorTest {

  @Test
  void settlingInOrder_advancesTheDurablePrefix() {
    IngestCursor cursor = IngestCursor.empty("workout-1").settle(List.of(0L, 1L, 2L));

    assertThat(cursor.durableThroughSeq()).isEqualTo(2);
    assertThat(cursor.settledAbove()).isEmpty();
  }

  @Test
  void aGap_holdsTheDurablePrefix_andIsReported_untilFilled() {
    IngestCursor cursor = IngestCursor.empty("workout-1").settle(List.of(0L, 1L, 5L, 6L, 9L));

    assertThat(cursor.durableThroughSeq()).isEqualTo(1);
    assertThat(cursor.highestSeq()).isEqualTo(9);
    assertThat(cursor.gaps(10)).containsExactly(new long[] {2, 4}, new long[] {7, 8});

    IngestCursor filled = cursor.settle(List.of(2L, 3L, 4L, 7L, 8L));
    assertThat(filled.durableThroughSeq()).isEqualTo(9);
    assertThat(filled.gaps(10)).isEmpty();
  }

  @Test
  void settledSeqs_areSettled_othersNot() {
    IngestCursor cursor = IngestCursor.empty("workout-1").settle(List.of(0L, 1L, 3L));

    assertThat(cursor.isSettled(1)).isTrue();
    assertThat(cursor.isSettled(3)).isTrue();
    assertThat(cursor.isSettled(2)).isFalse();
  }

  @Test
  void seqsFarAheadOfThePrefix_areBeyondTheWindow() {
    IngestCursor cursor = IngestCursor.empty("workout-1");

    assertThat(cursor.isBeyondWindow(IngestCursor.WINDOW - 1)).isFalse();
    assertThat(cursor.isBeyondWindow(IngestCursor.WINDOW + 5)).isTrue();
  }
}
