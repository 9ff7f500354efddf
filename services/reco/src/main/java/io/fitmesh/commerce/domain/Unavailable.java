package io.fitmesh.commerce.domain;

/** Why a partner's catalogue could not say whether products are available; each says so in plain words. */
public enum Unavailable {
  NO_PARTNER_FOR_REGION("no shop sells in this region"),
  TIMED_OUT("the shop of this region did not answer in time"),
  PARTNER_FAILED("the shop of this region failed to answer"),
  BAD_ANSWER("the shop of this region gave an answer that could not be read"),
  CIRCUIT_OPEN("the shop of this region failed repeatedly and is not asked for a while"),
  OVERLOADED("too many questions to the shop of this region are already waiting");

  private final String because;

  Unavailable(String because) {
    this.because = because;
  }

  /** The reason in plain words, fit to show to a person. */
  public String because() {
    return because;
  }
}
