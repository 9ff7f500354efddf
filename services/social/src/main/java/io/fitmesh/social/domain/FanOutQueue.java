package io.fitmesh.social.domain;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Hands batches of followers whose timelines get an entry to the fan-out consumers (social.fanout). The future
 * completes once the batch is queued, or fails (UNAVAILABLE) when it cannot be.
 */
public interface FanOutQueue {

  CompletableFuture<?> send(TimelineEntry entry, List<String> followerIds);
}
