package io.fitmesh.notification.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.group.v1.GroupJoinRequested;
import io.fitmesh.group.v1.GroupJoined;
import io.fitmesh.notification.domain.NotificationKind;
import io.fitmesh.notification.domain.Notifier;
import io.fitmesh.notification.domain.Occurrence;
import io.fitmesh.notification.domain.Recipients;
import io.fitmesh.platform.events.Event;
import io.fitmesh.platform.events.EventHandler;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.PerKeyInParallel;
import java.util.concurrent.ExecutorService;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.social.v1.FollowState;
import io.fitmesh.social.v1.SocialCommented;
import io.fitmesh.social.v1.SocialFollowed;
import io.fitmesh.social.v1.SocialKudosGiven;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.Workout;
import java.util.List;

/**
 * The events that notify athletes (subscription "notification"): a finished workout (its athlete's followers unless
 * they have too many, and for an EVERYONE workout the members of their small clubs), kudos and comments (the workout's athlete, kudos
 * grouped per workout), follows and follow requests, club join requests (the owner and admins) and approvals.
 */
public final class NotifyingConsumers {
  public static final String SUBSCRIPTION = "notification";
  static final int BATCH = 100;

  private final Notifier notifier;
  private final Recipients recipients;
  private final int maxFollowers;
  private final int maxClubMembers;

  public NotifyingConsumers(Notifier notifier, Recipients recipients, int maxFollowers, int maxClubMembers) {
    this.notifier = requireNonNull(notifier, "notifier");
    this.recipients = requireNonNull(recipients, "recipients");
    this.maxFollowers = maxFollowers;
    this.maxClubMembers = maxClubMembers;
  }

  /** Consumes in batches of {@value #BATCH}, each key's events in order and different keys at once on {@code workers}. */
  public List<EventSubscription> subscribe(PlatformRuntime runtime, ExecutorService workers) {
    return List.of(
        subscribe(runtime, "training.completed", this::onWorkout, workers),
        subscribe(runtime, "social.kudos_given", this::onKudos, workers),
        subscribe(runtime, "social.commented", this::onComment, workers),
        subscribe(runtime, "social.followed", this::onFollowed, workers),
        subscribe(runtime, "group.join_requested", this::onJoinRequest, workers),
        subscribe(runtime, "group.joined", this::onJoined, workers));
  }

  private static EventSubscription subscribe(PlatformRuntime runtime, String topic, EventHandler handler,
      ExecutorService workers) {
    return runtime.events().subscribeBatches(runtime.subscription(topic, SUBSCRIPTION), BATCH,
        new PerKeyInParallel(handler, workers));
  }

  void onWorkout(Event e) {
    Workout w = e.payload(TrainingCompleted.class).getWorkout();
    if (w.getVisibility() == io.fitmesh.common.v1.Visibility.VISIBILITY_ONLY_ME) {
      return;
    }
    boolean clubs = w.getVisibility() == io.fitmesh.common.v1.Visibility.VISIBILITY_EVERYONE;
    notifier.notify(new Occurrence(e.eventId(), NotificationKind.WORKOUT, w.getWorkoutId(), w.getAthleteId(),
        "workout:" + w.getWorkoutId(), w.getTitle(), e.occurredAt()),
        recipients.ofWorkout(w.getAthleteId(), maxFollowers, clubs, maxClubMembers));
  }

  void onKudos(Event e) {
    SocialKudosGiven k = e.payload(SocialKudosGiven.class);
    notifier.notify(new Occurrence(e.eventId(), NotificationKind.KUDOS, k.getWorkoutId(), k.getGiverId(),
        "workout:" + k.getWorkoutId(), "", e.occurredAt()), List.of(k.getOwnerId()));
  }

  void onComment(Event e) {
    SocialCommented c = e.payload(SocialCommented.class);
    notifier.notify(new Occurrence(e.eventId(), NotificationKind.COMMENT, c.getComment().getCommentId(),
        c.getComment().getAthleteId(), "workout:" + c.getComment().getWorkoutId(), c.getComment().getText(),
        e.occurredAt()), List.of(c.getOwnerId()));
  }

  void onFollowed(Event e) {
    SocialFollowed f = e.payload(SocialFollowed.class);
    NotificationKind kind = f.getState() == FollowState.FOLLOW_STATE_REQUESTED
        ? NotificationKind.FOLLOW_REQUEST : NotificationKind.FOLLOWER;
    notifier.notify(new Occurrence(e.eventId(), kind, f.getFollowerId(), f.getFollowerId(),
        "athlete:" + f.getFollowerId(), "", e.occurredAt()), List.of(f.getFolloweeId()));
  }

  void onJoinRequest(Event e) {
    GroupJoinRequested r = e.payload(GroupJoinRequested.class);
    notifier.notify(new Occurrence(e.eventId(), NotificationKind.CLUB_JOIN_REQUEST,
        r.getClub().getClubId() + "/" + r.getAthleteId(), r.getAthleteId(), "club:" + r.getClub().getClubId(),
        r.getClub().getName(), e.occurredAt()), r.getApproverIdsList());
  }

  void onJoined(Event e) {
    GroupJoined j = e.payload(GroupJoined.class);
    if (j.getApprovedBy().isEmpty()) {
      return;
    }
    notifier.notify(new Occurrence(e.eventId(), NotificationKind.CLUB_JOIN_APPROVED, j.getClub().getClubId(),
        j.getApprovedBy(), "club:" + j.getClub().getClubId(), j.getClub().getName(), e.occurredAt()),
        List.of(j.getAthleteId()));
  }
}
