package io.fitmesh.notification.domain;

/** Athletes' notification settings. */
public interface PreferenceStore {

  /** The athlete's settings, or the defaults. */
  Preferences get(String athleteId);

  void save(String athleteId, Preferences preferences);
}
