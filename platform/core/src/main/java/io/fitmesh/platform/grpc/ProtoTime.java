package io.fitmesh.platform.grpc;

import com.google.protobuf.Timestamp;
import io.fitmesh.platform.errors.DomainException;
import java.time.Instant;

/** google.protobuf.Timestamp to and from Instant; an unset timestamp is null. */
public final class ProtoTime {
  private ProtoTime() {}

  /** The earliest and latest instants a google.protobuf.Timestamp may hold (0001-01-01, 9999-12-31). */
  private static final long MIN_SECONDS = -62_135_596_800L;
  private static final long MAX_SECONDS = 253_402_300_799L;

  /** The instant; null when unset; INVALID_ARGUMENT outside the years 1 to 9999 or with bad nanos. */
  public static Instant toInstant(Timestamp t) {
    if (t == null || (t.getSeconds() == 0 && t.getNanos() == 0)) {
      return null;
    }
    if (t.getSeconds() < MIN_SECONDS || t.getSeconds() > MAX_SECONDS || t.getNanos() < 0 || t.getNanos() > 999_999_999) {
      throw DomainException.invalidArgument("time", "a time is outside the years 1 to 9999 or has invalid nanos");
    }
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  public static Timestamp toTimestamp(Instant i) {
    if (i == null) {
      return Timestamp.getDefaultInstance();
    }
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}
