package io.fitmesh.social.domain;

import java.util.Optional;

/** The athletes social knows: whether follows need approval, and privacy zones. */
public interface ProfileStore {

  /** The athlete's profile, if social knows them. */
  Optional<Profile> get(String athleteId);

  /** Records that an athlete exists (a first call or workout); keeps a stored profile as it is. */
  void createIfAbsent(String athleteId);

  /** Replaces the profile. */
  void save(Profile profile);
}
