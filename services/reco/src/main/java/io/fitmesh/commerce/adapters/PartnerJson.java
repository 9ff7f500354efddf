package io.fitmesh.commerce.adapters;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fitmesh.commerce.domain.Availability;
import io.fitmesh.commerce.domain.CatalogueFailure;
import io.fitmesh.commerce.domain.Unavailable;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The partner contract's JSON (docs/commerce-partner-api.yaml): the question {@code {"region","skus"}} and the
 * answer {@code {"region","currency","items":[{"sku","in_stock","price_minor"}]}}. An answer is untrusted: one that
 * is not JSON, has duplicate keys, trailing text, the wrong region or a malformed item is a BAD_ANSWER; items not
 * asked for are left out; fields the contract does not name are ignored.
 */
final class PartnerJson {
  /** The most SKUs the contract allows in one question. */
  static final int MAX_SKUS = 100;

  private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(32)
              .maxStringLength(64 * 1024)
              .maxNumberLength(32)
              .build())
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private PartnerJson() {}

  static String question(String region, Collection<String> skus) {
    ObjectNode root = JSON.createObjectNode().put("region", region);
    ArrayNode list = root.putArray("skus");
    skus.forEach(list::add);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always writes", e);
    }
  }

  /** The availabilities of the {@code asked} SKUs the partner knows. */
  static Map<String, Availability> answer(byte[] body, String region, Set<String> asked) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw bad(region, "not JSON");
    }
    if (root == null || !root.isObject()) {
      throw bad(region, "not a JSON object");
    }
    if (!region.equals(text(root, "region"))) {
      throw bad(region, "region missing or not the one asked");
    }
    String currency = text(root, "currency");
    if (!Availability.isCurrency(currency)) {
      throw bad(region, "currency missing or not ISO 4217");
    }
    JsonNode items = root.get("items");
    if (items == null || !items.isArray()) {
      throw bad(region, "items missing or not a list");
    }
    Map<String, Availability> found = new HashMap<>();
    for (JsonNode item : items) {
      Availability availability = item(item, currency, region);
      if (found.containsKey(availability.sku())) {
        throw bad(region, "a SKU twice");
      }
      found.put(availability.sku(), availability);
    }
    found.keySet().retainAll(asked);
    return found;
  }

  private static Availability item(JsonNode item, String currency, String region) {
    if (!item.isObject()) {
      throw bad(region, "an item is not an object");
    }
    String sku = text(item, "sku");
    JsonNode inStock = item.get("in_stock");
    JsonNode price = item.get("price_minor");
    if (!Availability.isSku(sku)) {
      throw bad(region, "an item's sku missing, empty or longer than " + Availability.MAX_SKU_LENGTH);
    }
    if (inStock == null || !inStock.isBoolean()) {
      throw bad(region, "an item's in_stock missing or not true/false");
    }
    if (price == null || !price.isIntegralNumber() || !price.canConvertToLong() || price.longValue() < 0) {
      throw bad(region, "an item's price_minor missing, negative or not a whole number");
    }
    return new Availability(sku, inStock.booleanValue(), price.longValue(), currency);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static CatalogueFailure bad(String region, String what) {
    return new CatalogueFailure(Unavailable.BAD_ANSWER, region + ": " + what);
  }
}
