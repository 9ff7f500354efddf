package io.fitmesh.platform.storage;

/**
 * Write timestamps with a meaning. CQL keeps, for each cell, the write with the highest timestamp, whatever the
 * order the writes arrive in: a fact written at {@link #FOREVER} cannot be overwritten by any ordinary write,
 * late or redelivered. FitMesh uses it for the tombstones of deleted entities whose ids are never reused (a deleted
 * workout), so that a finish in flight, a redelivered event or a straggling sample batch brings nothing back.
 */
public final class CqlTimestamps {
  /** Far beyond any clock (year ~148,000 in microseconds), and below the values CQL reserves. */
  public static final long FOREVER = Long.MAX_VALUE / 2;

  private CqlTimestamps() {}
}
