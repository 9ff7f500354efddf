package io.fitmesh.bff.grpc;

import static io.fitmesh.bff.grpc.MobileSocialHandler.reply;
import static java.util.Objects.requireNonNull;

import io.fitmesh.bff.v1.CreateCampaignRequest;
import io.fitmesh.bff.v1.CreateCampaignResponse;
import io.fitmesh.bff.v1.EndCampaignRequest;
import io.fitmesh.bff.v1.EndCampaignResponse;
import io.fitmesh.bff.v1.ListCampaignsRequest;
import io.fitmesh.bff.v1.ListCampaignsResponse;
import io.fitmesh.bff.v1.MobileAdminServiceGrpc;
import io.fitmesh.promo.v1.PromoServiceGrpc.PromoServiceBlockingStub;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** The operators' campaign API: each call goes to the promo service, which checks the admin role. */
public final class MobileAdminHandler extends MobileAdminServiceGrpc.MobileAdminServiceImplBase {
  private final Supplier<PromoServiceBlockingStub> promo;

  public MobileAdminHandler(Supplier<PromoServiceBlockingStub> promo) {
    this.promo = requireNonNull(promo, "promo");
  }

  @Override
  public void createCampaign(CreateCampaignRequest request, StreamObserver<CreateCampaignResponse> responses) {
    var r = promo.get().createCampaign(io.fitmesh.promo.v1.CreateCampaignRequest.newBuilder()
        .setCampaign(request.getCampaign()).setRequestId(request.getRequestId()).build());
    reply(responses, CreateCampaignResponse.newBuilder().setCampaign(r.getCampaign()).build());
  }

  @Override
  public void listCampaigns(ListCampaignsRequest request, StreamObserver<ListCampaignsResponse> responses) {
    var r = promo.get().listCampaigns(io.fitmesh.promo.v1.ListCampaignsRequest.newBuilder()
        .setPageSize(request.getPageSize()).setPageToken(request.getPageToken()).build());
    reply(responses, ListCampaignsResponse.newBuilder().addAllCampaigns(r.getCampaignsList())
        .setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void endCampaign(EndCampaignRequest request, StreamObserver<EndCampaignResponse> responses) {
    var r = promo.get().endCampaign(io.fitmesh.promo.v1.EndCampaignRequest.newBuilder()
        .setCampaignId(request.getCampaignId()).build());
    reply(responses, EndCampaignResponse.newBuilder().setCampaign(r.getCampaign()).build());
  }
}
