package io.fitmesh.social.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.platform.geo.PrivacyZone;
import io.fitmesh.social.domain.Activity;
import io.fitmesh.social.domain.ActivityStore;
import io.fitmesh.social.domain.Comment;
import io.fitmesh.social.domain.Follow;
import io.fitmesh.social.domain.FollowState;
import io.fitmesh.social.domain.GraphStore;
import io.fitmesh.social.domain.Page;
import io.fitmesh.social.domain.Profile;
import io.fitmesh.social.domain.ProfileStore;
import io.fitmesh.social.domain.TimelineEntry;
import io.fitmesh.social.domain.Timelines;
import io.fitmesh.social.domain.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What social's stores must do; run against the in-memory twins and real CQL and Redis. */
abstract class SocialStoresContract {
  static final Instant START = Instant.parse("2026-11-20T07:00:00Z");
  static final int CAP = 30;

  abstract GraphStore graph();

  abstract ProfileStore profiles();

  abstract ActivityStore activities();

  abstract Timelines timelines();

  abstract OutboxStore outbox();

  static String fresh(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static EnvelopeEvent event() {
    return new EnvelopeEvent(EventEnvelope.newBuilder().setEventId(UUID.randomUUID().toString())
        .setTopic("social.test").setKey("k").build());
  }

  static Activity activity(String author, String id, Instant start, Visibility visibility) {
    return new Activity(id, author, "RUN", "Run " + id, start, "Europe/Ljubljana", 5000, 1500, 3.33, 300, 40,
        visibility, List.of(new LatLon(46.05, 14.5), new LatLon(46.06, 14.51)));
  }

  @Test
  void follows_areSeenBothWays_counted_andPagedInIdOrder() {
    String star = fresh("star");
    List<String> fans = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      fans.add(star + "-fan-" + i);
      EnvelopeEvent event = event();
      graph().putFollow(new Follow(fans.get(i), star, FollowState.FOLLOWING, START), event);
      assertThat(pendingEventIds()).contains(event.envelope().getEventId());
    }
    graph().putFollow(new Follow(fans.get(0), star, FollowState.FOLLOWING, START), null);

    Page<Follow> first = graph().followers(star, null, 3);
    Page<Follow> second = graph().followers(star, first.next(), 3);
    assertThat(first.items()).extracting(Follow::followerId).containsExactlyElementsOf(fans.subList(0, 3));
    assertThat(second.items()).extracting(Follow::followerId).containsExactlyElementsOf(fans.subList(3, 5));
    assertThat(second.next()).isNull();
    assertThat(graph().followerCount(star)).isEqualTo(5);
    assertThat(graph().followingCount(fans.get(0))).isEqualTo(1);
    assertThat(graph().following(fans.get(0), null, 10).items()).extracting(Follow::followeeId).containsExactly(star);
    assertThat(graph().followedAmong(fans.get(1), List.of(star, "nobody"))).containsExactly(star);
    assertThat(graph().followersAmong(star, List.of(fans.get(2), "nobody"))).containsExactly(fans.get(2));

    graph().removeFollow(fans.get(1), star);
    graph().removeFollow(fans.get(1), star);
    assertThat(graph().state(fans.get(1), star)).isEqualTo(FollowState.NONE);
    assertThat(graph().followerCount(star)).isEqualTo(4);
  }

  @Test
  void aRequest_waitsInItsOwnList_untilApproved() {
    String owner = fresh("private");
    String asker = fresh("asker");
    graph().putFollow(new Follow(asker, owner, FollowState.REQUESTED, START), event());

    assertThat(graph().state(asker, owner)).isEqualTo(FollowState.REQUESTED);
    assertThat(graph().requests(owner, null, 10).items()).extracting(Follow::followerId).containsExactly(asker);
    assertThat(graph().followers(owner, null, 10).items()).isEmpty();
    assertThat(graph().followerCount(owner)).isZero();

    graph().removeFollow(asker, owner);
    graph().putFollow(new Follow(asker, owner, FollowState.FOLLOWING, START.plusSeconds(5)), null);
    assertThat(graph().requests(owner, null, 10).items()).isEmpty();
    assertThat(graph().state(asker, owner)).isEqualTo(FollowState.FOLLOWING);
    assertThat(graph().followerCount(owner)).isEqualTo(1);
  }

  @Test
  void aBlock_isSeenFromBothSides_untilLifted() {
    String a = fresh("a");
    String b = fresh("b");
    graph().block(a, b, START);

    assertThat(graph().blockedAmong(a, List.of(b, "c"))).containsExactly(b);
    assertThat(graph().blockedAmong(b, List.of(a))).containsExactly(a);
    graph().unblock(a, b);
    assertThat(graph().blockedAmong(b, List.of(a))).isEmpty();
  }

  @Test
  void meetingAnAthleteAgain_keepsTheirSavedProfile() {
    String athlete = fresh("known");
    profiles().createIfAbsent(athlete);
    assertThat(profiles().get(athlete)).contains(Profile.fresh(athlete));
    Profile saved = new Profile(athlete, true, List.of(new PrivacyZone(new LatLon(46.05, 14.5), 400)));
    profiles().save(saved);

    profiles().createIfAbsent(athlete);

    assertThat(profiles().get(athlete)).contains(saved);
    assertThat(profiles().get(fresh("stranger"))).isEmpty();
  }

  @Test
  void activitiesByAuthor_pageNewestFirst_acrossEqualStarts_andADeleteIsForGood() {
    String author = fresh("author");
    Activity older = activity(author, author + "-a", START, Visibility.EVERYONE);
    Activity sameStartB = activity(author, author + "-b", START.plusSeconds(60), Visibility.EVERYONE);
    Activity sameStartC = activity(author, author + "-c", START.plusSeconds(60), Visibility.FOLLOWERS);
    Activity newest = activity(author, author + "-d", START.plusSeconds(120), Visibility.ONLY_ME);
    List.of(older, sameStartB, sameStartC, newest).forEach(activities()::upsert);

    Page<Activity> first = activities().byAuthor(author, null, 2);
    Page<Activity> rest = activities().byAuthor(author, first.next(), 2);
    assertThat(first.items()).containsExactly(newest, sameStartC);
    assertThat(rest.items()).containsExactly(sameStartB, older);
    assertThat(rest.next()).isNull();
    assertThat(activities().get(older.workoutId())).contains(older);

    activities().delete(author, sameStartB.workoutId());
    activities().upsert(sameStartB);
    activities().delete(author, "never-completed-" + author);
    activities().upsert(activity(author, "never-completed-" + author, START, Visibility.EVERYONE));

    assertThat(activities().get(sameStartB.workoutId())).isEmpty();
    assertThat(activities().getAll(List.of(sameStartB.workoutId(), older.workoutId(), "never-completed-" + author)))
        .containsOnlyKeys(older.workoutId());
    assertThat(activities().byAuthor(author, null, 10).items()).containsExactly(newest, sameStartC, older);
  }

  @Test
  void kudos_areGivenOnce_counted_andTakenBack() {
    String author = fresh("author");
    Activity a = activity(author, author + "-k", START, Visibility.EVERYONE);
    activities().upsert(a);
    EnvelopeEvent first = event();

    assertThat(activities().addKudos(a.workoutId(), "fan-1", START, first)).isTrue();
    assertThat(activities().addKudos(a.workoutId(), "fan-1", START, event())).isFalse();
    assertThat(activities().addKudos(a.workoutId(), "fan-2", START, event())).isTrue();

    assertThat(activities().getAll(List.of(a.workoutId())).get(a.workoutId()).kudosCount()).isEqualTo(2);
    assertThat(activities().kudosGivenBy("fan-1", List.of(a.workoutId(), "other"))).containsExactly(a.workoutId());
    assertThat(pendingEventIds()).contains(first.envelope().getEventId());
    activities().removeKudos(a.workoutId(), "fan-1");
    assertThat(activities().getAll(List.of(a.workoutId())).get(a.workoutId()).kudosCount()).isEqualTo(1);
    assertThat(activities().kudosGivenBy("fan-1", List.of(a.workoutId()))).isEmpty();
    activities().upsert(a);
    assertThat(activities().getAll(List.of(a.workoutId())).get(a.workoutId()).kudosCount())
        .as("an upsert keeps the counts").isEqualTo(1);
  }

  @Test
  void comments_pageOldestFirst_areIdempotentOnTheRequestId_andDeleted() {
    String author = fresh("author");
    Activity a = activity(author, author + "-c", START, Visibility.EVERYONE);
    activities().upsert(a);
    List<Comment> written = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      written.add(activities().addComment(new Comment("c" + i, a.workoutId(), "fan", "nice " + i,
          START.plusSeconds(i)), "req-" + i, event()));
    }
    Comment again = activities().addComment(new Comment("c-again", a.workoutId(), "fan", "nice 0 again",
        START.plusSeconds(10)), "req-0", event());

    assertThat(again).isEqualTo(written.get(0));
    Page<Comment> first = activities().comments(a.workoutId(), null, 2);
    assertThat(first.items()).containsExactlyElementsOf(written.subList(0, 2));
    assertThat(activities().comments(a.workoutId(), first.next(), 2).items()).containsExactly(written.get(2));
    assertThat(activities().getAll(List.of(a.workoutId())).get(a.workoutId()).commentCount()).isEqualTo(3);
    assertThat(activities().comment(a.workoutId(), "c1")).contains(written.get(1));

    activities().deleteComment(a.workoutId(), "c1");
    assertThat(activities().comment(a.workoutId(), "c1")).isEmpty();
    assertThat(activities().getAll(List.of(a.workoutId())).get(a.workoutId()).commentCount()).isEqualTo(2);
  }

  @Test
  void fanOut_writesOnlyBuiltTimelines_keepsTheNewestUpToTheCap_andPagesAcrossEqualStarts() {
    String reader = fresh("reader");
    String lapsed = fresh("lapsed");
    timelines().markBuilt(reader);
    List<TimelineEntry> entries = new ArrayList<>();
    for (int i = 0; i < CAP + 5; i++) {
      TimelineEntry e = new TimelineEntry("w" + (100 + i), "author-" + i, START.plusSeconds(i / 2 * 60));
      entries.add(e);
      timelines().fanOut(List.of(new Timelines.Delivery(e, List.of(reader, lapsed))));
    }

    assertThat(timelines().isBuilt(lapsed)).isFalse();
    assertThat(timelines().page(lapsed, null, 10)).isEmpty();
    List<TimelineEntry> newestFirst = entries.stream().sorted(TimelineEntry.NEWEST_FIRST).limit(CAP).toList();
    List<TimelineEntry> read = new ArrayList<>(timelines().page(reader, null, 7));
    while (read.size() < CAP) {
      List<TimelineEntry> next = timelines().page(reader, read.get(read.size() - 1), 7);
      assertThat(next).isNotEmpty();
      read.addAll(next);
    }
    assertThat(read.subList(0, CAP)).containsExactlyElementsOf(newestFirst);
    assertThat(timelines().page(reader, read.get(CAP - 1), 7)).as("at most an eighth over the cap")
        .hasSizeLessThanOrEqualTo(CAP / 8);

    timelines().remove(reader, List.of(newestFirst.get(0)));
    assertThat(timelines().page(reader, null, 1)).containsExactly(newestFirst.get(1));
    timelines().drop(reader);
    assertThat(timelines().isBuilt(reader)).isFalse();
    assertThat(timelines().page(reader, null, 1)).isEmpty();
  }

  @Test
  void aTimelineAddedTo_keepsEachEntryOnce() {
    String reader = fresh("reader");
    TimelineEntry e = new TimelineEntry("w1", "author", START);
    timelines().markBuilt(reader);
    timelines().add(reader, List.of(e));
    timelines().fanOut(List.of(new Timelines.Delivery(e, Set.of(reader))));

    assertThat(timelines().page(reader, null, 10)).containsExactly(e);
  }

  private List<String> pendingEventIds() {
    List<String> ids = new ArrayList<>();
    for (int shard = 0; shard < outbox().shards(); shard++) {
      outbox().pending(shard, null, Instant.EPOCH, null, 10_000).forEach(p -> ids.add(p.envelope().getEventId()));
    }
    return ids;
  }
}
