package io.fitmesh.promo.domain;

import java.time.Instant;

/** A campaign's product offered to an athlete at the regional price less the discount. */
public record Offer(String campaignId, String title, String sku, String currency, long priceMinor,
    long offerPriceMinor, int discountPercent, Instant endsAt, String because) {}
