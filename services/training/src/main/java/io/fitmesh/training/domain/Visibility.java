package io.fitmesh.training.domain;

/**
 * Who may see a workout. Until the follow graph exists (social scenario), FOLLOWERS is visible to the owner
 * only, like ONLY_ME.
 */
public enum Visibility {
  EVERYONE,
  FOLLOWERS,
  ONLY_ME
}
