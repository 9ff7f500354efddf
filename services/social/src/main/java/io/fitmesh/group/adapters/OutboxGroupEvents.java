package io.fitmesh.group.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.group.codec.GroupProtos;
import io.fitmesh.group.domain.Club;
import io.fitmesh.group.domain.GroupEvents;
import io.fitmesh.group.v1.GroupJoinRequested;
import io.fitmesh.group.v1.GroupJoined;
import io.fitmesh.group.v1.GroupLeft;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.OutboxRelay;
import io.fitmesh.platform.grpc.ProtoTime;
import java.time.Clock;
import java.util.List;

/** group.join_requested, group.joined and group.left, keyed by club, sent through the outbox relay. */
public final class OutboxGroupEvents implements GroupEvents {
  public static final String JOIN_REQUESTED = "group.join_requested";
  public static final String JOINED = "group.joined";
  public static final String LEFT = "group.left";

  private final EventBus bus;
  private final OutboxRelay relay;
  private final Clock clock;

  public OutboxGroupEvents(EventBus bus, OutboxRelay relay, Clock clock) {
    this.bus = requireNonNull(bus, "bus");
    this.relay = requireNonNull(relay, "relay");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public PendingEvent joinRequested(Club club, String athleteId, List<String> approverIds) {
    return new EnvelopeEvent(bus.envelope(JOIN_REQUESTED, club.clubId(), GroupJoinRequested.newBuilder()
        .setClub(GroupProtos.toProto(club, 0)).setAthleteId(athleteId).addAllApproverIds(approverIds)
        .setTime(ProtoTime.toTimestamp(clock.instant())).build()));
  }

  @Override
  public PendingEvent joined(Club club, String athleteId, String approvedBy) {
    return new EnvelopeEvent(bus.envelope(JOINED, club.clubId(), GroupJoined.newBuilder()
        .setClub(GroupProtos.toProto(club, 0)).setAthleteId(athleteId).setApprovedBy(approvedBy)
        .setTime(ProtoTime.toTimestamp(clock.instant())).build()));
  }

  @Override
  public PendingEvent left(Club club, String athleteId) {
    return new EnvelopeEvent(bus.envelope(LEFT, club.clubId(), GroupLeft.newBuilder().setClubId(club.clubId())
        .setAthleteId(athleteId).build()));
  }

  @Override
  public void flush() {
    relay.nudge();
  }
}
