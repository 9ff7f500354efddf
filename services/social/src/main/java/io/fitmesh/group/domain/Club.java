package io.fitmesh.group.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A club.
 *
 * @param sport the sport's name as training names it (RUN, RIDE, ...), or empty for any
 * @param timeZone the zone its weeks are counted in
 */
public record Club(String clubId, String name, String description, String sport, boolean privateClub,
    String ownerId, ZoneId timeZone, Instant createTime) {

  public Club {
    requireNonNull(clubId, "clubId");
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(sport, "sport");
    requireNonNull(ownerId, "ownerId");
    requireNonNull(timeZone, "timeZone");
    requireNonNull(createTime, "createTime");
  }
}
