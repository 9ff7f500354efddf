package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.geo.PrivacyZone;
import java.util.List;

/** What social keeps of an athlete: whether follows need approval, and their privacy zones. */
public record Profile(String athleteId, boolean privateAccount, List<PrivacyZone> zones) {

  public Profile {
    requireNonNull(athleteId, "athleteId");
    zones = List.copyOf(zones);
  }

  /** An athlete social has just met: public, no zones. */
  public static Profile fresh(String athleteId) {
    return new Profile(athleteId, false, List.of());
  }
}
