package io.fitmesh.notification.domain;

import java.util.List;

/** Athletes' devices. */
public interface DeviceStore {

  /** Stores the device; registering the same token again keeps its id. */
  Device register(Device device);

  /** The athlete's devices, newest first. */
  List<Device> of(String athleteId);

  /** Removes one (idempotent). */
  void remove(String athleteId, String deviceId);
}
