package io.fitmesh.reco.domain;

import java.util.Optional;

/** Athletes' recommendation settings: their region (ISO 3166-1 alpha-2). */
public interface ProfileStore {
  Optional<String> region(String athleteId);

  void setRegion(String athleteId, String region);
}
