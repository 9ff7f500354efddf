package io.fitmesh.promo.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.auth.VerifiedToken;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.promo.codec.PromoProtos;
import io.fitmesh.promo.domain.Campaign;
import io.fitmesh.promo.domain.Campaigns;
import io.fitmesh.promo.domain.Promotions;
import io.fitmesh.promo.v1.CreateCampaignRequest;
import io.fitmesh.promo.v1.CreateCampaignResponse;
import io.fitmesh.promo.v1.EndCampaignRequest;
import io.fitmesh.promo.v1.EndCampaignResponse;
import io.fitmesh.promo.v1.GetOffersRequest;
import io.fitmesh.promo.v1.GetOffersResponse;
import io.fitmesh.promo.v1.ListCampaignsRequest;
import io.fitmesh.promo.v1.ListCampaignsResponse;
import io.fitmesh.promo.v1.PromoServiceGrpc;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.HashSet;

/**
 * PromoService: the caller's offers (answered when commerce has answered, without holding a thread meanwhile), and
 * campaigns for callers with the admin role.
 */
public final class PromoHandler extends PromoServiceGrpc.PromoServiceImplBase {
  private final Promotions promotions;
  private final Campaigns campaigns;

  public PromoHandler(Promotions promotions, Campaigns campaigns) {
    this.promotions = requireNonNull(promotions, "promotions");
    this.campaigns = requireNonNull(campaigns, "campaigns");
  }

  @Override
  public void getOffers(GetOffersRequest request, StreamObserver<GetOffersResponse> responses) {
    Context call = Context.current();
    promotions.offers(Callers.athleteId(), PromoProtos.fromProto(request.getFacts()),
        new HashSet<>(request.getExcludeCampaignIdsList()), request.getMaxOffers(), () -> !call.isCancelled())
        .thenApply(answer -> {
          GetOffersResponse.Builder response = GetOffersResponse.newBuilder();
          answer.offers().forEach(o -> response.addOffers(PromoProtos.toProto(o)));
          answer.unavailable().ifPresent(response::setUnavailableBecause);
          return response.build();
        })
        .whenComplete((response, failure) -> {
          if (failure != null) {
            responses.onError(ErrorMapper.toStatusException(failure));
          } else {
            reply(responses, response);
          }
        });
  }

  @Override
  public void createCampaign(CreateCampaignRequest request, StreamObserver<CreateCampaignResponse> responses) {
    requireAdmin();
    Campaign created = campaigns.create(PromoProtos.fromProto(request.getCampaign()), request.getRequestId(),
        Callers.athleteId());
    reply(responses, CreateCampaignResponse.newBuilder()
        .setCampaign(PromoProtos.toProto(created, campaigns.spent(created.campaignId()))).build());
  }

  @Override
  public void listCampaigns(ListCampaignsRequest request, StreamObserver<ListCampaignsResponse> responses) {
    requireAdmin();
    Campaigns.Page page = campaigns.list(request.getPageSize(), request.getPageToken());
    ListCampaignsResponse.Builder response = ListCampaignsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    for (int i = 0; i < page.campaigns().size(); i++) {
      response.addCampaigns(PromoProtos.toProto(page.campaigns().get(i), page.spent().get(i)));
    }
    reply(responses, response.build());
  }

  @Override
  public void endCampaign(EndCampaignRequest request, StreamObserver<EndCampaignResponse> responses) {
    requireAdmin();
    Campaign ended = campaigns.end(request.getCampaignId());
    reply(responses, EndCampaignResponse.newBuilder()
        .setCampaign(PromoProtos.toProto(ended, campaigns.spent(ended.campaignId()))).build());
  }

  private static void requireAdmin() {
    if (!Callers.hasRole(VerifiedToken.ADMIN)) {
      throw DomainException.permissionDenied("campaigns need the " + VerifiedToken.ADMIN + " role");
    }
  }

  private static <T> void reply(StreamObserver<T> responses, T response) {
    responses.onNext(response);
    responses.onCompleted();
  }
}
