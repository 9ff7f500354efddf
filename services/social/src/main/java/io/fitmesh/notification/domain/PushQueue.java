package io.fitmesh.notification.domain;

import java.time.Instant;
import java.util.List;

/**
 * Pushes waiting for their time, shared by every instance: each job is handed to one instance's dispatcher
 * (the shard holder) once it is due.
 */
public interface PushQueue {

  /** Stores the job (replacing one with its id). */
  void schedule(PushJob job);

  /** Up to {@code limit} jobs due by {@code now} from the shards this instance holds. */
  List<PushJob> due(Instant now, int limit);

  /** Forgets a job that was handled. */
  void done(PushJob job);
}
