package io.fitmesh.social.domain;

/** Who may see a workout, as its athlete chose in training. */
public enum Visibility { EVERYONE, FOLLOWERS, ONLY_ME }
