package io.fitmesh.promo;

import static java.util.Objects.requireNonNull;

import io.fitmesh.commerce.v1.CommerceServiceGrpc.CommerceServiceFutureStub;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.promo.adapters.GrpcAvailability;
import io.fitmesh.promo.domain.Campaigns;
import io.fitmesh.promo.domain.Promotions;
import io.fitmesh.promo.grpc.PromoHandler;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.List;

/**
 * The promo deployable: PromoService (campaigns for admins, offers for athletes). Campaigns in CQL (keyspace
 * fitmesh_promo), budgets and frequency caps in Redis, or both in memory. Asks commerce which products are in
 * stock where. Runs inside the reco deployable by default, or alone (PromoMain).
 */
public final class PromoDeployable implements FitmeshService {
  public static final String NAME = "promo";
  private static final Duration CAMPAIGN_REFRESH = Duration.ofSeconds(5);

  private final PromoHandler handler;

  public PromoDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    PromoSettings settings = PromoSettings.from(runtime.config());
    PromoBackends backends = PromoBackends.open(runtime);
    Campaigns campaigns = new Campaigns(backends.campaigns(), backends.spend(), runtime.clock(), CAMPAIGN_REFRESH);
    Promotions promotions = new Promotions(campaigns, new GrpcAvailability(
        runtime.services().stub("commerce", CommerceServiceFutureStub.class), settings.commerceWait()),
        backends.spend());
    handler = new PromoHandler(promotions, campaigns);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(handler);
  }
}
