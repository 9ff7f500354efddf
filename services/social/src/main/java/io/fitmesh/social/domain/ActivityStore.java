package io.fitmesh.social.domain;

import io.fitmesh.platform.domain.PendingEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authors' activities (by id and by author, newest first), their kudos and comments with counts kept on the
 * activity. A deleted activity is a tombstone nothing revives. Failures are UNAVAILABLE domain exceptions.
 */
public interface ActivityStore {

  /** Stores or replaces the activity, keeping its counts; nothing when it was deleted. */
  void upsert(Activity activity);

  /** The activity, unless there is none or it was deleted. */
  Optional<Activity> get(String workoutId);

  /** The activities that exist, with their counts, by workout id (deleted ones left out). */
  Map<String, Counted> getAll(Collection<String> workoutIds);

  /** The author's activities, newest first, after a position from a previous page. */
  Page<Activity> byAuthor(String authorId, String after, int limit);

  /** Deletes the activity for good. */
  void delete(String authorId, String workoutId);

  /** Adds kudos and, when it is new, its event; false when the athlete had given kudos already. */
  boolean addKudos(String workoutId, String athleteId, Instant at, PendingEvent event);

  /** Takes kudos back (idempotent). */
  void removeKudos(String workoutId, String athleteId);

  /** The workouts among these that the athlete gave kudos. */
  Set<String> kudosGivenBy(String athleteId, Collection<String> workoutIds);

  /**
   * Stores a comment and its event, unless the author already added one with this request id; returns the
   * comment stored for it.
   */
  Comment addComment(Comment comment, String requestId, PendingEvent event);

  Optional<Comment> comment(String workoutId, String commentId);

  void deleteComment(String workoutId, String commentId);

  /** Oldest first. */
  Page<Comment> comments(String workoutId, String after, int limit);

  /** An activity with its kudos and comment counts. */
  record Counted(Activity activity, long kudosCount, long commentCount) {}
}
