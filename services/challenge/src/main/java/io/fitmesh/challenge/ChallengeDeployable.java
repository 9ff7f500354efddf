package io.fitmesh.challenge;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.grpc.BindableService;
import java.util.List;

/**
 * The challenge deployable: ChallengeService and LeaderboardService (challenges, progress, leaderboards, fraud flags).
 * Until its scenario lands it serves only what the platform adds to every server: health, reflection, docs.
 */
public final class ChallengeDeployable implements FitmeshService {
  public static final String NAME = "challenge";

  private final PlatformRuntime runtime;

  public ChallengeDeployable(PlatformRuntime runtime) {
    this.runtime = requireNonNull(runtime, "runtime");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of();
  }
}
