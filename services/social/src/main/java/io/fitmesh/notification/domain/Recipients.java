package io.fitmesh.notification.domain;

import java.util.Set;

/** Who hears of an athlete's finished workout. */
public interface Recipients {

  /**
   * The athlete's approved followers (none when they have more than {@code maxFollowers}: such an athlete's
   * workouts reach feeds, not phones) and, when {@code clubsToo}, the members of their clubs of at most
   * {@code maxClubMembers}; never the athlete.
   */
  Set<String> ofWorkout(String athleteId, int maxFollowers, boolean clubsToo, int maxClubMembers);
}
