package io.fitmesh.group.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.group.domain.Club;
import io.fitmesh.group.domain.ClubRole;
import io.fitmesh.group.domain.ClubStore;
import io.fitmesh.group.domain.Membership;
import io.fitmesh.group.domain.Page;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** The embedded twin of {@link ScyllaClubStore}; one lock makes each change and its event atomic. */
public final class InMemoryClubStore implements ClubStore {
  private final Map<String, Club> clubs = new HashMap<>();
  private final Map<List<String>, String> requests = new HashMap<>();
  private final Map<String, TreeMap<String, Membership>> members = new HashMap<>();
  private final InMemoryOutboxStore outbox;

  public InMemoryClubStore(InMemoryOutboxStore outbox) {
    this.outbox = requireNonNull(outbox, "outbox");
  }

  @Override
  public synchronized Club create(Club club, String requestId) {
    if (requestId != null) {
      String earlier = requests.putIfAbsent(List.of(club.ownerId(), requestId), club.clubId());
      if (earlier != null) {
        return clubs.get(earlier);
      }
    }
    clubs.put(club.clubId(), club);
    members.computeIfAbsent(club.clubId(), k -> new TreeMap<>()).put(club.ownerId(),
        new Membership(club.clubId(), club.ownerId(), ClubRole.OWNER, false, club.createTime()));
    return club;
  }

  @Override
  public synchronized Optional<Club> get(String clubId) {
    return Optional.ofNullable(clubs.get(clubId));
  }

  @Override
  public synchronized long memberCount(String clubId) {
    return members.getOrDefault(clubId, new TreeMap<>()).values().stream().filter(Membership::isMember).count();
  }

  @Override
  public synchronized Page<Club> clubsOf(String athleteId, String after, int limit) {
    List<Club> mine = clubs.values().stream()
        .filter(c -> membership(c.clubId(), athleteId).filter(Membership::isMember).isPresent())
        .sorted(Comparator.comparing(Club::clubId)).toList();
    return page(mine, Club::clubId, after == null ? c -> true : c -> c.clubId().compareTo(after) > 0, limit);
  }

  @Override
  public synchronized Page<Club> publicClubs(String after, int limit) {
    List<Club> all = clubs.values().stream().filter(c -> !c.privateClub())
        .sorted(Comparator.comparing(InMemoryClubStore::position).reversed()).toList();
    return page(all, InMemoryClubStore::position, after == null ? c -> true : c -> position(c).compareTo(after) < 0,
        limit);
  }

  /** Newest first: zero-padded creation millis, then id. */
  static String position(Club c) {
    return String.format("%015d", c.createTime().toEpochMilli()) + ":" + c.clubId();
  }

  @Override
  public synchronized Optional<Membership> membership(String clubId, String athleteId) {
    return Optional.ofNullable(members.getOrDefault(clubId, new TreeMap<>()).get(athleteId));
  }

  @Override
  public synchronized void put(Membership membership, PendingEvent event) {
    members.computeIfAbsent(membership.clubId(), k -> new TreeMap<>()).put(membership.athleteId(), membership);
    if (event != null) {
      outbox.add(EnvelopeEvent.envelopeOf(event));
    }
  }

  @Override
  public synchronized void remove(String clubId, String athleteId, PendingEvent event) {
    members.getOrDefault(clubId, new TreeMap<>()).remove(athleteId);
    if (event != null) {
      outbox.add(EnvelopeEvent.envelopeOf(event));
    }
  }

  @Override
  public synchronized Page<Membership> members(String clubId, String after, int limit) {
    return memberPage(clubId, Membership::isMember, after, limit);
  }

  @Override
  public synchronized Page<Membership> requests(String clubId, String after, int limit) {
    return memberPage(clubId, m -> !m.isMember(), after, limit);
  }

  @Override
  public synchronized List<String> approvers(String clubId) {
    return members.getOrDefault(clubId, new TreeMap<>()).values().stream()
        .filter(m -> m.isMember() && m.role().approves()).map(Membership::athleteId).toList();
  }

  private Page<Membership> memberPage(String clubId, Predicate<Membership> which, String after, int limit) {
    List<Membership> all = members.getOrDefault(clubId, new TreeMap<>()).values().stream().filter(which).toList();
    return page(all, Membership::athleteId, after == null ? m -> true : m -> m.athleteId().compareTo(after) > 0, limit);
  }

  private static <T> Page<T> page(List<T> all, Function<T, String> position, Predicate<T> after, int limit) {
    List<T> items = new ArrayList<>();
    for (T t : all) {
      if (!after.test(t)) {
        continue;
      }
      if (items.size() == limit) {
        return new Page<>(items, position.apply(items.get(items.size() - 1)));
      }
      items.add(t);
    }
    return new Page<>(items, null);
  }
}
