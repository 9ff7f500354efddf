package io.fitmesh.commerce.adapters;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.client.ClientFactory;
import io.fitmesh.commerce.domain.Availability;
import io.fitmesh.commerce.domain.Catalogue;
import io.fitmesh.commerce.domain.CatalogueFailure;
import io.fitmesh.commerce.domain.Unavailable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The partners' catalogues over their HTTP/JSON API (docs/commerce-partner-api.yaml), one base URL per region.
 *
 * <p>Every call is bounded by Armeria's own decorators, per region, outermost first: at most {@code maxConcurrent}
 * calls in flight, a call that finds no free slot within a quarter of its deadline being refused as OVERLOADED; a
 * circuit breaker that opens when more than half of at least 5 calls in 10 s failed (5xx, timeouts, connections),
 * and after {@code circuitOpenFor} lets one trial call through; one retry after a 5xx answer or a connection that
 * could not be made, never after a 4xx; the deadline as the whole budget of the call and its retry, counted from
 * its start (Armeria's FROM_START, so a slot wait is part of it and a long one may end as TIMED_OUT rather than
 * OVERLOADED). More than 100 SKUs are asked
 * in several calls at once. Failures are {@link CatalogueFailure}s: a region without a partner
 * NO_PARTNER_FOR_REGION (no call), a timeout TIMED_OUT, 5xx, other non-200 answers and refused connections
 * PARTNER_FAILED, an open circuit CIRCUIT_OPEN, an answer that is not the contract's JSON or is over 1 MB
 * BAD_ANSWER. The partner's text is never logged nor passed on. Futures complete on a thread that is not a network
 * I/O thread.
 */
public final class HttpCatalogue implements Catalogue, AutoCloseable {
  public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(150);
  public static final int DEFAULT_MAX_CONCURRENT = 64;
  public static final Duration DEFAULT_CIRCUIT_OPEN_FOR = Duration.ofSeconds(10);

  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

  private final ClientFactory factory;
  private final Map<String, PartnerClient> partners;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** With the default deadline (150 ms), 64 calls at once per region and circuits open for 10 s. */
  public HttpCatalogue(Map<String, URI> partners) {
    this(partners, DEFAULT_DEADLINE, DEFAULT_MAX_CONCURRENT, DEFAULT_CIRCUIT_OPEN_FOR);
  }

  /**
   * @param partners base URL by region (ISO 3166-1 alpha-2, upper case); calls go to {@code {base}/v1/availability}
   */
  public HttpCatalogue(Map<String, URI> partners, Duration deadline, int maxConcurrent, Duration circuitOpenFor) {
    requireNonNull(partners, "partners");
    CallPolicy policy = new CallPolicy(deadline, maxConcurrent, circuitOpenFor);
    partners.forEach((region, base) -> {
      if (region == null || !REGION.matcher(region).matches()) {
        throw new IllegalArgumentException("a region is an ISO 3166-1 alpha-2 code in upper case, not " + region);
      }
      requireNonNull(base, "base URL of " + region);
    });
    this.factory = ClientFactory.builder().connectTimeout(deadline).build();
    Map<String, PartnerClient> clients = new HashMap<>();
    partners.forEach((region, base) -> clients.put(region, new PartnerClient(region, base, factory, policy)));
    this.partners = Map.copyOf(clients);
  }

  @Override
  public CompletableFuture<Map<String, Availability>> availability(String region, Set<String> skus) {
    requireNonNull(region, "region");
    requireNonNull(skus, "skus");
    for (String sku : skus) {
      if (!Availability.isSku(sku)) {
        throw new IllegalArgumentException("a SKU has 1 to " + Availability.MAX_SKU_LENGTH + " characters");
      }
    }
    PartnerClient partner = partners.get(region);
    if (partner == null) {
      return CompletableFuture.failedFuture(new CatalogueFailure(Unavailable.NO_PARTNER_FOR_REGION, region));
    }
    if (closed.get()) {
      return CompletableFuture.failedFuture(new CatalogueFailure(Unavailable.PARTNER_FAILED, "catalogue closed"));
    }
    if (skus.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    if (skus.size() <= PartnerJson.MAX_SKUS) {
      return partner.ask(skus);
    }
    return inParts(region, partner, List.copyOf(skus));
  }

  /** The regions that have a partner. */
  public Set<String> regions() {
    return partners.keySet();
  }

  /** Later calls fail with PARTNER_FAILED; calls in flight fail as their connections close. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      factory.close();
    }
  }

  @Override
  public String toString() {
    return "HttpCatalogue" + partners.keySet();
  }

  /** The circuit breaker state of a region's partner ("CLOSED", "OPEN", "HALF_OPEN"), for tests and logs. */
  String circuitState(String region) {
    return partners.get(region).breaker().circuitState().name();
  }

  private static CompletableFuture<Map<String, Availability>> inParts(String region, PartnerClient partner,
      List<String> skus) {
    List<CompletableFuture<Map<String, Availability>>> parts = new ArrayList<>();
    for (int from = 0; from < skus.size(); from += PartnerJson.MAX_SKUS) {
      parts.add(partner.ask(skus.subList(from, Math.min(skus.size(), from + PartnerJson.MAX_SKUS))));
    }
    CompletableFuture<Map<String, Availability>> all = new CompletableFuture<>();
    CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
      if (failure != null) {
        all.completeExceptionally(CatalogueFailures.of(failure, region));
        return;
      }
      Map<String, Availability> merged = new HashMap<>();
      parts.forEach(part -> merged.putAll(part.join()));
      all.complete(merged);
    });
    return all;
  }
}
