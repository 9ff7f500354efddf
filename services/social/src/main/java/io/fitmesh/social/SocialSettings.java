package io.fitmesh.social;

import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.time.Duration;
import java.util.Set;

/**
 * The social service's own settings, read and checked once at start.
 *
 * @param celebrityFollowers FITMESH_CELEBRITY_FOLLOWERS (default 10000): authors with at least this many followers
 *     are not fanned out; their followers' feeds pull their workouts at read
 * @param timelineCap FITMESH_TIMELINE_CAP (default 800, 20..10000): entries a home timeline keeps
 * @param inactivity FITMESH_FEED_INACTIVITY (default 30d): a timeline unread this long lapses (fan-out skips it) and
 *     is rebuilt from CQL on its next read
 * @param alsoHosts FITMESH_SOCIAL_HOSTS (default "group,notification"): the services the social deployable runs
 *     besides its own; empty when they run on their own (GroupMain, NotificationMain)
 */
record SocialSettings(int celebrityFollowers, int timelineCap, Duration inactivity, Set<String> alsoHosts) {
  static final Set<String> HOSTABLE = Set.of("group", "notification");

  static SocialSettings from(PlatformConfig config) {
    Settings settings = config.settings();
    return new SocialSettings(
        settings.intInRange("FITMESH_CELEBRITY_FOLLOWERS", 10_000, 1, Integer.MAX_VALUE),
        settings.intInRange("FITMESH_TIMELINE_CAP", 800, 20, 10_000),
        settings.duration("FITMESH_FEED_INACTIVITY", Duration.ofDays(30)),
        settings.namesOf("FITMESH_SOCIAL_HOSTS", "group,notification", HOSTABLE));
  }
}
