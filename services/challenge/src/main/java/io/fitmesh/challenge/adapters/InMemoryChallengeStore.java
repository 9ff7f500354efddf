package io.fitmesh.challenge.adapters;

import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.challenge.domain.Challenge;
import io.fitmesh.challenge.domain.ChallengeStore;
import io.fitmesh.challenge.domain.Contribution;
import io.fitmesh.challenge.domain.Participant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/** The challenge store of embedded mode and unit tests; lost on exit. */
public final class InMemoryChallengeStore implements ChallengeStore {
  private static final Comparator<Challenge> BY_END =
      Comparator.comparing(Challenge::endTime).thenComparing(Challenge::challengeId);

  private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
  private final Map<String, String> requests = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Participant>> participants = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentSkipListMap<String, Boolean>> memberships = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Contribution>> contributions = new ConcurrentHashMap<>();
  private final java.util.Set<String> removed = ConcurrentHashMap.newKeySet();
  private final InMemoryOutboxStore outbox;

  public InMemoryChallengeStore(InMemoryOutboxStore outbox) {
    this.outbox = outbox;
  }

  @Override
  public synchronized Challenge create(Challenge challenge, String requestId) {
    String existing = requests.putIfAbsent(challenge.creatorId() + "/" + requestId, challenge.challengeId());
    if (existing != null) {
      return challenges.get(existing);
    }
    challenges.put(challenge.challengeId(), challenge);
    return challenge;
  }

  @Override
  public synchronized List<String> ofGroup(String groupId, String afterId, int limit) {
    return challenges.values().stream().filter(c -> groupId.equals(c.groupId())).map(Challenge::challengeId)
        .filter(id -> afterId == null || id.compareTo(afterId) > 0).sorted().limit(limit).toList();
  }

  @Override
  public Optional<Challenge> challenge(String challengeId) {
    return Optional.ofNullable(challenges.get(challengeId));
  }

  @Override
  public List<ChallengePosition> notEnded(Instant now, ChallengePosition after, int limit) {
    return challenges.values().stream()
        .filter(c -> c.endTime().isAfter(now))
        .filter(c -> after == null || isAfter(c, after))
        .sorted(BY_END).limit(limit)
        .map(c -> new ChallengePosition(c.endTime(), c.challengeId())).toList();
  }

  private static boolean isAfter(Challenge c, ChallengePosition p) {
    int byEnd = c.endTime().compareTo(p.endTime());
    return byEnd > 0 || (byEnd == 0 && c.challengeId().compareTo(p.challengeId()) > 0);
  }

  @Override
  public List<String> joinedBy(String athleteId, String afterId, int limit) {
    ConcurrentSkipListMap<String, Boolean> joined = memberships.get(athleteId);
    if (joined == null) {
      return List.of();
    }
    var tail = afterId == null ? joined : joined.tailMap(afterId, false);
    return tail.keySet().stream().limit(limit).toList();
  }

  @Override
  public Optional<Participant> participant(String challengeId, String athleteId) {
    return Optional.ofNullable(participants.getOrDefault(challengeId, Map.of()).get(athleteId));
  }

  @Override
  public synchronized void join(Participant p, PendingEvent joined) {
    participants.computeIfAbsent(p.challengeId(), id -> new ConcurrentHashMap<>()).putIfAbsent(p.athleteId(), p);
    memberships.computeIfAbsent(p.athleteId(), id -> new ConcurrentSkipListMap<>()).put(p.challengeId(), true);
    outbox.add(EnvelopeEvent.envelopeOf(joined));
  }

  @Override
  public synchronized void leave(String challengeId, String athleteId, PendingEvent left) {
    participants.getOrDefault(challengeId, new ConcurrentHashMap<>()).remove(athleteId);
    memberships.getOrDefault(athleteId, new ConcurrentSkipListMap<>()).remove(challengeId);
    contributions.remove(challengeId + "/" + athleteId);
    outbox.add(EnvelopeEvent.envelopeOf(left));
  }

  @Override
  public synchronized void saveScore(Participant p, PendingEvent progressed) {
    participants.computeIfAbsent(p.challengeId(), id -> new ConcurrentHashMap<>()).put(p.athleteId(), p);
    outbox.add(EnvelopeEvent.envelopeOf(progressed));
  }

  @Override
  public List<Contribution> contributions(String challengeId, String athleteId) {
    return new ArrayList<>(contributions.getOrDefault(challengeId + "/" + athleteId, Map.of()).values());
  }

  @Override
  public synchronized void putContribution(String challengeId, String athleteId, Contribution contribution) {
    if (!removed.contains(challengeId + "/" + athleteId + "/" + contribution.workoutId())) {
      contributions.computeIfAbsent(challengeId + "/" + athleteId, k -> new ConcurrentHashMap<>())
          .put(contribution.workoutId(), contribution);
    }
  }

  @Override
  public synchronized void removeContribution(String challengeId, String athleteId, String workoutId) {
    removed.add(challengeId + "/" + athleteId + "/" + workoutId);
    contributions.getOrDefault(challengeId + "/" + athleteId, new ConcurrentHashMap<>()).remove(workoutId);
  }

  @Override
  public void forEachParticipant(String challengeId, Consumer<Participant> sink) {
    participants.getOrDefault(challengeId, Map.of()).values().forEach(sink);
  }
}
