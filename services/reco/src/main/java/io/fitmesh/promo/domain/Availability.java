package io.fitmesh.promo.domain;

import java.util.Set;

/** The commerce integration. Fails safe: never throws, says why items are missing instead. */
public interface Availability {
  Stock check(String region, Set<String> skus);
}
