package io.fitmesh.commerce.domain;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * What {@link Availabilities#check} could say about the SKUs asked for.
 *
 * @param items by SKU, the known ones; a SKU without any usable answer is absent
 * @param stale whether some items are older than fresh: they come from an earlier answer because the partner failed
 * @param unavailable why the partner could not be asked this time, if it could not; then items missing from the
 *     answer may exist all the same
 */
public record CatalogueAnswer(Map<String, Availability> items, boolean stale, Optional<Unavailable> unavailable) {
  public CatalogueAnswer {
    items = Map.copyOf(requireNonNull(items, "items"));
    requireNonNull(unavailable, "unavailable");
  }
}
