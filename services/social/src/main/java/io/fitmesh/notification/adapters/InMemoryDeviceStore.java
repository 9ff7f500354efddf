package io.fitmesh.notification.adapters;

import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.DeviceStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded twin of {@link ScyllaDeviceStore}. */
public final class InMemoryDeviceStore implements DeviceStore {
  private final Map<String, Map<String, Device>> devices = new ConcurrentHashMap<>();

  @Override
  public Device register(Device device) {
    Device kept = devices.computeIfAbsent(device.athleteId(), k -> new ConcurrentHashMap<>())
        .putIfAbsent(device.deviceId(), device);
    return kept == null ? device : kept;
  }

  @Override
  public List<Device> of(String athleteId) {
    return devices.getOrDefault(athleteId, Map.of()).values().stream()
        .sorted(Comparator.comparing(Device::registeredAt).reversed()).toList();
  }

  @Override
  public void remove(String athleteId, String deviceId) {
    devices.getOrDefault(athleteId, new ConcurrentHashMap<>()).remove(deviceId);
  }
}
