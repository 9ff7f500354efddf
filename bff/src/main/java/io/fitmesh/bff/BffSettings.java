package io.fitmesh.bff;

import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.time.Duration;

/**
 * The BFF's own settings, read and checked once at start.
 *
 * @param watchRecheck FITMESH_WATCH_RECHECK (default 60s): how often a live watch checks that the workout is
 *     still visible to the watcher
 * @param watchLifetime FITMESH_WATCH_MAX_LIFETIME (default 6h): a watch then ends (UNAVAILABLE: watch again)
 * @param watchersPerWorkout FITMESH_WATCHERS_PER_WORKOUT (default 1000)
 * @param watchesPerAthlete FITMESH_WATCHES_PER_ATHLETE (default 10): live watches one athlete may hold at once
 */
public record BffSettings(Duration watchRecheck, Duration watchLifetime, int watchersPerWorkout,
    int watchesPerAthlete) {

  public static BffSettings from(PlatformConfig config) {
    Settings settings = config.settings();
    return new BffSettings(
        settings.duration("FITMESH_WATCH_RECHECK", Duration.ofSeconds(60)),
        settings.duration("FITMESH_WATCH_MAX_LIFETIME", Duration.ofHours(6)),
        settings.intInRange("FITMESH_WATCHERS_PER_WORKOUT", 1000, 1, 100_000),
        settings.intInRange("FITMESH_WATCHES_PER_ATHLETE", 10, 1, 1000));
  }
}
