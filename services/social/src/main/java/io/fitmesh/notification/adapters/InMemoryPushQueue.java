package io.fitmesh.notification.adapters;

import io.fitmesh.notification.domain.PushJob;
import io.fitmesh.notification.domain.PushQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The embedded twin of {@link ScyllaPushQueue}: one process, so it holds every job. */
public final class InMemoryPushQueue implements PushQueue {
  private final Map<String, PushJob> jobs = new HashMap<>();

  @Override
  public synchronized void schedule(PushJob job) {
    jobs.put(job.jobId(), job);
  }

  @Override
  public synchronized List<PushJob> due(Instant now, int limit) {
    List<PushJob> due = new ArrayList<>();
    jobs.values().stream().filter(j -> !j.due().isAfter(now))
        .sorted(java.util.Comparator.comparing(PushJob::due)).limit(limit).forEach(due::add);
    return due;
  }

  @Override
  public synchronized void done(PushJob job) {
    jobs.remove(job.jobId(), job);
  }
}
