package io.fitmesh.challenge.domain;

/** Why training found a workout physically implausible (rule: teleport, speed, vehicle, ...). */
public record PlausibilityFlag(String rule, String reason) {}
