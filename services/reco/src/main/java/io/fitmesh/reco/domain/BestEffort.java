package io.fitmesh.reco.domain;

/** A run best effort: the fastest time over a standard distance ("5 km"). */
public record BestEffort(String name, double distanceM, double elapsedS) {}
