package io.fitmesh.reco.domain;

/** What an athlete did with a recommendation. */
public enum FeedbackKind { SHOWN, ACCEPTED, DISMISSED }
