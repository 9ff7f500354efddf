package io.fitmesh.notification.domain;

/** What a notification is about. */
public enum NotificationKind {
  WORKOUT, KUDOS, COMMENT, FOLLOWER, FOLLOW_REQUEST, CLUB_JOIN_REQUEST, CLUB_JOIN_APPROVED, DIGEST
}
