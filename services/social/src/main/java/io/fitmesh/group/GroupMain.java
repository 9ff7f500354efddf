package io.fitmesh.group;

import io.fitmesh.platform.server.StandaloneService;

/** Runs the group deployable as its own process; see {@link StandaloneService} for its settings. */
public final class GroupMain {
  private GroupMain() {}

  public static void main(String[] args) {
    StandaloneService.run(GroupDeployable.NAME, GroupDeployable::new);
  }
}
