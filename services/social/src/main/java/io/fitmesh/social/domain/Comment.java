package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A comment on a workout. */
public record Comment(String commentId, String workoutId, String authorId, String text, Instant createTime) {

  public Comment {
    requireNonNull(commentId, "commentId");
    requireNonNull(workoutId, "workoutId");
    requireNonNull(authorId, "authorId");
    requireNonNull(text, "text");
    requireNonNull(createTime, "createTime");
  }
}
