package io.fitmesh.commerce.domain;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The partners' product catalogues, one per region: whether products are in stock there and at what price. */
public interface Catalogue {
  /**
   * Asks the partner of {@code region} about {@code skus} in one go.
   *
   * @param region ISO 3166-1 alpha-2 code, upper case ("DE")
   * @param skus the products asked for; each 1 to {@link Availability#MAX_SKU_LENGTH} characters
   * @return by SKU, the ones the partner knows (unknown SKUs are absent; SKUs not asked for never appear); completes
   *     exceptionally with a {@link CatalogueFailure} on any failure
   * @throws IllegalArgumentException for a malformed SKU (a caller's bug, not the partner's failure)
   */
  CompletableFuture<Map<String, Availability>> availability(String region, Set<String> skus);
}
