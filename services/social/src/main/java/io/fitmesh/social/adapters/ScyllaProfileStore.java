package io.fitmesh.social.adapters;

import io.fitmesh.platform.storage.CqlCalls;
import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.social.codec.SocialProtos;
import io.fitmesh.social.domain.Profile;
import io.fitmesh.social.domain.ProfileStore;
import io.fitmesh.social.v1.GetPrivacyZonesResponse;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Profiles in {@code profiles}. Meeting an athlete writes their row at CQL timestamp 0, which creates it when
 * absent and never overrides a real write: idempotent without a lightweight transaction.
 */
public final class ScyllaProfileStore implements ProfileStore {
  private final CqlSession session;
  private final PreparedStatement select;
  private final PreparedStatement insertIfAbsent;
  private final PreparedStatement upsert;

  public ScyllaProfileStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    String ks = keyspace + ".";
    select = session.prepare("SELECT private_account, zones FROM " + ks + "profiles WHERE athlete_id = ?");
    insertIfAbsent = session.prepare("INSERT INTO " + ks
        + "profiles (athlete_id, private_account) VALUES (?, false) USING TIMESTAMP 0");
    upsert = session.prepare("INSERT INTO " + ks + "profiles (athlete_id, private_account, zones) VALUES (?, ?, ?)");
  }

  @Override
  public Optional<Profile> get(String athleteId) {
    return CqlCalls.call("profiles", () -> {
      Row row = session.execute(select.bind(athleteId)).one();
      if (row == null) {
        return Optional.empty();
      }
      ByteBuffer zones = row.getByteBuffer("zones");
      return Optional.of(new Profile(athleteId, row.getBoolean("private_account"),
          zones == null ? java.util.List.of() : SocialProtos.zones(parse(zones).getZonesList())));
    });
  }

  @Override
  public void createIfAbsent(String athleteId) {
    CqlCalls.run("profiles", () -> session.execute(insertIfAbsent.bind(athleteId).setIdempotent(true)));
  }

  @Override
  public void save(Profile profile) {
    GetPrivacyZonesResponse.Builder zones = GetPrivacyZonesResponse.newBuilder();
    profile.zones().forEach(z -> zones.addZones(SocialProtos.toProto(z)));
    CqlCalls.run("profiles", () -> session.execute(upsert.bind(profile.athleteId(), profile.privateAccount(),
        ByteBuffer.wrap(zones.build().toByteArray())).setIdempotent(true)));
  }

  private static GetPrivacyZonesResponse parse(ByteBuffer bytes) {
    try {
      return GetPrivacyZonesResponse.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored zones are not a GetPrivacyZonesResponse", e);
    }
  }
}
