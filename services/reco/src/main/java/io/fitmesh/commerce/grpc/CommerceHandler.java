package io.fitmesh.commerce.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.commerce.domain.Availabilities;
import io.fitmesh.commerce.domain.Availability;
import io.fitmesh.commerce.v1.CheckAvailabilityRequest;
import io.fitmesh.commerce.v1.CheckAvailabilityResponse;
import io.fitmesh.commerce.v1.CommerceServiceGrpc;
import io.fitmesh.commerce.v1.ProductAvailability;
import io.fitmesh.commerce.v1.UnavailableReason;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.errors.ErrorMapper;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CommerceService: availability and regional prices. Answers when the partner answers or its deadline passes,
 * without holding a thread; a failing partner is an answer with a reason, never an error.
 */
public final class CommerceHandler extends CommerceServiceGrpc.CommerceServiceImplBase {
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final Availabilities availabilities;

  public CommerceHandler(Availabilities availabilities) {
    this.availabilities = requireNonNull(availabilities, "availabilities");
  }

  @Override
  public void checkAvailability(CheckAvailabilityRequest request, StreamObserver<CheckAvailabilityResponse> responses) {
    if (request.getSkusCount() < 1 || !request.getSkusList().stream().allMatch(s -> SKU.matcher(s).matches())) {
      throw DomainException.invalidArgument("skus", "SKUs are 1..64 characters of [A-Za-z0-9_.-]");
    }
    Set<String> skus = new LinkedHashSet<>(request.getSkusList());
    java.util.concurrent.CompletableFuture<io.fitmesh.commerce.domain.CatalogueAnswer> answered;
    try {
      answered = availabilities.check(request.getRegion(), skus);
    } catch (IllegalArgumentException e) {
      // the region's form and the number of SKUs (FITMESH_COMMERCE_MAX_SKUS), checked by the use case
      throw DomainException.invalidArgument("request", e.getMessage());
    }
    answered.thenApply(CommerceHandler::response).whenComplete((response, failure) -> {
      if (failure != null) {
        responses.onError(ErrorMapper.toStatusException(failure));
      } else {
        responses.onNext(response);
        responses.onCompleted();
      }
    });
  }

  private static CheckAvailabilityResponse response(io.fitmesh.commerce.domain.CatalogueAnswer answer) {
    CheckAvailabilityResponse.Builder response = CheckAvailabilityResponse.newBuilder().setStale(answer.stale());
      for (Availability a : answer.items().values()) {
        response.addItems(ProductAvailability.newBuilder().setSku(a.sku()).setInStock(a.inStock())
            .setPriceMinor(a.priceMinor()).setCurrency(a.currency()));
      }
      answer.unavailable().ifPresent(reason -> response
          .setUnavailableReason(UnavailableReason.valueOf("UNAVAILABLE_REASON_" + reason.name()))
          .setUnavailableBecause(reason.because()));
    return response.build();
  }
}
