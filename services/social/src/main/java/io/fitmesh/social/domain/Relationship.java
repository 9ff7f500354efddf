package io.fitmesh.social.domain;

/**
 * How a viewer and another athlete stand.
 *
 * @param following the viewer towards the other
 * @param followedBy the other towards the viewer
 * @param blocked either blocked the other
 */
public record Relationship(FollowState following, FollowState followedBy, boolean blocked) {}
