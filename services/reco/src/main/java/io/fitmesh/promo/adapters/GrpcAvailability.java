package io.fitmesh.promo.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.commerce.v1.CheckAvailabilityRequest;
import io.fitmesh.commerce.v1.CommerceServiceGrpc.CommerceServiceFutureStub;
import io.fitmesh.commerce.v1.ProductAvailability;
import io.fitmesh.platform.client.FutureCalls;
import io.fitmesh.promo.domain.Availability;
import io.fitmesh.promo.domain.Stock;
import io.grpc.Status;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Availability from the commerce integration over gRPC, without holding a thread while it answers (the answer, and
 * what promo does with it, runs on Armeria's common blocking pool). Commerce answers within its own deadline;
 * {@code wait} is the safety net above it. Any failure is an unknown stock with a reason, never an error.
 */
public final class GrpcAvailability implements Availability {
  private final Supplier<CommerceServiceFutureStub> commerce;
  private final Duration wait;

  public GrpcAvailability(Supplier<CommerceServiceFutureStub> commerce, Duration wait) {
    this.commerce = requireNonNull(commerce, "commerce");
    this.wait = requireNonNull(wait, "wait");
  }

  @Override
  public CompletableFuture<Stock> check(String region, Set<String> skus) {
    return FutureCalls.answerOf(commerce.get().withDeadlineAfter(wait.toMillis(), TimeUnit.MILLISECONDS)
        .checkAvailability(CheckAvailabilityRequest.newBuilder().setRegion(region).addAllSkus(skus).build()),
        response -> {
          Map<String, Stock.Item> items = new HashMap<>();
          for (ProductAvailability p : response.getItemsList()) {
            items.put(p.getSku(), new Stock.Item(p.getSku(), p.getInStock(), p.getPriceMinor(), p.getCurrency()));
          }
          String because = response.getUnavailableBecause();
          return new Stock(items, because.isEmpty() ? Optional.empty() : Optional.of(because));
        },
        failure -> Stock.unknown(Status.fromThrowable(failure).getCode() == Status.Code.DEADLINE_EXCEEDED
            ? "the shop did not answer in time" : "the shop cannot be reached right now"));
  }
}
