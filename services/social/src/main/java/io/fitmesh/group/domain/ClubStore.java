package io.fitmesh.group.domain;

import io.fitmesh.platform.domain.PendingEvent;
import java.util.List;
import java.util.Optional;

/** Clubs, their members and requests, and each athlete's clubs. Failures are UNAVAILABLE domain exceptions. */
public interface ClubStore {

  /**
   * Stores a new club with its owner as first member, unless the owner created one with this request id before;
   * returns the club stored for it.
   */
  Club create(Club club, String requestId);

  Optional<Club> get(String clubId);

  /** Members now. */
  long memberCount(String clubId);

  /** The athlete's clubs (member, not requested), by club id. */
  Page<Club> clubsOf(String athleteId, String after, int limit);

  /** All public clubs, newest first. */
  Page<Club> publicClubs(String after, int limit);

  Optional<Membership> membership(String clubId, String athleteId);

  /** Stores a membership or a request, and its event when there is one, atomically. */
  void put(Membership membership, PendingEvent event);

  /** Removes a membership or a request (idempotent), and stores its event when there is one. */
  void remove(String clubId, String athleteId, PendingEvent event);

  /** Members by athlete id (not requests). */
  Page<Membership> members(String clubId, String after, int limit);

  /** Pending requests by athlete id. */
  Page<Membership> requests(String clubId, String after, int limit);

  /** The owner and admins. */
  List<String> approvers(String clubId);
}
