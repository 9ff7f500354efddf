package io.fitmesh.commerce.domain;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says whether products are available in a region and at what price, failing safe: it never fails, it answers
 * with what it knows and why it does not know more.
 *
 * <p>A partner's answer about a SKU is kept per region and SKU. Within {@code freshFor} it is given without asking
 * the partner again; the SKUs without a fresh answer are asked in one call. When that call fails, answers younger
 * than {@code freshFor + staleFor} are given with {@code stale} set, the other SKUs are left out, and the answer
 * says why. At most {@value #MAX_CACHED} answers are kept (the oldest go first).
 */
public final class Availabilities {
  static final int MAX_CACHED = 100_000;

  private static final Logger log = LoggerFactory.getLogger(Availabilities.class);
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

  private final Catalogue catalogue;
  private final Clock clock;
  private final Duration freshFor;
  private final int maxSkus;
  private final AvailabilityCache cache;

  public Availabilities(Catalogue catalogue, Clock clock, Duration freshFor, Duration staleFor, int maxSkus) {
    this(catalogue, clock, freshFor, staleFor, maxSkus, MAX_CACHED);
  }

  /** With a cache bound of the test's choosing. */
  Availabilities(Catalogue catalogue, Clock clock, Duration freshFor, Duration staleFor, int maxSkus, int maxCached) {
    this.catalogue = requireNonNull(catalogue, "catalogue");
    this.clock = requireNonNull(clock, "clock");
    this.freshFor = requireNonNull(freshFor, "freshFor");
    requireNonNull(staleFor, "staleFor");
    if (freshFor.isNegative() || staleFor.isNegative()) {
      throw new IllegalArgumentException("freshFor and staleFor are never negative");
    }
    if (maxSkus < 1) {
      throw new IllegalArgumentException("maxSkus must be at least 1");
    }
    this.maxSkus = maxSkus;
    this.cache = new AvailabilityCache(maxCached, freshFor.plus(staleFor));
  }

  /**
   * What is known of {@code skus} in {@code region}. The future never fails.
   *
   * @param region ISO 3166-1 alpha-2 code, upper case
   * @throws IllegalArgumentException for a malformed region or SKU, or more than maxSkus SKUs
   */
  public CompletableFuture<CatalogueAnswer> check(String region, Set<String> skus) {
    requireValid(region, skus);
    Instant now = clock.instant();
    Map<String, Availability> items = new HashMap<>();
    Set<String> missing = new HashSet<>();
    for (String sku : skus) {
      cache.get(region, sku, now)
          .filter(entry -> entry.age(now).compareTo(freshFor) < 0)
          .ifPresentOrElse(entry -> items.put(sku, entry.availability()), () -> missing.add(sku));
    }
    if (missing.isEmpty()) {
      return CompletableFuture.completedFuture(new CatalogueAnswer(items, false, Optional.empty()));
    }
    return ask(region, missing).handle((found, failure) -> {
      try {
        return failure == null ? answered(region, missing, found, items) : fellBack(region, missing, failure, items);
      } catch (RuntimeException e) {
        return fellBack(region, missing, e, items);
      }
    });
  }

  private CompletableFuture<Map<String, Availability>> ask(String region, Set<String> skus) {
    try {
      return requireNonNull(catalogue.availability(region, Set.copyOf(skus)), "the catalogue gave no future");
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CatalogueAnswer answered(String region, Set<String> asked, Map<String, Availability> found,
      Map<String, Availability> items) {
    Instant now = clock.instant();
    for (String sku : asked) {
      Availability availability = found.get(sku);
      if (availability != null && availability.sku().equals(sku)) {
        cache.put(region, availability, now);
        items.put(sku, availability);
      }
    }
    return new CatalogueAnswer(items, false, Optional.empty());
  }

  private CatalogueAnswer fellBack(String region, Set<String> asked, Throwable failure,
      Map<String, Availability> items) {
    Unavailable reason = reasonOf(failure);
    Instant now = clock.instant();
    int stale = 0;
    for (String sku : asked) {
      Optional<AvailabilityCache.Entry> entry = cache.get(region, sku, now);
      if (entry.isPresent()) {
        items.put(sku, entry.get().availability());
        stale++;
      }
    }
    log.debug("catalogue of {}: {}; {} of {} SKUs answered from earlier answers", region, reason, stale,
        asked.size());
    return new CatalogueAnswer(items, stale > 0, Optional.of(reason));
  }

  private static Unavailable reasonOf(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof CatalogueFailure catalogueFailure
        ? catalogueFailure.reason()
        : Unavailable.PARTNER_FAILED;
  }

  private void requireValid(String region, Set<String> skus) {
    requireNonNull(region, "region");
    requireNonNull(skus, "skus");
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("a region is an ISO 3166-1 alpha-2 code in upper case, e.g. DE");
    }
    if (skus.size() > maxSkus) {
      throw new IllegalArgumentException("at most " + maxSkus + " SKUs at a time, not " + skus.size());
    }
    for (String sku : skus) {
      if (!Availability.isSku(sku)) {
        throw new IllegalArgumentException("a SKU has 1 to " + Availability.MAX_SKU_LENGTH + " characters");
      }
    }
  }
}
