package io.fitmesh.group.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.group.codec.GroupProtos;
import io.fitmesh.group.domain.Club;
import io.fitmesh.group.domain.ClubRole;
import io.fitmesh.group.domain.ClubStore;
import io.fitmesh.group.domain.Membership;
import io.fitmesh.group.domain.Page;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Clubs in CQL (keyspace fitmesh_group): {@code clubs}, members in {@code club_members} (one partition per club)
 * and {@code athlete_clubs}, counts in {@code club_counts}, public clubs newest first in one partition. A
 * membership change and its event are one LOGGED batch; the counter follows after it, on a change only.
 */
public final class ScyllaClubStore implements ClubStore {
  private static final int PUBLIC_SHARD = 0;

  private final CqlSession session;
  private final ScyllaOutboxStore outbox;
  private final PreparedStatement insertClub;
  private final PreparedStatement insertRequest;
  private final PreparedStatement selectRequest;
  private final PreparedStatement insertPublic;
  private final PreparedStatement selectClub;
  private final PreparedStatement selectCount;
  private final PreparedStatement count;
  private final PreparedStatement clubsOfFirst;
  private final PreparedStatement clubsOfAfter;
  private final PreparedStatement publicFirst;
  private final PreparedStatement publicAfter;
  private final PreparedStatement selectMember;
  private final PreparedStatement insertMember;
  private final PreparedStatement insertAthleteClub;
  private final PreparedStatement deleteMember;
  private final PreparedStatement deleteAthleteClub;
  private final PreparedStatement membersFirst;
  private final PreparedStatement membersAfter;

  public ScyllaClubStore(CqlSession session, String keyspace, ScyllaOutboxStore outbox) {
    this.session = requireNonNull(session, "session");
    this.outbox = requireNonNull(outbox, "outbox");
    String ks = keyspace + ".";
    insertClub = session.prepare("INSERT INTO " + ks + "clubs (club_id, data) VALUES (?, ?)");
    insertRequest = session.prepare("INSERT INTO " + ks
        + "club_requests (owner_id, request_id, club_id) VALUES (?, ?, ?) IF NOT EXISTS");
    selectRequest = session.prepare("SELECT club_id FROM " + ks + "club_requests WHERE owner_id = ? AND request_id = ?");
    insertPublic = session.prepare("INSERT INTO " + ks + "public_clubs (shard, create_time, club_id) VALUES (?, ?, ?)");
    selectClub = session.prepare("SELECT data FROM " + ks + "clubs WHERE club_id = ?");
    selectCount = session.prepare("SELECT members FROM " + ks + "club_counts WHERE club_id = ?");
    count = session.prepare("UPDATE " + ks + "club_counts SET members = members + ? WHERE club_id = ?");
    clubsOfFirst = session.prepare("SELECT club_id FROM " + ks + "athlete_clubs WHERE athlete_id = ? LIMIT ?");
    clubsOfAfter = session.prepare("SELECT club_id FROM " + ks
        + "athlete_clubs WHERE athlete_id = ? AND club_id > ? LIMIT ?");
    publicFirst = session.prepare("SELECT create_time, club_id FROM " + ks + "public_clubs WHERE shard = ? LIMIT ?");
    publicAfter = session.prepare("SELECT create_time, club_id FROM " + ks
        + "public_clubs WHERE shard = ? AND (create_time, club_id) < (?, ?) LIMIT ?");
    selectMember = session.prepare("SELECT athlete_id, role, requested, since FROM " + ks
        + "club_members WHERE club_id = ? AND athlete_id = ?");
    insertMember = session.prepare("INSERT INTO " + ks
        + "club_members (club_id, athlete_id, role, requested, since) VALUES (?, ?, ?, ?, ?)");
    insertAthleteClub = session.prepare("INSERT INTO " + ks + "athlete_clubs (athlete_id, club_id) VALUES (?, ?)");
    deleteMember = session.prepare("DELETE FROM " + ks + "club_members WHERE club_id = ? AND athlete_id = ?");
    deleteAthleteClub = session.prepare("DELETE FROM " + ks + "athlete_clubs WHERE athlete_id = ? AND club_id = ?");
    membersFirst = session.prepare("SELECT athlete_id, role, requested, since FROM " + ks
        + "club_members WHERE club_id = ? LIMIT ?");
    membersAfter = session.prepare("SELECT athlete_id, role, requested, since FROM " + ks
        + "club_members WHERE club_id = ? AND athlete_id > ? LIMIT ?");
  }

  @Override
  public Club create(Club club, String requestId) {
    return call(() -> {
      if (requestId != null && !session.execute(insertRequest.bind(club.ownerId(), requestId, club.clubId()))
          .wasApplied()) {
        String earlier = session.execute(selectRequest.bind(club.ownerId(), requestId)).one().getString("club_id");
        Optional<Club> stored = get(earlier);
        if (stored.isPresent()) {
          return stored.get();
        }
        // The first attempt took the request id but failed before its club was stored: store it now, as it.
        return store(new Club(earlier, club.name(), club.description(), club.sport(), club.privateClub(),
            club.ownerId(), club.timeZone(), club.createTime()));
      }
      return store(club);
    });
  }

  private Club store(Club club) {
    BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED)
        .addStatement(insertClub.bind(club.clubId(), ByteBuffer.wrap(GroupProtos.toProto(club, 0).toByteArray())))
        .addStatement(insertMember.bind(club.clubId(), club.ownerId(), ClubRole.OWNER.name(), false, club.createTime()))
        .addStatement(insertAthleteClub.bind(club.ownerId(), club.clubId()));
    if (!club.privateClub()) {
      batch.addStatement(insertPublic.bind(PUBLIC_SHARD, club.createTime(), club.clubId()));
    }
    Optional<Membership> owner = membership(club.clubId(), club.ownerId());
    session.execute(batch.build());
    if (owner.isEmpty()) {
      session.execute(count.bind(1L, club.clubId()));
    }
    return club;
  }

  @Override
  public Optional<Club> get(String clubId) {
    return call(() -> {
      Row row = session.execute(selectClub.bind(clubId)).one();
      return row == null ? Optional.empty() : Optional.of(parse(row.getByteBuffer("data")));
    });
  }

  @Override
  public long memberCount(String clubId) {
    return call(() -> {
      Row row = session.execute(selectCount.bind(clubId)).one();
      return row == null ? 0 : Math.max(0, row.getLong("members"));
    });
  }

  @Override
  public Page<Club> clubsOf(String athleteId, String after, int limit) {
    return call(() -> {
      List<Club> items = new ArrayList<>();
      boolean more = false;
      for (Row row : session.execute(after == null ? clubsOfFirst.bind(athleteId, limit + 1)
          : clubsOfAfter.bind(athleteId, after, limit + 1))) {
        if (items.size() == limit) {
          more = true;
          break;
        }
        get(row.getString("club_id")).ifPresent(items::add);
      }
      return new Page<>(items, more ? items.get(items.size() - 1).clubId() : null);
    });
  }

  @Override
  public Page<Club> publicClubs(String after, int limit) {
    return call(() -> {
      BoundStatement query;
      if (after == null) {
        query = publicFirst.bind(PUBLIC_SHARD, limit + 1);
      } else {
        int colon = after.indexOf(':');
        query = publicAfter.bind(PUBLIC_SHARD, Instant.ofEpochMilli(Long.parseLong(after.substring(0, colon))),
            after.substring(colon + 1), limit + 1);
      }
      List<Club> items = new ArrayList<>();
      boolean more = false;
      for (Row row : session.execute(query)) {
        if (items.size() == limit) {
          more = true;
          break;
        }
        get(row.getString("club_id")).ifPresent(items::add);
      }
      return new Page<>(items, more ? InMemoryClubStore.position(items.get(items.size() - 1)) : null);
    });
  }

  @Override
  public Optional<Membership> membership(String clubId, String athleteId) {
    return call(() -> Optional.ofNullable(session.execute(selectMember.bind(clubId, athleteId)).one())
        .map(row -> member(clubId, row)));
  }

  @Override
  public void put(Membership m, PendingEvent event) {
    call(() -> {
      Optional<Membership> before = membership(m.clubId(), m.athleteId());
      BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED)
          .addStatement(insertMember.bind(m.clubId(), m.athleteId(), m.role().name(), m.requested(), m.since()));
      if (m.isMember()) {
        batch.addStatement(insertAthleteClub.bind(m.athleteId(), m.clubId()));
      }
      if (event != null) {
        batch.addStatement(outbox.insert(EnvelopeEvent.envelopeOf(event)));
      }
      session.execute(batch.build());
      if (m.isMember() && before.filter(Membership::isMember).isEmpty()) {
        session.execute(count.bind(1L, m.clubId()));
      }
      return null;
    });
  }

  @Override
  public void remove(String clubId, String athleteId, PendingEvent event) {
    call(() -> {
      Optional<Membership> before = membership(clubId, athleteId);
      BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED)
          .addStatement(deleteMember.bind(clubId, athleteId))
          .addStatement(deleteAthleteClub.bind(athleteId, clubId));
      if (event != null) {
        batch.addStatement(outbox.insert(EnvelopeEvent.envelopeOf(event)));
      }
      session.execute(batch.build());
      if (before.filter(Membership::isMember).isPresent()) {
        session.execute(count.bind(-1L, clubId));
      }
      return null;
    });
  }

  @Override
  public Page<Membership> members(String clubId, String after, int limit) {
    return memberPage(clubId, after, limit, false);
  }

  @Override
  public Page<Membership> requests(String clubId, String after, int limit) {
    return memberPage(clubId, after, limit, true);
  }

  @Override
  public List<String> approvers(String clubId) {
    List<String> approvers = new ArrayList<>();
    String position = null;
    do {
      Page<Membership> page = members(clubId, position, 1000);
      page.items().stream().filter(m -> m.role().approves()).forEach(m -> approvers.add(m.athleteId()));
      position = page.next();
    } while (position != null);
    return approvers;
  }

  /** Members or requests of a club by athlete id, filtering the one partition as it is read. */
  private Page<Membership> memberPage(String clubId, String after, int limit, boolean requested) {
    return call(() -> {
      List<Membership> items = new ArrayList<>();
      String position = after;
      while (true) {
        int read = 0;
        for (Row row : session.execute(position == null ? membersFirst.bind(clubId, 500)
            : membersAfter.bind(clubId, position, 500))) {
          read++;
          position = row.getString("athlete_id");
          Membership m = member(clubId, row);
          if (m.requested() != requested) {
            continue;
          }
          if (items.size() == limit) {
            return new Page<>(items, items.get(items.size() - 1).athleteId());
          }
          items.add(m);
        }
        if (read < 500) {
          return new Page<>(items, null);
        }
      }
    });
  }

  private static Membership member(String clubId, Row row) {
    return new Membership(clubId, row.getString("athlete_id"), ClubRole.valueOf(row.getString("role")),
        row.getBoolean("requested"), row.getInstant("since"));
  }

  private static Club parse(ByteBuffer data) {
    try {
      return GroupProtos.toDomain(io.fitmesh.group.v1.Club.parseFrom(data));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored club is not a Club message", e);
    }
  }

  private static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DomainException.unavailable("clubs unavailable", e);
    }
  }
}
