package io.fitmesh.commerce.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /{region}/v1/availability} of the partner contract, with the faults of the moment. Questions are
 * checked as a real partner would: a JSON object whose region is the path's, 1 to 100 distinct SKUs of 1 to 64
 * characters; anything else is 400, an unknown region 404.
 */
final class AvailabilityEndpoint implements HttpService {
  static final int MAX_SKUS = 100;
  /** Text that only a malformed answer carries, so tests can check a client never repeats it. */
  static final String MALFORMED_MARKER = "reference-catalogue-malformed-answer";

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final int PADDING_CHARS = 2 * 1024 * 1024;

  private final Map<String, RegionStock> stock;
  private final Faults faults;
  private final AtomicLong questions = new AtomicLong();

  AvailabilityEndpoint(Map<String, RegionStock> stock, Faults faults) {
    this.stock = Map.copyOf(stock);
    this.faults = faults;
  }

  long questions() {
    return questions.get();
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    questions.incrementAndGet();
    FaultPlan plan = faults.current();
    String region = ctx.pathParam("region").toUpperCase(Locale.ROOT);
    HttpResponse answer = HttpResponse.of(req.aggregate().thenApply(question -> answer(region, question, plan)));
    return plan.latency().isZero() ? answer : HttpResponse.delayed(answer, plan.latency(), ctx.eventLoop());
  }

  private HttpResponse answer(String region, AggregatedHttpRequest question, FaultPlan plan) {
    if (plan.failStatus() != 0) {
      return error(HttpStatus.valueOf(plan.failStatus()), "injected fault");
    }
    if (plan.malformed()) {
      return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8,
          "{\"region\": \"" + region + "\", \"items\": [{\"sku\": " + MALFORMED_MARKER + " ...");
    }
    RegionStock regionStock = stock.get(region);
    if (regionStock == null) {
      return error(HttpStatus.NOT_FOUND, "no catalogue for this region");
    }
    Set<String> skus;
    try {
      skus = skus(region, JSON.readTree(question.content().array()));
    } catch (IOException | IllegalArgumentException e) {
      return error(HttpStatus.BAD_REQUEST,
          e instanceof IllegalArgumentException ? e.getMessage() : "the body is not JSON");
    }
    return json(HttpStatus.OK, items(regionStock, skus, plan.oversized()));
  }

  /** The SKUs of a well-formed question, else IllegalArgumentException saying what is wrong. */
  private static Set<String> skus(String region, JsonNode question) {
    if (question == null || !question.isObject() || !region.equals(question.path("region").asText(null))) {
      throw new IllegalArgumentException("expected {\"region\": \"" + region + "\", \"skus\": [...]}");
    }
    JsonNode list = question.get("skus");
    if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_SKUS) {
      throw new IllegalArgumentException("skus is a list of 1 to " + MAX_SKUS + " SKUs");
    }
    Set<String> skus = new LinkedHashSet<>();
    for (JsonNode sku : list) {
      if (!sku.isTextual() || sku.textValue().isEmpty() || sku.textValue().length() > 64
          || !skus.add(sku.textValue())) {
        throw new IllegalArgumentException("each SKU is a distinct text of 1 to 64 characters");
      }
    }
    return skus;
  }

  private static ObjectNode items(RegionStock regionStock, Set<String> skus, boolean oversized) {
    ObjectNode root = JSON.createObjectNode()
        .put("region", regionStock.region())
        .put("currency", regionStock.currency());
    ArrayNode items = root.putArray("items");
    for (String sku : skus) {
      regionStock.item(sku).ifPresent(item -> items.addObject()
          .put("sku", item.sku())
          .put("in_stock", item.inStock())
          .put("price_minor", item.priceMinor()));
    }
    if (oversized) {
      root.put("padding", "x".repeat(PADDING_CHARS));
    }
    return root;
  }

  private static HttpResponse error(HttpStatus status, String message) {
    return json(status, JSON.createObjectNode().put("error", message));
  }

  private static HttpResponse json(HttpStatus status, JsonNode body) {
    try {
      return HttpResponse.of(status, MediaType.JSON_UTF_8, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }
}
