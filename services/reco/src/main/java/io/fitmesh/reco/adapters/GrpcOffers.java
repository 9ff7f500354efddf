package io.fitmesh.reco.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.promo.v1.GetOffersRequest;
import io.fitmesh.promo.v1.GetOffersResponse;
import com.google.common.util.concurrent.ListenableFuture;
import io.fitmesh.platform.client.FutureCalls;
import io.fitmesh.promo.v1.PromoServiceGrpc.PromoServiceFutureStub;
import io.fitmesh.reco.codec.RecoProtos;
import io.fitmesh.reco.domain.Offers;
import io.fitmesh.reco.domain.PromoFacts;
import io.grpc.Status;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers from the promo service, waited for at most {@code wait} without holding a thread (the answer completes on
 * Armeria's common blocking pool). Fails safe: a slow or failing promo service means no offers and a reason, never
 * an error for the screen.
 */
public final class GrpcOffers implements Offers {
  private static final Logger log = LoggerFactory.getLogger(GrpcOffers.class);

  private final Supplier<PromoServiceFutureStub> promo;
  private final Duration wait;

  public GrpcOffers(Supplier<PromoServiceFutureStub> promo, Duration wait) {
    this.promo = requireNonNull(promo, "promo");
    this.wait = requireNonNull(wait, "wait");
  }

  @Override
  public CompletableFuture<Answer> offers(PromoFacts facts, Set<String> excludeCampaigns) {
    ListenableFuture<GetOffersResponse> asked;
    try {
      asked = promo.get().withDeadlineAfter(wait.toMillis(), TimeUnit.MILLISECONDS)
          .getOffers(GetOffersRequest.newBuilder().setFacts(RecoProtos.toProto(facts))
              .addAllExcludeCampaignIds(excludeCampaigns).build());
    } catch (RuntimeException e) {
      log.warn("offers could not be asked for", e);
      return CompletableFuture.completedFuture(Answer.none("offers are unavailable right now"));
    }
    return FutureCalls.answerOf(asked, response -> {
      String because = response.getUnavailableBecause();
      return new Answer(response.getOffersList().stream().map(RecoProtos::offer).toList(),
          because.isEmpty() ? Optional.empty() : Optional.of(because));
    }, failure -> {
      Status status = Status.fromThrowable(failure);
      log.debug("offers unavailable: {}", status);
      return Answer.none(status.getCode() == Status.Code.DEADLINE_EXCEEDED
          ? "offers took too long today" : "offers are unavailable right now");
    });
  }
}
