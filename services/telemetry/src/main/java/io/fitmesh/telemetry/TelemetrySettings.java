package io.fitmesh.telemetry;

import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.time.Duration;

/**
 * The telemetry service's own settings, read and checked once at start.
 *
 * @param liveUpdateInterval FITMESH_LIVE_UPDATE_INTERVAL (default 1s): how often training.updated is published
 *     per workout being recorded
 */
record TelemetrySettings(Duration liveUpdateInterval) {

  static TelemetrySettings from(PlatformConfig config) {
    Settings settings = config.settings();
    return new TelemetrySettings(settings.duration("FITMESH_LIVE_UPDATE_INTERVAL", Duration.ofSeconds(1)));
  }
}
