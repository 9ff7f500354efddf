package io.fitmesh.challenge.domain;

import io.fitmesh.platform.errors.DomainException;
import java.time.Instant;

/** Page positions of challenge lists as text: "endMillis/challengeId". */
final class ChallengePositions {
  private ChallengePositions() {}

  static String format(ChallengeStore.ChallengePosition p) {
    return p.endTime().toEpochMilli() + "/" + p.challengeId();
  }

  static ChallengeStore.ChallengePosition parse(String position) {
    if (position == null) {
      return null;
    }
    int slash = position.indexOf('/');
    try {
      return new ChallengeStore.ChallengePosition(
          Instant.ofEpochMilli(Long.parseLong(position.substring(0, slash))), position.substring(slash + 1));
    } catch (RuntimeException e) {
      throw DomainException.invalidArgument("page_token", "page_token is not one this API returned");
    }
  }
}
