package io.fitmesh.notification.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.DeviceStore;
import io.fitmesh.platform.errors.DomainException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Devices in {@code devices}, one partition per athlete. */
public final class ScyllaDeviceStore implements DeviceStore {
  private final CqlSession session;
  private final PreparedStatement insert;
  private final PreparedStatement selectAll;
  private final PreparedStatement delete;

  public ScyllaDeviceStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    String t = keyspace + ".devices";
    insert = session.prepare("INSERT INTO " + t
        + " (athlete_id, device_id, platform, push_token, registered) VALUES (?, ?, ?, ?, ?) IF NOT EXISTS");
    selectAll = session.prepare("SELECT device_id, platform, push_token, registered FROM " + t + " WHERE athlete_id = ?");
    delete = session.prepare("DELETE FROM " + t + " WHERE athlete_id = ? AND device_id = ?");
  }

  @Override
  public Device register(Device d) {
    try {
      Row row = session.execute(insert.bind(d.athleteId(), d.deviceId(), d.platform().name(), d.token(),
          d.registeredAt())).one();
      return row != null && !row.getBoolean("[applied]") ? device(d.athleteId(), row) : d;
    } catch (RuntimeException e) {
      throw DomainException.unavailable("devices unavailable", e);
    }
  }

  @Override
  public List<Device> of(String athleteId) {
    try {
      List<Device> all = new ArrayList<>();
      for (Row row : session.execute(selectAll.bind(athleteId))) {
        all.add(device(athleteId, row));
      }
      all.sort(Comparator.comparing(Device::registeredAt).reversed());
      return all;
    } catch (RuntimeException e) {
      throw DomainException.unavailable("devices unavailable", e);
    }
  }

  @Override
  public void remove(String athleteId, String deviceId) {
    try {
      session.execute(delete.bind(athleteId, deviceId));
    } catch (RuntimeException e) {
      throw DomainException.unavailable("devices unavailable", e);
    }
  }

  private static Device device(String athleteId, Row row) {
    return new Device(athleteId, row.getString("device_id"), Device.Platform.valueOf(row.getString("platform")),
        row.getString("push_token"), row.getInstant("registered"));
  }
}
