package io.fitmesh.social.adapters;

import io.fitmesh.platform.storage.CqlCalls;
import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.storage.CqlTimestamps;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.fitmesh.social.codec.SocialProtos;
import io.fitmesh.social.domain.Activity;
import io.fitmesh.social.domain.ActivityStore;
import io.fitmesh.social.domain.Comment;
import io.fitmesh.social.domain.Page;
import io.fitmesh.social.domain.TimelineEntry;
import io.fitmesh.training.v1.Workout;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Activities in CQL: {@code activities} by id (with kudos and comment counts, and the deleted flag) and
 * {@code activities_by_author} newest first. A delete writes the tombstone at {@link CqlTimestamps#FOREVER}, so
 * a completion or change that lands later revives nothing. Counts are recounted from the kudos and comment
 * partitions after each change (last recount wins; concurrent changes settle at the next one).
 */
public final class ScyllaActivityStore implements ActivityStore {
  private final CqlSession session;
  private final ScyllaOutboxStore outbox;
  private final PreparedStatement upsert;
  private final PreparedStatement upsertByAuthor;
  private final PreparedStatement select;
  private final PreparedStatement byAuthorFirst;
  private final PreparedStatement byAuthorAfter;
  private final PreparedStatement tombstone;
  private final PreparedStatement deleteByAuthor;
  private final PreparedStatement selectKudos;
  private final PreparedStatement insertKudos;
  private final PreparedStatement insertKudosByAthlete;
  private final PreparedStatement deleteKudos;
  private final PreparedStatement deleteKudosByAthlete;
  private final PreparedStatement countKudos;
  private final PreparedStatement setKudosCount;
  private final PreparedStatement kudosAmong;
  private final PreparedStatement insertComment;
  private final PreparedStatement insertCommentRequest;
  private final PreparedStatement selectCommentRequest;
  private final PreparedStatement selectCommentAt;
  private final PreparedStatement selectComments;
  private final PreparedStatement commentsFirst;
  private final PreparedStatement commentsAfter;
  private final PreparedStatement deleteComment;
  private final PreparedStatement countComments;
  private final PreparedStatement setCommentCount;

  public ScyllaActivityStore(CqlSession session, String keyspace, ScyllaOutboxStore outbox) {
    this.session = requireNonNull(session, "session");
    this.outbox = requireNonNull(outbox, "outbox");
    String ks = keyspace + ".";
    upsert = session.prepare("UPDATE " + ks + "activities SET author_id = ?, data = ? WHERE workout_id = ?");
    upsertByAuthor = session.prepare("INSERT INTO " + ks
        + "activities_by_author (author_id, start_time, workout_id, data) VALUES (?, ?, ?, ?)");
    select = session.prepare("SELECT data, kudos_count, comment_count, deleted FROM " + ks
        + "activities WHERE workout_id = ?");
    byAuthorFirst = session.prepare("SELECT data FROM " + ks + "activities_by_author WHERE author_id = ? LIMIT ?");
    byAuthorAfter = session.prepare("SELECT data FROM " + ks
        + "activities_by_author WHERE author_id = ? AND (start_time, workout_id) < (?, ?) LIMIT ?");
    tombstone = session.prepare("UPDATE " + ks + "activities USING TIMESTAMP " + CqlTimestamps.FOREVER
        + " SET deleted = true, data = null, author_id = ? WHERE workout_id = ?");
    deleteByAuthor = session.prepare("DELETE FROM " + ks + "activities_by_author USING TIMESTAMP "
        + CqlTimestamps.FOREVER + " WHERE author_id = ? AND start_time = ? AND workout_id = ?");
    selectKudos = session.prepare("SELECT athlete_id FROM " + ks + "kudos WHERE workout_id = ? AND athlete_id = ?");
    insertKudos = session.prepare("INSERT INTO " + ks + "kudos (workout_id, athlete_id, given_at) VALUES (?, ?, ?)");
    insertKudosByAthlete = session.prepare("INSERT INTO " + ks + "kudos_by_athlete (athlete_id, workout_id) VALUES (?, ?)");
    deleteKudos = session.prepare("DELETE FROM " + ks + "kudos WHERE workout_id = ? AND athlete_id = ?");
    deleteKudosByAthlete = session.prepare("DELETE FROM " + ks + "kudos_by_athlete WHERE athlete_id = ? AND workout_id = ?");
    countKudos = session.prepare("SELECT COUNT(*) AS n FROM " + ks + "kudos WHERE workout_id = ?");
    setKudosCount = session.prepare("UPDATE " + ks + "activities SET kudos_count = ? WHERE workout_id = ?");
    kudosAmong = session.prepare("SELECT workout_id FROM " + ks
        + "kudos_by_athlete WHERE athlete_id = ? AND workout_id IN ?");
    insertComment = session.prepare("INSERT INTO " + ks
        + "comments (workout_id, position, comment_id, author_id, body, create_time) VALUES (?, ?, ?, ?, ?, ?)");
    insertCommentRequest = session.prepare("INSERT INTO " + ks
        + "comment_requests (workout_id, author_id, request_id, position) VALUES (?, ?, ?, ?) IF NOT EXISTS");
    selectCommentRequest = session.prepare("SELECT position FROM " + ks
        + "comment_requests WHERE workout_id = ? AND author_id = ? AND request_id = ?");
    selectCommentAt = session.prepare("SELECT comment_id, author_id, body, create_time FROM " + ks
        + "comments WHERE workout_id = ? AND position = ?");
    selectComments = session.prepare("SELECT position, comment_id, author_id, body, create_time FROM " + ks
        + "comments WHERE workout_id = ?");
    commentsFirst = session.prepare("SELECT position, comment_id, author_id, body, create_time FROM " + ks
        + "comments WHERE workout_id = ? LIMIT ?");
    commentsAfter = session.prepare("SELECT position, comment_id, author_id, body, create_time FROM " + ks
        + "comments WHERE workout_id = ? AND position > ? LIMIT ?");
    deleteComment = session.prepare("DELETE FROM " + ks + "comments WHERE workout_id = ? AND position = ?");
    countComments = session.prepare("SELECT COUNT(*) AS n FROM " + ks + "comments WHERE workout_id = ?");
    setCommentCount = session.prepare("UPDATE " + ks + "activities SET comment_count = ? WHERE workout_id = ?");
  }

  @Override
  public void upsert(Activity a) {
    CqlCalls.run("activities", () -> {
      Row current = session.execute(select.bind(a.workoutId())).one();
      if (current != null && current.getBoolean("deleted")) {
        return;
      }
      ByteBuffer data = bytes(a);
      session.execute(BatchStatement.builder(BatchType.LOGGED)
          .addStatement(upsert.bind(a.authorId(), data, a.workoutId()))
          .addStatement(upsertByAuthor.bind(a.authorId(), a.startTime(), a.workoutId(), data))
          .build());
    });
  }

  @Override
  public Optional<Activity> get(String workoutId) {
    return Optional.ofNullable(getAll(List.of(workoutId)).get(workoutId)).map(Counted::activity);
  }

  @Override
  public Map<String, Counted> getAll(Collection<String> workoutIds) {
    return CqlCalls.call("activities", () -> {
      Map<String, CompletionStage<AsyncResultSet>> reads = new HashMap<>();
      for (String id : new HashSet<>(workoutIds)) {
        reads.put(id, session.executeAsync(select.bind(id)));
      }
      Map<String, Counted> found = new HashMap<>();
      for (Map.Entry<String, CompletionStage<AsyncResultSet>> e : reads.entrySet()) {
        Row row = e.getValue().toCompletableFuture().join().one();
        if (row == null || row.getBoolean("deleted") || row.getByteBuffer("data") == null) {
          continue;
        }
        found.put(e.getKey(), new Counted(parse(row.getByteBuffer("data")), row.getLong("kudos_count"),
            row.getLong("comment_count")));
      }
      return found;
    });
  }

  @Override
  public Page<Activity> byAuthor(String authorId, String after, int limit) {
    TimelineEntry from = TimelineEntry.fromPosition(after);
    return CqlCalls.call("activities", () -> {
      List<Activity> items = new ArrayList<>();
      boolean more = false;
      for (Row row : session.execute(from == null ? byAuthorFirst.bind(authorId, limit + 1)
          : byAuthorAfter.bind(authorId, from.startTime(), from.workoutId(), limit + 1))) {
        if (items.size() == limit) {
          more = true;
          break;
        }
        items.add(parse(row.getByteBuffer("data")));
      }
      return new Page<>(items, more ? items.get(items.size() - 1).entry().position() : null);
    });
  }

  @Override
  public void delete(String authorId, String workoutId) {
    CqlCalls.run("activities", () -> {
      Row current = session.execute(select.bind(workoutId)).one();
      BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED)
          .addStatement(tombstone.bind(authorId, workoutId));
      if (current != null && current.getByteBuffer("data") != null) {
        Activity a = parse(current.getByteBuffer("data"));
        batch.addStatement(deleteByAuthor.bind(a.authorId(), a.startTime(), a.workoutId()));
      }
      session.execute(batch.build());
    });
  }

  @Override
  public boolean addKudos(String workoutId, String athleteId, Instant at, PendingEvent event) {
    return CqlCalls.call("kudos", () -> {
      if (session.execute(selectKudos.bind(workoutId, athleteId)).one() != null) {
        return false;
      }
      session.execute(BatchStatement.builder(BatchType.LOGGED)
          .addStatement(insertKudos.bind(workoutId, athleteId, at))
          .addStatement(insertKudosByAthlete.bind(athleteId, workoutId))
          .addStatement(outbox.insert(EnvelopeEvent.envelopeOf(event)))
          .build());
      recount(countKudos, setKudosCount, workoutId);
      return true;
    });
  }

  @Override
  public void removeKudos(String workoutId, String athleteId) {
    CqlCalls.run("kudos", () -> {
      session.execute(BatchStatement.builder(BatchType.LOGGED)
          .addStatement(deleteKudos.bind(workoutId, athleteId))
          .addStatement(deleteKudosByAthlete.bind(athleteId, workoutId))
          .build());
      recount(countKudos, setKudosCount, workoutId);
    });
  }

  @Override
  public Set<String> kudosGivenBy(String athleteId, Collection<String> workoutIds) {
    if (workoutIds.isEmpty()) {
      return Set.of();
    }
    return CqlCalls.call("kudos", () -> {
      Set<String> given = new HashSet<>();
      for (Row row : session.execute(kudosAmong.bind(athleteId, List.copyOf(new HashSet<>(workoutIds))))) {
        given.add(row.getString("workout_id"));
      }
      return given;
    });
  }

  @Override
  public Comment addComment(Comment proposed, String requestId, PendingEvent event) {
    return CqlCalls.call("comments", () -> {
      Comment comment = proposed;
      if (requestId != null) {
        String position = InMemoryActivityStore.position(proposed);
        boolean first = session.execute(insertCommentRequest.bind(proposed.workoutId(), proposed.authorId(),
            requestId, position)).wasApplied();
        if (!first) {
          Row earlier = session.execute(selectCommentRequest.bind(proposed.workoutId(), proposed.authorId(),
              requestId)).one();
          String earlierPosition = earlier.getString("position");
          Optional<Comment> stored = at(proposed.workoutId(), earlierPosition);
          if (stored.isPresent()) {
            return stored.get();
          }
          // The first attempt took the request id but failed before its comment was stored: store it now, as it.
          int colon = earlierPosition.indexOf(':');
          comment = new Comment(earlierPosition.substring(colon + 1), proposed.workoutId(), proposed.authorId(),
              proposed.text(), Instant.ofEpochMilli(Long.parseLong(earlierPosition.substring(0, colon))));
        }
      }
      String position = InMemoryActivityStore.position(comment);
      session.execute(BatchStatement.builder(BatchType.LOGGED)
          .addStatement(insertComment.bind(comment.workoutId(), position, comment.commentId(), comment.authorId(),
              comment.text(), comment.createTime()))
          .addStatement(outbox.insert(EnvelopeEvent.envelopeOf(event)))
          .build());
      recount(countComments, setCommentCount, comment.workoutId());
      return comment;
    });
  }

  private Optional<Comment> at(String workoutId, String position) {
    Row row = session.execute(selectCommentAt.bind(workoutId, position)).one();
    return row == null ? Optional.empty() : Optional.of(comment(workoutId, row));
  }

  @Override
  public Optional<Comment> comment(String workoutId, String commentId) {
    return CqlCalls.call("comments", () -> {
      for (Row row : session.execute(selectComments.bind(workoutId))) {
        if (row.getString("comment_id").equals(commentId)) {
          return Optional.of(comment(workoutId, row));
        }
      }
      return Optional.empty();
    });
  }

  @Override
  public void deleteComment(String workoutId, String commentId) {
    CqlCalls.run("comments", () -> {
      for (Row row : session.execute(selectComments.bind(workoutId))) {
        if (row.getString("comment_id").equals(commentId)) {
          session.execute(deleteComment.bind(workoutId, row.getString("position")));
        }
      }
      recount(countComments, setCommentCount, workoutId);
    });
  }

  @Override
  public Page<Comment> comments(String workoutId, String after, int limit) {
    return CqlCalls.call("comments", () -> {
      List<Comment> items = new ArrayList<>();
      String last = null;
      boolean more = false;
      for (Row row : session.execute(after == null ? commentsFirst.bind(workoutId, limit + 1)
          : commentsAfter.bind(workoutId, after, limit + 1))) {
        if (items.size() == limit) {
          more = true;
          break;
        }
        items.add(comment(workoutId, row));
        last = row.getString("position");
      }
      return new Page<>(items, more ? last : null);
    });
  }

  private void recount(PreparedStatement count, PreparedStatement set, String workoutId) {
    long n = session.execute(count.bind(workoutId)).one().getLong("n");
    session.execute(set.bind(n, workoutId));
  }

  private static Comment comment(String workoutId, Row row) {
    return new Comment(row.getString("comment_id"), workoutId, row.getString("author_id"), row.getString("body"),
        row.getInstant("create_time"));
  }

  private static ByteBuffer bytes(Activity a) {
    return ByteBuffer.wrap(SocialProtos.toWorkout(a).toByteArray());
  }

  private static Activity parse(ByteBuffer data) {
    try {
      return SocialProtos.activity(Workout.parseFrom(data));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored activity is not a Workout message", e);
    }
  }
}
