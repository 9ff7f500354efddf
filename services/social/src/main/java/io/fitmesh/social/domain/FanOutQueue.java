package io.fitmesh.social.domain;

import java.util.List;

/**
 * Hands batches of followers whose timelines get an entry to the fan-out consumers (social.fanout, keyed by
 * author, so instances share the work). Returns once the batch is queued; UNAVAILABLE when it cannot be.
 */
public interface FanOutQueue {

  void send(TimelineEntry entry, List<String> followerIds);
}
