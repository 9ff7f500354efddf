package io.fitmesh.group.domain;

import io.fitmesh.platform.domain.PendingEvent;
import java.util.List;

/** The events clubs announce; stored with their change (outbox) and published after. */
public interface GroupEvents {

  /** group.join_requested, to the owner and admins. */
  PendingEvent joinRequested(Club club, String athleteId, List<String> approverIds);

  /** group.joined: a public club joined, or a request approved by {@code approvedBy} (empty when public). */
  PendingEvent joined(Club club, String athleteId, String approvedBy);

  /** group.left. */
  PendingEvent left(Club club, String athleteId);

  void flush();
}
