package io.fitmesh.reco.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The promo service: offers for the athlete of the current call, asked without holding a thread while it answers.
 * It fails safe: the future never fails.
 */
public interface Offers {
  /**
   * Offers of campaigns not in {@code excludeCampaigns}; when some or all could not be made, {@code unavailable}
   * says why in plain words.
   */
  CompletableFuture<Answer> offers(PromoFacts facts, Set<String> excludeCampaigns);

  /** Offers, and why some may be missing. */
  record Answer(List<Offer> offers, Optional<String> unavailable) {
    public static Answer none(String because) {
      return new Answer(List.of(), Optional.of(because));
    }
  }
}
