package io.fitmesh.commerce.domain;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Whether a partner's shop of one region has a product (SKU) in stock, and at what price.
 *
 * @param sku the partner's product code, 1 to {@value #MAX_SKU_LENGTH} characters
 * @param inStock whether the shop can sell it now
 * @param priceMinor the price in the currency's minor unit (cents for EUR, yen for JPY), never negative
 * @param currency ISO 4217 code, three upper-case letters
 */
public record Availability(String sku, boolean inStock, long priceMinor, String currency) {
  /** The longest SKU asked for or accepted from a partner. */
  public static final int MAX_SKU_LENGTH = 64;

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public Availability {
    requireNonNull(sku, "sku");
    requireNonNull(currency, "currency");
    if (!isSku(sku)) {
      throw new IllegalArgumentException("a SKU has 1 to " + MAX_SKU_LENGTH + " characters");
    }
    if (priceMinor < 0) {
      throw new IllegalArgumentException("a price is never negative");
    }
    if (!isCurrency(currency)) {
      throw new IllegalArgumentException("a currency is three upper-case letters (ISO 4217)");
    }
  }

  /** Whether {@code sku} may be asked for: not blank, at most {@link #MAX_SKU_LENGTH} characters. */
  public static boolean isSku(String sku) {
    return sku != null && !sku.isBlank() && sku.length() <= MAX_SKU_LENGTH;
  }

  /** Whether {@code code} has the shape of an ISO 4217 currency code. */
  public static boolean isCurrency(String code) {
    return code != null && CURRENCY.matcher(code).matches();
  }
}
