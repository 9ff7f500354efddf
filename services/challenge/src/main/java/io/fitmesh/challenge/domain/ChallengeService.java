package io.fitmesh.challenge.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Challenges and progress. Participants and scores are durable in the {@link ChallengeStore}; the
 * {@link Leaderboard} follows (at once on join and leave, through challenge.progress for scores). Progress is
 * made only from finished workouts, and a workout counts once per challenge however often it arrives.
 */
public final class ChallengeService {
  private static final int MEMBERSHIP_PAGE = 500;

  private final ClubMembership clubs;
  private final ChallengeStore store;
  private final ChallengeCatalog catalog;
  private final Leaderboard leaderboard;
  private final ChallengeEvents events;
  private final Clock clock;

  public ChallengeService(ChallengeStore store, ChallengeCatalog catalog, Leaderboard leaderboard,
      ChallengeEvents events, ClubMembership clubs, Clock clock) {
    this.clubs = requireNonNull(clubs, "clubs");
    this.store = requireNonNull(store, "store");
    this.catalog = requireNonNull(catalog, "catalog");
    this.leaderboard = requireNonNull(leaderboard, "leaderboard");
    this.events = requireNonNull(events, "events");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Creates a challenge from {@code draft} (its id, creator and create time are replaced). */
  public Challenge create(String creatorId, Challenge draft, String requestId) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Challenge challenge = new Challenge(UUID.randomUUID().toString(), draft.title(), draft.description(),
        draft.goalKind(), draft.goalTarget(), draft.effortDistanceM(), draft.sports(), draft.startDate(),
        draft.endDate(), draft.timeZone(), draft.region(), draft.groupId(), creatorId, now);
    ChallengeRules.check(challenge, now);
    requireMember(challenge, creatorId);
    return store.create(challenge, requestId == null || requestId.isBlank() ? challenge.challengeId() : requestId);
  }

  public Challenge get(String challengeId) {
    return catalog.get(challengeId);
  }

  public ChallengePage list(String athleteId, ChallengeFilter filter, int pageSize, String position) {
    if (filter == ChallengeFilter.JOINED) {
      List<String> ids = store.joinedBy(athleteId, position, pageSize);
      List<Challenge> page = ids.stream().map(catalog::find).flatMap(Optional::stream).toList();
      return new ChallengePage(page, ids.size() == pageSize ? ids.get(ids.size() - 1) : null);
    }
    Instant now = clock.instant();
    ChallengeStore.ChallengePosition after = ChallengePositions.parse(position);
    List<Challenge> page = new ArrayList<>();
    while (page.size() < pageSize) {
      List<ChallengeStore.ChallengePosition> chunk = store.notEnded(now, after, pageSize);
      for (ChallengeStore.ChallengePosition next : chunk) {
        after = next;
        Optional<Challenge> c = catalog.find(next.challengeId());
        if (c.isPresent() && !c.get().isForClub() && (filter == ChallengeFilter.UPCOMING) != c.get().isActive(now)) {
          page.add(c.get());
        }
        if (page.size() == pageSize) {
          return new ChallengePage(page, ChallengePositions.format(after));
        }
      }
      if (chunk.size() < pageSize) {
        break;
      }
    }
    return new ChallengePage(page, null);
  }

  /** The challenges restricted to a club, for its members. */
  public ChallengePage listForClub(String athleteId, String clubId, int pageSize, String position) {
    if (!clubs.isMember(clubId, athleteId)) {
      throw DomainException.permissionDenied("only members see a club's challenges");
    }
    List<String> ids = store.ofGroup(clubId, position, pageSize);
    List<Challenge> page = ids.stream().map(catalog::find).flatMap(Optional::stream).toList();
    return new ChallengePage(page, ids.size() == pageSize ? ids.get(ids.size() - 1) : null);
  }

  /** A challenge restricted to a club takes its members only. */
  private void requireMember(Challenge challenge, String athleteId) {
    if (challenge.isForClub() && !clubs.isMember(challenge.groupId(), athleteId)) {
      throw DomainException.permissionDenied("only members of club " + challenge.groupId() + " take part");
    }
  }

  /**
   * Joins (again: the same standing, announced again). FAILED_PRECONDITION once the challenge has ended. The
   * board says whether the athlete is new (one Redis round trip), so a first join reads nothing from the store;
   * only a repeated join, or one after the end, reads the stored participant.
   */
  public Progress join(String athleteId, String challengeId) {
    Challenge challenge = catalog.get(challengeId);
    requireMember(challenge, athleteId);
    Instant now = clock.instant();
    if (challenge.hasEnded(now)) {
      Participant existing = store.participant(challengeId, athleteId).orElseThrow(() ->
          DomainException.failedPrecondition("challenge " + challengeId + " ended at " + challenge.endTime()));
      return progress(challenge, existing);
    }
    Participant joined = Participant.joined(challengeId, athleteId, now.truncatedTo(ChronoUnit.MILLIS));
    Leaderboard.Placement placement = leaderboard.addIfAbsent(challengeId, athleteId,
        ScoreKey.of(challenge, joined.score()));
    if (!placement.added()) {
      Optional<Participant> existing = store.participant(challengeId, athleteId);
      if (existing.isPresent()) {
        store.join(existing.get(), events.joined(challenge, existing.get()));
        events.flush();
        return progress(challenge, existing.get());
      }
    }
    try {
      store.join(joined, events.joined(challenge, joined));
    } catch (RuntimeException e) {
      if (placement.added()) {
        leaderboard.remove(challengeId, athleteId);
      }
      throw e;
    }
    events.flush();
    return new Progress(challenge, joined, false, placement.rank() + 1, List.of());
  }

  /** Leaves (idempotent): the athlete's contributions and place on the board go. */
  public void leave(String athleteId, String challengeId) {
    catalog.get(challengeId);
    if (store.participant(challengeId, athleteId).isEmpty()) {
      return;
    }
    store.leave(challengeId, athleteId, events.left(challengeId, athleteId));
    events.flush();
    leaderboard.remove(challengeId, athleteId);
  }

  /** The athlete's standing; NOT_FOUND when they have not joined. */
  public Progress progress(String athleteId, String challengeId) {
    Challenge challenge = catalog.get(challengeId);
    return progress(challenge, participantOf(challengeId, athleteId));
  }

  /** The creator lets another participant's flagged workout count; they learn its new score and place only. */
  public ClearedWorkout clearFlagged(String callerId, String challengeId, String athleteId, String workoutId) {
    Challenge challenge = catalog.get(challengeId);
    if (!challenge.creatorId().equals(callerId)) {
      throw DomainException.permissionDenied("only the challenge's creator may clear flagged workouts");
    }
    if (athleteId.equals(callerId)) {
      throw DomainException.permissionDenied("a creator may not clear their own flagged workouts");
    }
    Participant participant = participantOf(challengeId, athleteId);
    List<Contribution> contributions = new ArrayList<>(store.contributions(challengeId, athleteId));
    Contribution flagged = contributions.stream().filter(c -> c.workoutId().equals(workoutId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("workout " + workoutId + " is not in this challenge"));
    Contribution cleared = flagged.clear();
    store.putContribution(challengeId, athleteId, cleared);
    contributions.replaceAll(c -> c.workoutId().equals(workoutId) ? cleared : c);
    Participant updated = rescore(challenge, participant, contributions, workoutId);
    return new ClearedWorkout(challengeId, athleteId, workoutId, updated.score().value(),
        rankOf(challengeId, athleteId));
  }

  /** A finished workout counts in each of the athlete's challenges whose sport, window and region it fits. */
  public void onWorkoutCompleted(FinishedWorkout workout) {
    for (String challengeId : memberships(workout.athleteId())) {
      Optional<Challenge> found = catalog.find(challengeId);
      if (found.isEmpty() || !found.get().accepts(workout)) {
        continue;
      }
      Challenge challenge = found.get();
      OptionalDouble value = Scoring.valueOf(challenge, workout);
      Optional<Participant> participant = store.participant(challengeId, workout.athleteId());
      if (value.isEmpty() || participant.isEmpty()) {
        continue;
      }
      boolean wasCleared = store.contributions(challengeId, workout.athleteId()).stream()
          .anyMatch(c -> c.workoutId().equals(workout.workoutId()) && c.cleared());
      store.putContribution(challengeId, workout.athleteId(), new Contribution(workout.workoutId(),
          value.getAsDouble(), workout.distanceM(), workout.endTime(), workout.flags(), wasCleared));
      // Read back: a workout deleted before its completion arrived is not in the store, so it does not count.
      rescore(challenge, participant.get(), store.contributions(challengeId, workout.athleteId()), workout.workoutId());
    }
  }

  /**
   * A deleted workout's contributions are taken back out, and kept out in every challenge of the athlete: a
   * completion of it that arrives later (redelivered, or the topics out of order) does not count.
   */
  public void onWorkoutDeleted(String athleteId, String workoutId) {
    for (String challengeId : memberships(athleteId)) {
      boolean counted = store.contributions(challengeId, athleteId).stream()
          .anyMatch(c -> c.workoutId().equals(workoutId));
      store.removeContribution(challengeId, athleteId, workoutId);
      Optional<Challenge> challenge = catalog.find(challengeId);
      Optional<Participant> participant = store.participant(challengeId, athleteId);
      if (counted && challenge.isPresent() && participant.isPresent()) {
        rescore(challenge.get(), participant.get(), store.contributions(challengeId, athleteId), workoutId);
      }
    }
  }

  private Participant rescore(Challenge challenge, Participant participant, List<Contribution> contributions,
      String workoutId) {
    Participant updated = participant.withScore(
        Scoring.score(challenge.goalKind(), contributions, participant.joinTime()));
    store.saveScore(updated, events.progressed(new ProgressUpdate(challenge, updated, workoutId,
        Scoring.goalReached(challenge, updated.score()), rankWith(challenge, participant, updated),
        Scoring.countedDistanceM(contributions))));
    events.flush();
    return updated;
  }

  /**
   * The place the new score gives the athlete: one more than the board's entries above it (the athlete's own
   * old entry among them when the score went down). 0 when the board cannot answer now: the rank is extra
   * information for statistics, the score is what must not be lost.
   */
  private long rankWith(Challenge challenge, Participant before, Participant after) {
    double oldKey = ScoreKey.of(challenge, before.score());
    double newKey = ScoreKey.of(challenge, after.score());
    try {
      return leaderboard.countAbove(challenge.challengeId(), newKey) + 1 - (oldKey > newKey ? 1 : 0);
    } catch (DomainException e) {
      if (e.kind() != DomainException.Kind.UNAVAILABLE) {
        throw e;
      }
      return 0;
    }
  }

  private List<String> memberships(String athleteId) {
    List<String> all = new ArrayList<>();
    List<String> page;
    String after = null;
    do {
      page = store.joinedBy(athleteId, after, MEMBERSHIP_PAGE);
      all.addAll(page);
      after = page.isEmpty() ? null : page.get(page.size() - 1);
    } while (page.size() == MEMBERSHIP_PAGE);
    return all;
  }

  private Participant participantOf(String challengeId, String athleteId) {
    return store.participant(challengeId, athleteId).orElseThrow(
        () -> DomainException.notFound("athlete " + athleteId + " has not joined challenge " + challengeId));
  }

  private Progress progress(Challenge challenge, Participant participant) {
    List<Contribution> workouts = store.contributions(challenge.challengeId(), participant.athleteId()).stream()
        .sorted(Comparator.comparing(Contribution::endTime)).toList();
    return new Progress(challenge, participant, Scoring.goalReached(challenge, participant.score()),
        rankOf(challenge.challengeId(), participant.athleteId()), workouts);
  }

  private long rankOf(String challengeId, String athleteId) {
    OptionalLong rank = leaderboard.rank(challengeId, athleteId);
    return rank.isPresent() ? rank.getAsLong() + 1 : 0;
  }
}
