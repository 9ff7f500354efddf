package io.fitmesh.promo.domain;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The commerce integration, asked without holding a thread while it answers. Fails safe: the future never fails; it
 * says why items are missing instead.
 */
public interface Availability {
  CompletableFuture<Stock> check(String region, Set<String> skus);
}
