package io.fitmesh.social.domain;

/** An athlete as others see them socially. */
public record SocialProfile(String athleteId, boolean privateAccount, long followerCount, long followingCount,
    FollowState viewerFollows) {}
