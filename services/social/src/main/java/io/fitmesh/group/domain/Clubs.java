package io.fitmesh.group.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.cache.ExpiringCache;
import io.fitmesh.platform.errors.DomainException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Clubs as athletes use them: create (the creator owns it), join (a public club at once, a private one by a
 * request the owner or an admin approves), leave (not the owner), members and requests, roles, the club feed
 * (members' workouts, read by pull) and weekly stats in the club's zone (cached for a minute). A private club's
 * members, feed and stats are for its members only.
 */
public final class Clubs {
  static final int MAX_NAME = 100;
  static final int MAX_DESCRIPTION = 2000;
  static final Duration STATS_FRESHNESS = Duration.ofMinutes(1);
  private static final java.util.regex.Pattern TIME_POSITION = java.util.regex.Pattern.compile("\\d{15}:[A-Za-z0-9_-]{1,64}");

  private final ClubStore store;
  private final ClubActivityStore activity;
  private final GroupEvents events;
  private final Clock clock;
  private final ExpiringCache<String, List<ClubWeek>> stats;

  public Clubs(ClubStore store, ClubActivityStore activity, GroupEvents events, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.activity = requireNonNull(activity, "activity");
    this.events = requireNonNull(events, "events");
    this.clock = requireNonNull(clock, "clock");
    this.stats = new ExpiringCache<>(STATS_FRESHNESS, 10_000, clock);
  }

  /** Creates a club owned by the caller; idempotent on the request id. */
  public Club create(String ownerId, Club draft, String requestId) {
    String name = draft.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw DomainException.invalidArgument("club.name", "a club's name is 1.." + MAX_NAME + " characters");
    }
    if (draft.description().length() > MAX_DESCRIPTION) {
      throw DomainException.invalidArgument("club.description", "a description is at most " + MAX_DESCRIPTION
          + " characters");
    }
    if (requestId != null && requestId.length() > 64) {
      throw DomainException.invalidArgument("request_id", "request_id is at most 64 characters");
    }
    Club club = new Club(UUID.randomUUID().toString(), name, draft.description(), draft.sport(), draft.privateClub(),
        ownerId, draft.timeZone(), clock.instant());
    return store.create(club, requestId == null || requestId.isEmpty() ? null : requestId);
  }

  public ClubView get(String callerId, String clubId) {
    Club club = club(clubId);
    return new ClubView(club, store.memberCount(clubId), store.membership(clubId, callerId));
  }

  public Page<Club> mine(String callerId, String after, int limit) {
    return store.clubsOf(callerId, after, limit);
  }

  public Page<Club> publicClubs(String after, int limit) {
    return store.publicClubs(checkedPosition(after), limit);
  }

  /** Joins, or asks to join a private club; returns the caller's membership (idempotent). */
  public Membership join(String athleteId, String clubId) {
    Club club = club(clubId);
    Optional<Membership> now = store.membership(clubId, athleteId);
    if (now.isPresent()) {
      return now.get();
    }
    Membership joined = new Membership(clubId, athleteId, ClubRole.MEMBER, club.privateClub(), clock.instant());
    store.put(joined, club.privateClub()
        ? events.joinRequested(club, athleteId, store.approvers(clubId)) : events.joined(club, athleteId, ""));
    events.flush();
    return joined;
  }

  public void leave(String athleteId, String clubId) {
    Club club = club(clubId);
    Optional<Membership> now = store.membership(clubId, athleteId);
    if (now.isEmpty()) {
      return;
    }
    if (now.get().role() == ClubRole.OWNER) {
      throw DomainException.failedPrecondition("the owner cannot leave their club");
    }
    store.remove(clubId, athleteId, now.get().isMember() ? events.left(club, athleteId) : null);
    events.flush();
  }

  public Page<Membership> members(String callerId, String clubId, String after, int limit) {
    readable(callerId, club(clubId));
    return store.members(clubId, after, limit);
  }

  public Page<Membership> requests(String callerId, String clubId, String after, int limit) {
    approver(callerId, club(clubId));
    return store.requests(clubId, after, limit);
  }

  /** Approves or declines a request (owner and admins); NOT_FOUND without one. */
  public Optional<Membership> respond(String callerId, String clubId, String athleteId, boolean approve) {
    Club club = club(clubId);
    approver(callerId, club);
    Membership request = store.membership(clubId, athleteId)
        .orElseThrow(() -> DomainException.notFound("no request of " + athleteId + " to join"));
    if (request.isMember()) {
      return Optional.of(request);
    }
    if (!approve) {
      store.remove(clubId, athleteId, null);
      return Optional.empty();
    }
    Membership member = new Membership(clubId, athleteId, ClubRole.MEMBER, false, clock.instant());
    store.put(member, events.joined(club, athleteId, callerId));
    events.flush();
    return Optional.of(member);
  }

  /** Makes a member an admin or a member again (owner only). */
  public Membership setRole(String callerId, String clubId, String athleteId, ClubRole role) {
    Club club = club(clubId);
    if (!club.ownerId().equals(callerId)) {
      throw DomainException.permissionDenied("only the owner names admins");
    }
    if (role == ClubRole.OWNER) {
      throw DomainException.invalidArgument("role", "a club has one owner");
    }
    Membership member = store.membership(clubId, athleteId).filter(Membership::isMember)
        .orElseThrow(() -> DomainException.notFound("no member " + athleteId));
    if (member.role() == ClubRole.OWNER) {
      throw DomainException.failedPrecondition("the owner stays the owner");
    }
    Membership changed = new Membership(clubId, athleteId, role, false, member.since());
    store.put(changed, null);
    return changed;
  }

  /** Whether the athlete is a member, and their role. */
  public Optional<Membership> membership(String clubId, String athleteId) {
    club(clubId);
    return store.membership(clubId, athleteId);
  }

  /** Workout ids of the club feed, newest first (the caller's reader filters what the viewer may see). */
  public Page<String> feed(String callerId, String clubId, String after, int limit) {
    readable(callerId, club(clubId));
    return activity.feed(clubId, checkedPosition(after), limit);
  }

  /** This and last week in the club's zone, with the top {@code leaders} members by distance. */
  public List<ClubWeek> stats(String callerId, String clubId, int leaders) {
    Club club = club(clubId);
    readable(callerId, club);
    LocalDate monday = LocalDate.now(clock.withZone(club.timeZone()))
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<ClubWeek> weeks = stats.get(clubId + "|" + monday, k -> List.of(week(clubId, monday),
        week(clubId, monday.minusWeeks(1))));
    return weeks.stream().map(w -> new ClubWeek(w.weekStart(), w.distanceM(), w.movingS(), w.elevationGainM(),
        w.workouts(), w.activeMembers(), w.leaders().subList(0, Math.min(leaders, w.leaders().size())))).toList();
  }

  private ClubWeek week(String clubId, LocalDate monday) {
    Map<String, double[]> perAthlete = new HashMap<>();
    double distance = 0;
    double moving = 0;
    double elevation = 0;
    long workouts = 0;
    for (ClubWorkout w : activity.week(clubId, monday)) {
      if (!w.counted()) {
        continue;
      }
      double[] t = perAthlete.computeIfAbsent(w.athleteId(), k -> new double[4]);
      t[0] += w.distanceM();
      t[1] += w.movingS();
      t[2] += w.elevationGainM();
      t[3]++;
      distance += w.distanceM();
      moving += w.movingS();
      elevation += w.elevationGainM();
      workouts++;
    }
    List<Map.Entry<String, double[]>> ranked = new ArrayList<>(perAthlete.entrySet());
    ranked.sort(Comparator.comparing((Map.Entry<String, double[]> e) -> -e.getValue()[0])
        .thenComparing(Map.Entry::getKey));
    List<ClubWeek.Leader> leaders = new ArrayList<>();
    for (int i = 0; i < Math.min(ranked.size(), 100); i++) {
      double[] t = ranked.get(i).getValue();
      leaders.add(new ClubWeek.Leader(ranked.get(i).getKey(), t[0], t[1], t[2], (long) t[3], i + 1));
    }
    return new ClubWeek(monday, distance, moving, elevation, workouts, perAthlete.size(), leaders);
  }

  /** A time-ordered position (millis and id) from a previous page; INVALID_ARGUMENT for anything else. */
  private static String checkedPosition(String after) {
    if (after != null && !TIME_POSITION.matcher(after).matches()) {
      throw DomainException.invalidArgument("page_token", "page_token is not one this API returned");
    }
    return after;
  }

  private Club club(String clubId) {
    if (clubId == null || clubId.isEmpty() || clubId.length() > 64) {
      throw DomainException.invalidArgument("club_id", "club_id is 1..64 characters");
    }
    return store.get(clubId).orElseThrow(() -> DomainException.notFound("no club " + clubId));
  }

  private void readable(String callerId, Club club) {
    if (club.privateClub() && store.membership(club.clubId(), callerId).filter(Membership::isMember).isEmpty()) {
      throw DomainException.permissionDenied("only members see a private club's members, feed and stats");
    }
  }

  private void approver(String callerId, Club club) {
    if (store.membership(club.clubId(), callerId).filter(m -> m.isMember() && m.role().approves()).isEmpty()) {
      throw DomainException.permissionDenied("only the owner and admins answer join requests");
    }
  }
}
