package io.fitmesh.challenge.domain;

import java.time.Instant;
import java.util.List;

/** What a watcher is shown: the top places, their own place (null when not joined), the board's size. */
public record BoardView(List<RankedEntry> top, RankedEntry me, long participantCount, Instant asOf) {}
