package io.fitmesh.training.domain;

import io.fitmesh.platform.geo.PrivacyZone;
import java.util.List;

/** What training asks the social graph before it shows a workout to anyone but its athlete. */
public interface SocialGraph {

  /** How the viewer stands towards the owner (may be a few seconds stale). */
  Relationship relationship(String viewerId, String ownerId);

  /** The owner's privacy zones (may be a few seconds stale). */
  List<PrivacyZone> privacyZones(String ownerId);

  /**
   * @param follows the viewer is an approved follower of the owner
   * @param blocked either blocked the other
   */
  record Relationship(boolean follows, boolean blocked) {}
}
