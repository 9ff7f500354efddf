package io.fitmesh.reco.domain;

/** The load figures a recommendation is based on; {@code daysSinceHard} is -1 without a hard day in 42. */
public record Load(double acute, double chronic, double ratio, double form, int daysSinceHard) {}
