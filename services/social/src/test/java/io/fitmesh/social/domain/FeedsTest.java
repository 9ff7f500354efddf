package io.fitmesh.social.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.platform.geo.PrivacyZone;
import io.fitmesh.platform.geo.Routes;
import io.fitmesh.social.adapters.InMemoryActivityStore;
import io.fitmesh.social.adapters.InMemoryCelebrities;
import io.fitmesh.social.adapters.InMemoryGraphStore;
import io.fitmesh.social.adapters.InMemoryProfileStore;
import io.fitmesh.social.adapters.InMemoryTimelines;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feeds, follows and reactions on the in-memory twins, with fan-out applied as it is queued. */
class FeedsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T07:00:00Z");
  private static final LatLon HOME = new LatLon(46.05, 14.5);

  private final InMemoryOutboxStore outbox = new InMemoryOutboxStore();
  private final InMemoryGraphStore graph = new InMemoryGraphStore(outbox);
  private final InMemoryProfileStore profiles = new InMemoryProfileStore();
  private final InMemoryActivityStore activities = new InMemoryActivityStore(outbox);
  private final InMemoryTimelines timelines = new InMemoryTimelines(800);
  private final InMemoryCelebrities celebrities = new InMemoryCelebrities();
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final Audience audience = new Audience(graph, profiles, clock);
  private final SocialEvents events = new SocialEvents() {
    @Override
    public io.fitmesh.platform.domain.PendingEvent followed(Follow follow) {
      return event();
    }

    @Override
    public io.fitmesh.platform.domain.PendingEvent kudosGiven(Activity activity, String giverId, Instant at) {
      return event();
    }

    @Override
    public io.fitmesh.platform.domain.PendingEvent commented(Activity activity, Comment comment) {
      return event();
    }

    @Override
    public void flush() {}
  };
  private final Follows follows = new Follows(graph, profiles, activities, timelines, audience, events, clock);
  private final Feeds feeds = new Feeds(activities, timelines, graph, celebrities, audience, clock);
  private final Reactions reactions = new Reactions(activities, audience, events, clock);
  private FanOut fanOut = fanOut(3);

  private FanOut fanOut(int celebrityFollowers) {
    FanOutQueue[] queue = new FanOutQueue[1];
    FanOut made = new FanOut(activities, graph, profiles, celebrities, (entry, ids) -> queue[0].send(entry, ids),
        timelines, celebrityFollowers);
    queue[0] = (entry, ids) -> {
      made.apply(List.of(new Timelines.Delivery(entry, ids)));
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    };
    return made;
  }

  private static io.fitmesh.platform.domain.PendingEvent event() {
    return new io.fitmesh.platform.events.EnvelopeEvent(io.fitmesh.events.v1.EventEnvelope.newBuilder()
        .setEventId(java.util.UUID.randomUUID().toString()).setKey("k").build());
  }

  private Activity finish(String author, String id, int minutes, Visibility visibility) {
    Activity a = new Activity(id, author, "RUN", id, T0.plusSeconds(60L * minutes), "UTC", 5000, 1500, 3.3, 300, 20,
        visibility, List.of(HOME, new LatLon(46.06, 14.5), new LatLon(46.07, 14.5)));
    fanOut.onCompleted(a);
    return a;
  }

  private List<String> home(String viewer) {
    return feeds.home(viewer, null, 50).items().stream().map(c -> c.activity().workoutId()).toList();
  }

  private void know(String... athletes) {
    for (String a : athletes) {
      follows.know(a);
    }
  }

  @Test
  void aFollowerSeesEveryoneAndFollowersWorkouts_aStrangerNeither_andOnlyMeIsInNoFeed() {
    know("alice", "bob", "carol");
    home("bob");
    home("carol");
    follows.follow("bob", "alice");
    finish("alice", "public-run", 1, Visibility.EVERYONE);
    finish("alice", "followers-run", 2, Visibility.FOLLOWERS);
    finish("alice", "private-run", 3, Visibility.ONLY_ME);

    assertThat(home("bob")).containsExactly("followers-run", "public-run");
    assertThat(home("carol")).isEmpty();
    assertThat(home("alice")).containsExactly("followers-run", "public-run");
    assertThat(feeds.ofAuthor("carol", "alice", null, 10).items()).extracting(c -> c.activity().workoutId())
        .containsExactly("public-run");
    assertThat(feeds.ofAuthor("alice", "alice", null, 10).items()).hasSize(3);
  }

  @Test
  void aDeletedOrNarrowedWorkout_leavesTheFeeds_andWideningItBringsItBack() {
    know("alice", "bob");
    follows.follow("bob", "alice");
    home("bob");
    Activity kept = finish("alice", "kept", 1, Visibility.EVERYONE);
    Activity narrowed = finish("alice", "narrowed", 2, Visibility.EVERYONE);
    finish("alice", "deleted", 3, Visibility.EVERYONE);

    fanOut.onDeleted("alice", "deleted");
    fanOut.onChanged(new Activity(narrowed.workoutId(), "alice", "RUN", "t", narrowed.startTime(), "UTC", 1, 1, 1, 1, 1,
        Visibility.ONLY_ME, List.of()));
    assertThat(home("bob")).containsExactly("kept");

    fanOut.onChanged(new Activity(narrowed.workoutId(), "alice", "RUN", "t", narrowed.startTime(), "UTC", 1, 1, 1, 1, 1,
        Visibility.FOLLOWERS, List.of()));
    fanOut.onCompleted(new Activity("deleted", "alice", "RUN", "t", T0, "UTC", 1, 1, 1, 1, 1, Visibility.EVERYONE,
        List.of()));
    assertThat(home("bob")).containsExactly("narrowed", "kept");
    assertThat(kept.visibility()).isEqualTo(Visibility.EVERYONE);
  }

  @Test
  void aCelebritysWorkouts_areMergedAtRead_inOrder_withoutFanOut() {
    know("star", "a", "b", "c", "friend");
    for (String fan : List.of("a", "b", "c")) {
      follows.follow(fan, "star");
      home(fan);
    }
    follows.follow("a", "friend");
    finish("star", "star-1", 1, Visibility.EVERYONE);
    finish("friend", "friend-2", 2, Visibility.EVERYONE);
    finish("star", "star-3", 3, Visibility.FOLLOWERS);

    assertThat(celebrities.all()).containsExactly("star");
    assertThat(timelines.page("b", null, 10)).isEmpty();
    assertThat(home("a")).containsExactly("star-3", "friend-2", "star-1");
    assertThat(home("b")).containsExactly("star-3", "star-1");
  }

  @Test
  void pagesOfTheHomeFeed_coverEveryWorkoutOnce_newestFirst() {
    know("alice", "bob", "dan");
    follows.follow("bob", "alice");
    follows.follow("bob", "dan");
    home("bob");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String author = i % 2 == 0 ? "alice" : "dan";
      finish(author, "w" + (100 + i), i / 3, Visibility.EVERYONE);
    }
    activities.byAuthor("alice", null, 100).items().forEach(a -> expected.add(a.workoutId()));
    activities.byAuthor("dan", null, 100).items().forEach(a -> expected.add(a.workoutId()));

    List<String> read = new ArrayList<>();
    String next = null;
    do {
      Page<Card> page = feeds.home("bob", next, 10);
      page.items().forEach(c -> read.add(c.activity().workoutId()));
      next = page.next();
    } while (next != null);

    assertThat(read).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    List<Instant> starts = read.stream().map(id -> activities.get(id).orElseThrow().startTime()).toList();
    assertThat(starts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void aLostTimeline_isRebuiltIdentically() {
    know("alice", "bob");
    follows.follow("bob", "alice");
    home("bob");
    for (int i = 0; i < 5; i++) {
      finish("alice", "w" + i, i, Visibility.EVERYONE);
    }
    finish("bob", "own", 10, Visibility.FOLLOWERS);
    List<String> before = home("bob");

    timelines.drop("bob");

    assertThat(home("bob")).containsExactlyElementsOf(before).hasSize(6);
  }

  @Test
  void aPrivateAccount_isFollowedOnApproval_andItsEveryoneWorkoutsStayWithItsFollowers() {
    know("alice", "bob", "carol");
    follows.setPrivate("alice", true);
    finish("alice", "public-but-private-account", 1, Visibility.EVERYONE);

    assertThat(follows.follow("bob", "alice")).isEqualTo(FollowState.REQUESTED);
    assertThat(home("bob")).isEmpty();
    assertThat(feeds.ofAuthor("carol", "alice", null, 10).items()).isEmpty();
    assertThat(follows.respond("alice", "bob", true)).isEqualTo(FollowState.FOLLOWING);
    assertThat(home("bob")).containsExactly("public-but-private-account");
  }

  @Test
  void aBlock_hidesEverythingBothWays_andStopsFollowing() {
    know("alice", "bob");
    follows.follow("bob", "alice");
    finish("alice", "w1", 1, Visibility.EVERYONE);
    follows.block("alice", "bob");

    assertThat(home("bob")).isEmpty();
    assertThat(graph.state("bob", "alice")).isEqualTo(FollowState.NONE);
    assertThatThrownBy(() -> follows.follow("bob", "alice")).isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.PERMISSION_DENIED);
    assertThatThrownBy(() -> feeds.ofAuthor("bob", "alice", null, 10)).hasMessage("no athlete alice");
    assertThatThrownBy(() -> reactions.giveKudos("bob", "w1")).hasMessage("no workout w1");
  }

  @Test
  void theAudienceOfAnAthletesWorkouts_leavesOutBlocks_andNonFollowersOfAPrivateAccount() {
    know("alice", "bob", "carol", "dan");
    follows.follow("bob", "alice");
    follows.block("alice", "dan");

    assertThat(follows.audienceOf("alice", List.of("bob", "carol", "dan"))).containsExactly("bob", "carol");
    follows.setPrivate("alice", true);
    assertThat(follows.audienceOf("alice", List.of("bob", "carol", "dan"))).containsExactly("bob");
  }

  @Test
  void othersSeeTheRouteWithoutThePrivacyZone_theAthleteSeesItWhole() {
    know("alice", "bob");
    follows.follow("bob", "alice");
    follows.setZones("alice", List.of(new PrivacyZone(HOME, 300)));
    Activity a = finish("alice", "w1", 1, Visibility.EVERYONE);

    String seenByBob = feeds.home("bob", null, 10).items().get(0).polyline();
    String seenByAlice = feeds.home("alice", null, 10).items().get(0).polyline();

    assertThat(seenByAlice).isEqualTo(Routes.encodePolyline(a.route()));
    assertThat(seenByBob).isEqualTo(Routes.encodePolyline(a.route().subList(1, 3)));
  }

  @Test
  void badFollowsAndComments_getTheirCodes() {
    know("alice", "bob");
    finish("alice", "w1", 1, Visibility.EVERYONE);
    Comment bobs = reactions.addComment("bob", "w1", "Great run!", null);

    assertThat(kind(() -> follows.follow("bob", "nobody"))).isEqualTo(DomainException.Kind.NOT_FOUND);
    assertThat(kind(() -> follows.follow("bob", "bob"))).isEqualTo(DomainException.Kind.INVALID_ARGUMENT);
    assertThat(kind(() -> reactions.addComment("bob", "w1", "x".repeat(1001), null)))
        .isEqualTo(DomainException.Kind.INVALID_ARGUMENT);
    assertThat(kind(() -> reactions.deleteComment("carol", "w1", bobs.commentId())))
        .isEqualTo(DomainException.Kind.PERMISSION_DENIED);
    reactions.deleteComment("alice", "w1", bobs.commentId());
    assertThat(reactions.comments("bob", "w1", null, 10).items()).isEmpty();
    assertThat(reactions.giveKudos("bob", "w1")).isEqualTo(1);
    assertThat(reactions.giveKudos("bob", "w1")).isEqualTo(1);
  }

  private static DomainException.Kind kind(Runnable call) {
    try {
      call.run();
    } catch (DomainException e) {
      return e.kind();
    }
    throw new AssertionError("no error");
  }
}
