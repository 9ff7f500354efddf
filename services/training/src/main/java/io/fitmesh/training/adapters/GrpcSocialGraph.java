package io.fitmesh.training.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.cache.ExpiringCache;
import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.platform.geo.PrivacyZone;
import io.fitmesh.social.v1.FollowState;
import io.fitmesh.social.v1.GetPrivacyZonesRequest;
import io.fitmesh.social.v1.GetRelationshipRequest;
import io.fitmesh.social.v1.GetRelationshipResponse;
import io.fitmesh.social.v1.SocialServiceGrpc.SocialServiceBlockingStub;
import io.fitmesh.training.domain.SocialGraph;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The social service's answers, cached for a few seconds per viewer and owner: a follow, block or zone change
 * reaches workout reads within {@link #FRESHNESS}. Calls carry a service token on behalf of the viewer.
 */
public final class GrpcSocialGraph implements SocialGraph {
  static final Duration FRESHNESS = Duration.ofSeconds(5);
  private static final int MAX_ENTRIES = 100_000;

  private final Supplier<SocialServiceBlockingStub> social;
  private final ExpiringCache<List<String>, Relationship> relationships;
  private final ExpiringCache<String, List<PrivacyZone>> zones;

  public GrpcSocialGraph(Supplier<SocialServiceBlockingStub> social, Clock clock) {
    this.social = requireNonNull(social, "social");
    this.relationships = new ExpiringCache<>(FRESHNESS, MAX_ENTRIES, clock);
    this.zones = new ExpiringCache<>(FRESHNESS, MAX_ENTRIES, clock);
  }

  @Override
  public Relationship relationship(String viewerId, String ownerId) {
    return relationships.get(List.of(viewerId, ownerId), key -> {
      try {
        GetRelationshipResponse r = social.get().getRelationship(GetRelationshipRequest.newBuilder()
            .setAthleteId(ownerId).build());
        return new Relationship(r.getFollowing() == FollowState.FOLLOW_STATE_FOLLOWING, r.getBlocked());
      } catch (StatusRuntimeException e) {
        throw ErrorMapper.fromDownstream(e, "social service");
      }
    });
  }

  @Override
  public List<PrivacyZone> privacyZones(String ownerId) {
    return zones.get(ownerId, key -> {
      try {
        return social.get().getPrivacyZones(GetPrivacyZonesRequest.newBuilder().setAthleteId(ownerId).build())
            .getZonesList().stream()
            .map(z -> new PrivacyZone(new LatLon(z.getCenter().getLatitudeDeg(), z.getCenter().getLongitudeDeg()),
                z.getRadiusM()))
            .toList();
      } catch (StatusRuntimeException e) {
        throw ErrorMapper.fromDownstream(e, "social service");
      }
    });
  }
}
