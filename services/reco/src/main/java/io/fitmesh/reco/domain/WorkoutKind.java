package io.fitmesh.reco.domain;

/** What kind of session today's recommendation is. */
public enum WorkoutKind { REST, RECOVERY, EASY, QUALITY, LONG }
