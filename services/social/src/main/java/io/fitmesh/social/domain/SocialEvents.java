package io.fitmesh.social.domain;

import io.fitmesh.platform.domain.PendingEvent;

/** The events social announces; stored with their change (outbox) and published after. */
public interface SocialEvents {

  /** social.followed: a new follower or a request. */
  PendingEvent followed(Follow follow);

  /** social.kudos_given. */
  PendingEvent kudosGiven(Activity activity, String giverId, java.time.Instant at);

  /** social.commented. */
  PendingEvent commented(Activity activity, Comment comment);

  /** Asks for the stored events to be published now. */
  void flush();
}
