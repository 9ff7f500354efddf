package io.fitmesh.reco.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.fitmesh.promo.v1.GetOffersRequest;
import io.fitmesh.promo.v1.GetOffersResponse;
import io.fitmesh.promo.v1.PromoServiceGrpc;
import io.fitmesh.promo.v1.PromoServiceGrpc.PromoServiceFutureStub;
import io.fitmesh.reco.domain.Offers;
import io.fitmesh.reco.domain.PromoFacts;
import io.fitmesh.reco.domain.Sport;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The screen's promo client fails safe against a real gRPC server that hangs, fails or is not there. */
class GrpcOffersTest {
  private static final PromoFacts FACTS = new PromoFacts("DE", List.of(Sport.RUN), List.of(), false, false);
  private static volatile String mode = "hang";
  private static Server server;

  @BeforeAll
  static void startPromo() {
    server = Server.builder().http(0).service(GrpcService.builder().addService(
        new PromoServiceGrpc.PromoServiceImplBase() {
          @Override
          public void getOffers(GetOffersRequest request, StreamObserver<GetOffersResponse> responses) {
            if (mode.equals("fail")) {
              responses.onError(Status.UNAVAILABLE.withDescription("promo store down").asRuntimeException());
            }
          }
        }).build()).build();
    server.start().join();
  }

  @AfterAll
  static void stopPromo() {
    server.stop().join();
  }

  private static GrpcOffers offersAt(int port) {
    PromoServiceFutureStub stub = GrpcClients.newClient("http://127.0.0.1:" + port, PromoServiceFutureStub.class);
    return new GrpcOffers(() -> stub, Duration.ofMillis(200));
  }

  @Test
  void aPromoServiceThatNeverAnswers_givesNoOffersAndTheReason_withinItsWait() throws Exception {
    mode = "hang";
    long start = System.nanoTime();

    Offers.Answer answer = offersAt(server.activeLocalPort()).offers(FACTS, Set.of()).get(5, TimeUnit.SECONDS);

    assertThat(answer.offers()).isEmpty();
    assertThat(answer.unavailable()).contains("offers took too long today");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aFailingPromoService_givesNoOffersAndTheReason_withoutItsWords() throws Exception {
    mode = "fail";

    Offers.Answer answer = offersAt(server.activeLocalPort()).offers(FACTS, Set.of()).get(5, TimeUnit.SECONDS);

    assertThat(answer.offers()).isEmpty();
    assertThat(answer.unavailable()).contains("offers are unavailable right now");
  }

  @Test
  void noPromoServiceAtAll_givesNoOffersAndTheReason() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    Offers.Answer answer = offersAt(closed).offers(FACTS, Set.of()).get(5, TimeUnit.SECONDS);

    assertThat(answer.unavailable()).contains("offers are unavailable right now");
  }
}
