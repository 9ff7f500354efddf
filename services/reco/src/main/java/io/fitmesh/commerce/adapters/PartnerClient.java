package io.fitmesh.commerce.adapters;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.ResponseTimeoutMode;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.circuitbreaker.CircuitBreaker;
import com.linecorp.armeria.client.circuitbreaker.CircuitBreakerClient;
import com.linecorp.armeria.client.circuitbreaker.CircuitBreakerRule;
import com.linecorp.armeria.client.limit.ConcurrencyLimit;
import com.linecorp.armeria.client.limit.ConcurrencyLimitingClient;
import com.linecorp.armeria.client.retry.Backoff;
import com.linecorp.armeria.client.retry.RetryConfig;
import com.linecorp.armeria.client.retry.RetryRule;
import com.linecorp.armeria.client.retry.RetryingClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.CommonPools;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import io.fitmesh.commerce.domain.Availability;
import io.fitmesh.commerce.domain.CatalogueFailure;
import io.fitmesh.commerce.domain.Unavailable;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of one region's partner. Each call goes, outermost first, through: a limit of concurrent calls
 * (waiting at most a quarter of the deadline for a slot, else {@code OVERLOADED}); the region's circuit breaker
 * (failing fast with {@code CIRCUIT_OPEN} while open); one retry after a 5xx answer or a connection that could not
 * be made, within the deadline; the deadline itself as the response timeout, counted from the call's start.
 */
final class PartnerClient {
  private static final Logger log = LoggerFactory.getLogger(PartnerClient.class);
  /** The partner's answer is untrusted: a longer one is cut off and read as a bad answer. */
  static final long MAX_ANSWER_BYTES = 1024 * 1024;
  /** Answers are read, and callers' stages run, here: never on a network I/O thread. */
  private static final Executor CALLBACKS = CommonPools.blockingTaskExecutor();

  private final String region;
  private final WebClient client;
  private final CircuitBreaker breaker;

  PartnerClient(String region, URI base, ClientFactory factory, CallPolicy policy) {
    this.region = region;
    this.breaker = CircuitBreaker.builder("commerce-" + region)
        .failureRateThreshold(CallPolicy.FAILURE_RATE)
        .minimumRequestThreshold(CallPolicy.MIN_CALLS)
        .counterSlidingWindow(CallPolicy.FAILURE_WINDOW)
        .counterUpdateInterval(CallPolicy.COUNT_STEP)
        .circuitOpenWindow(policy.circuitOpenFor())
        .trialRequestInterval(policy.circuitOpenFor())
        .build();
    Backoff pause = Backoff.fixed(policy.retryDelayMillis());
    RetryConfig<HttpResponse> retry =
        RetryConfig.builder(RetryRule.of(RetryRule.onServerErrorStatus(pause), RetryRule.onUnprocessed(pause)))
            .maxTotalAttempts(2)
            .build();
    CircuitBreakerRule failures = CircuitBreakerRule.of(
        CircuitBreakerRule.onServerErrorStatus(),
        CircuitBreakerRule.onException(),
        CircuitBreakerRule.builder().thenSuccess());
    ConcurrencyLimit slots = ConcurrencyLimit.builder(policy.maxConcurrent())
        .maxPendingAcquisitions(policy.maxConcurrent())
        .timeoutMillis(policy.slotWaitMillis())
        .build();
    this.client = WebClient.builder(base)
        .factory(factory)
        .responseTimeout(policy.deadline())
        .responseTimeoutMode(ResponseTimeoutMode.FROM_START)
        .maxResponseLength(MAX_ANSWER_BYTES)
        .decorator(RetryingClient.newDecorator(retry))
        .decorator(CircuitBreakerClient.newDecorator(breaker, failures))
        .decorator(ConcurrencyLimitingClient.newDecorator(slots))
        .build();
  }

  /** One call about at most {@link PartnerJson#MAX_SKUS} SKUs; fails only with a {@link CatalogueFailure}. */
  CompletableFuture<Map<String, Availability>> ask(Collection<String> skus) {
    CompletableFuture<Map<String, Availability>> answer = new CompletableFuture<>();
    HttpRequest request = HttpRequest.of(
        RequestHeaders.builder(HttpMethod.POST, "/v1/availability")
            .contentType(MediaType.JSON_UTF_8)
            .accept(MediaType.JSON)
            .build(),
        HttpData.ofUtf8(PartnerJson.question(region, skus)));
    CompletableFuture<AggregatedHttpResponse> response;
    try {
      response = client.execute(request).aggregate();
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    response.whenCompleteAsync((aggregated, failure) -> {
      try {
        if (failure != null) {
          throw CatalogueFailures.of(failure, region);
        }
        answer.complete(read(aggregated, Set.copyOf(skus)));
      } catch (CatalogueFailure e) {
        log.debug("partner of {}: {}", region, e.getMessage());
        answer.completeExceptionally(e);
      } catch (RuntimeException e) {
        answer.completeExceptionally(CatalogueFailures.of(e, region));
      }
    }, CALLBACKS);
    return answer;
  }

  /** The region's circuit, for logs and tests. */
  CircuitBreaker breaker() {
    return breaker;
  }

  private Map<String, Availability> read(AggregatedHttpResponse response, Set<String> asked) {
    int status = response.status().code();
    if (status != 200) {
      throw new CatalogueFailure(Unavailable.PARTNER_FAILED, region + ": status " + status);
    }
    return PartnerJson.answer(response.content().array(), region, asked);
  }
}
