package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Kudos and comments on workouts the caller may see (NOT_FOUND otherwise, as if the workout did not exist).
 * Kudos are idempotent and announced once; a comment is 1..1000 characters, idempotent on the client's request
 * id, and deleted only by its author or the workout's athlete.
 */
public final class Reactions {
  public static final int MAX_COMMENT = 1000;

  private final ActivityStore activities;
  private final Audience audience;
  private final SocialEvents events;
  private final Clock clock;

  public Reactions(ActivityStore activities, Audience audience, SocialEvents events, Clock clock) {
    this.activities = requireNonNull(activities, "activities");
    this.audience = requireNonNull(audience, "audience");
    this.events = requireNonNull(events, "events");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Gives kudos; returns the count now. */
  public long giveKudos(String athleteId, String workoutId) {
    Activity activity = visible(athleteId, workoutId);
    Instant now = clock.instant();
    if (activities.addKudos(workoutId, athleteId, now, events.kudosGiven(activity, athleteId, now))) {
      events.flush();
    }
    return kudosCount(workoutId);
  }

  public long takeBackKudos(String athleteId, String workoutId) {
    visible(athleteId, workoutId);
    activities.removeKudos(workoutId, athleteId);
    return kudosCount(workoutId);
  }

  public Comment addComment(String athleteId, String workoutId, String text, String requestId) {
    String body = text == null ? "" : text.strip();
    if (body.isEmpty() || body.codePointCount(0, body.length()) > MAX_COMMENT) {
      throw DomainException.invalidArgument("text", "a comment is 1.." + MAX_COMMENT + " characters");
    }
    if (requestId != null && requestId.length() > 64) {
      throw DomainException.invalidArgument("request_id", "request_id is at most 64 characters");
    }
    Activity activity = visible(athleteId, workoutId);
    Comment comment = new Comment(UUID.randomUUID().toString(), workoutId, athleteId, body, clock.instant());
    Comment stored = activities.addComment(comment, requestId == null || requestId.isEmpty() ? null : requestId,
        events.commented(activity, comment));
    events.flush();
    return stored;
  }

  public void deleteComment(String athleteId, String workoutId, String commentId) {
    Activity activity = visible(athleteId, workoutId);
    Comment comment = activities.comment(workoutId, commentId)
        .orElseThrow(() -> DomainException.notFound("no comment " + commentId));
    if (!comment.authorId().equals(athleteId) && !activity.authorId().equals(athleteId)) {
      throw DomainException.permissionDenied("only its author or the workout's athlete deletes a comment");
    }
    activities.deleteComment(workoutId, commentId);
  }

  public Page<Comment> comments(String athleteId, String workoutId, String after, int limit) {
    visible(athleteId, workoutId);
    return activities.comments(workoutId, after, limit);
  }

  private long kudosCount(String workoutId) {
    return activities.getAll(java.util.List.of(workoutId)).values().stream()
        .mapToLong(ActivityStore.Counted::kudosCount).findFirst().orElse(0);
  }

  private Activity visible(String athleteId, String workoutId) {
    if (workoutId == null || workoutId.isEmpty() || workoutId.length() > 64) {
      throw DomainException.invalidArgument("workout_id", "workout_id is 1..64 characters");
    }
    return activities.get(workoutId).filter(a -> audience.mayView(athleteId, a))
        .orElseThrow(() -> DomainException.notFound("no workout " + workoutId));
  }
}
