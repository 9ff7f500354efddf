package io.fitmesh.social.adapters;

import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.social.domain.ActivityStore;
import io.fitmesh.social.domain.GraphStore;
import io.fitmesh.social.domain.ProfileStore;
import io.fitmesh.social.domain.Timelines;

class InMemorySocialStoresTest extends SocialStoresContract {
  private final InMemoryOutboxStore outbox = new InMemoryOutboxStore();
  private final InMemoryGraphStore graph = new InMemoryGraphStore(outbox);
  private final InMemoryProfileStore profiles = new InMemoryProfileStore();
  private final InMemoryActivityStore activities = new InMemoryActivityStore(outbox);
  private final InMemoryTimelines timelines = new InMemoryTimelines(CAP);

  @Override
  GraphStore graph() {
    return graph;
  }

  @Override
  ProfileStore profiles() {
    return profiles;
  }

  @Override
  ActivityStore activities() {
    return activities;
  }

  @Override
  Timelines timelines() {
    return timelines;
  }

  @Override
  OutboxStore outbox() {
    return outbox;
  }
}
