package io.fitmesh.notification.domain;

import java.util.List;

/** The words of a notification. */
final class Texts {
  private Texts() {}

  static String title(NotificationKind kind, List<String> actors, long actorCount) {
    String who = actors.isEmpty() ? "Someone" : actors.get(0);
    String and = actorCount > 1 ? who + " and " + (actorCount - 1) + (actorCount == 2 ? " other" : " others") : who;
    return switch (kind) {
      case WORKOUT -> who + " finished a workout";
      case KUDOS -> and + " gave you kudos";
      case COMMENT -> who + " commented on your workout";
      case FOLLOWER -> who + " follows you";
      case FOLLOW_REQUEST -> who + " asks to follow you";
      case CLUB_JOIN_REQUEST -> who + " asks to join your club";
      case CLUB_JOIN_APPROVED -> "You are in";
      case DIGEST -> "New notifications";
    };
  }

  static String body(NotificationKind kind, String subject) {
    return switch (kind) {
      case WORKOUT, KUDOS -> subject.isEmpty() ? "Open the workout" : subject;
      case COMMENT -> subject.length() > 140 ? subject.substring(0, 139) + "…" : subject;
      case CLUB_JOIN_REQUEST, CLUB_JOIN_APPROVED -> subject;
      case FOLLOWER, FOLLOW_REQUEST -> "Open their profile";
      case DIGEST -> subject;
    };
  }
}
