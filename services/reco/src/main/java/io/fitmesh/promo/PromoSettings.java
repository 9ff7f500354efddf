package io.fitmesh.promo;

import io.fitmesh.platform.config.PlatformConfig;
import java.time.Duration;

/**
 * The promo service's own settings, read and checked once at start.
 *
 * @param commerceWait FITMESH_PROMO_COMMERCE_WAIT (default 200ms, 1ms..10s): the longest promo waits for commerce;
 *     a safety net above commerce's own deadline (FITMESH_COMMERCE_DEADLINE)
 */
record PromoSettings(Duration commerceWait) {

  static PromoSettings from(PlatformConfig config) {
    return new PromoSettings(config.settings().durationInRange("FITMESH_PROMO_COMMERCE_WAIT", Duration.ofMillis(200),
        Duration.ofMillis(1), Duration.ofSeconds(10)));
  }
}
