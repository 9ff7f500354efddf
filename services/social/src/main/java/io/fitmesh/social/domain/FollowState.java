package io.fitmesh.social.domain;

/** Where one athlete stands towards another. */
public enum FollowState { NONE, REQUESTED, FOLLOWING }
