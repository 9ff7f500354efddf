package io.fitmesh.promo.domain;

import java.util.Map;
import java.util.Optional;

/**
 * What commerce says of some products in a region: the known ones (maybe from a stale cache), and why the others
 * are unknown.
 */
public record Stock(Map<String, Item> items, Optional<String> unavailable) {

  /** A product: in stock or not, and its regional price. */
  public record Item(String sku, boolean inStock, long priceMinor, String currency) {}

  public static Stock unknown(String because) {
    return new Stock(Map.of(), Optional.of(because));
  }
}
