package io.fitmesh.reco.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.promo.v1.GetOffersRequest;
import io.fitmesh.promo.v1.GetOffersResponse;
import io.fitmesh.promo.v1.PromoServiceGrpc.PromoServiceBlockingStub;
import io.fitmesh.reco.codec.RecoProtos;
import io.fitmesh.reco.domain.Offers;
import io.fitmesh.reco.domain.PromoFacts;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers from the promo service, waited for at most {@code wait}. Fails safe: a slow or failing promo service means
 * no offers and a reason, never an error for the screen.
 */
public final class GrpcOffers implements Offers {
  private static final Logger log = LoggerFactory.getLogger(GrpcOffers.class);

  private final Supplier<PromoServiceBlockingStub> promo;
  private final Duration wait;

  public GrpcOffers(Supplier<PromoServiceBlockingStub> promo, Duration wait) {
    this.promo = requireNonNull(promo, "promo");
    this.wait = requireNonNull(wait, "wait");
  }

  @Override
  public Answer offers(PromoFacts facts, Set<String> excludeCampaigns) {
    GetOffersResponse response;
    try {
      response = promo.get().withDeadlineAfter(wait.toMillis(), TimeUnit.MILLISECONDS)
          .getOffers(GetOffersRequest.newBuilder().setFacts(RecoProtos.toProto(facts))
              .addAllExcludeCampaignIds(excludeCampaigns.stream().limit(100).toList()).build());
    } catch (StatusRuntimeException e) {
      log.debug("offers unavailable: {}", e.getStatus());
      return Answer.none(e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED
          ? "offers took too long today" : "offers are unavailable right now");
    }
    String because = response.getUnavailableBecause();
    return new Answer(response.getOffersList().stream().map(RecoProtos::offer).toList(),
        because.isEmpty() ? Optional.empty() : Optional.of(because));
  }
}
