package io.fitmesh.reco;

import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.time.Duration;
import java.util.Set;

/**
 * The recommendation service's own settings, read and checked once at start.
 *
 * @param dismissFor FITMESH_RECO_DISMISS_FOR (default 7d, 1s..365d): how long a dismissed recommendation stays
 *     hidden
 * @param offersWait FITMESH_RECO_OFFERS_WAIT (default 250ms, 1ms..10s): the longest the screen waits for offers; a safety
 *     net above commerce's own deadline (FITMESH_COMMERCE_DEADLINE)
 * @param alsoHosts FITMESH_RECO_HOSTS (default "promo,commerce"): the services the reco deployable runs besides its
 *     own; empty when they run on their own (PromoMain, CommerceMain)
 */
record RecoSettings(Duration dismissFor, Duration offersWait, Set<String> alsoHosts) {
  static final Set<String> HOSTABLE = Set.of("promo", "commerce");

  static RecoSettings from(PlatformConfig config) {
    Settings settings = config.settings();
    return new RecoSettings(
        settings.durationInRange("FITMESH_RECO_DISMISS_FOR", Duration.ofDays(7), Duration.ofSeconds(1),
            Duration.ofDays(365)),
        settings.durationInRange("FITMESH_RECO_OFFERS_WAIT", Duration.ofMillis(250), Duration.ofMillis(1),
            Duration.ofSeconds(10)),
        settings.namesOf("FITMESH_RECO_HOSTS", "promo,commerce", HOSTABLE));
  }
}
