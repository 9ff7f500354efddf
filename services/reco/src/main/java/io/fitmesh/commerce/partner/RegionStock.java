package io.fitmesh.commerce.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One region's products as the reference catalogue sells them, read from {@code catalogue/<region>.json}. */
record RegionStock(String region, String currency, Map<String, Item> items) {

  /** A product: its name (for people reading the data file), whether it is in stock and its price. */
  record Item(String sku, String name, boolean inStock, long priceMinor) {}

  RegionStock {
    items = Map.copyOf(items);
  }

  Optional<Item> item(String sku) {
    return Optional.ofNullable(items.get(sku));
  }

  /** Reads and checks the data file of {@code region}; a malformed file is a bug of this module. */
  static RegionStock load(ObjectMapper json, String region) {
    String file = "catalogue/" + region.toLowerCase(Locale.ROOT) + ".json";
    try (InputStream in = RegionStock.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("no data file " + file);
      }
      JsonNode root = json.readTree(in);
      String currency = root.path("currency").asText("");
      if (!region.equals(root.path("region").asText()) || !currency.matches("[A-Z]{3}")) {
        throw new IllegalStateException(file + ": region or currency wrong");
      }
      Map<String, Item> items = new LinkedHashMap<>();
      for (JsonNode item : root.path("items")) {
        Item parsed = new Item(item.path("sku").asText(""), item.path("name").asText(""),
            item.path("in_stock").asBoolean(), item.path("price_minor").asLong(-1));
        if (parsed.sku().isEmpty() || parsed.sku().length() > 64 || parsed.priceMinor() < 0
            || items.put(parsed.sku(), parsed) != null) {
          throw new IllegalStateException(file + ": malformed or repeated item " + parsed.sku());
        }
      }
      return new RegionStock(region, currency, items);
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
  }
}
