package io.fitmesh.telemetry.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.storage.CqlTimestamps;
import io.fitmesh.telemetry.domain.IngestCursor;
import io.fitmesh.telemetry.domain.SampleReading;
import io.fitmesh.telemetry.domain.SampleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Samples in CQL, table {@code samples}, partitioned by (workout, bucket of {@link #BUCKET} seqs, about an hour at
 * 1 Hz) so no partition grows without bound, clustered by seq. Writes are prepared, asynchronous, idempotent
 * (a seq is its row) and sent as UNLOGGED batches that never span partitions, with a bounded number in flight.
 * A reading the device did not take is left unset, not bound to null, which would write a tombstone cell. A purge
 * deletes whole buckets at {@link CqlTimestamps#FOREVER}: a batch that arrives after it is shadowed for good.
 */
public final class ScyllaSampleStore implements SampleStore {
  public static final int BUCKET = 4096;
  private static final int ROWS_PER_BATCH = 50;
  private static final int MAX_IN_FLIGHT = 48;

  private final CqlSession session;
  private final PreparedStatement insert;
  private final PreparedStatement select;
  private final PreparedStatement deleteBucket;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

  public ScyllaSampleStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    this.insert = session.prepare("INSERT INTO " + keyspace + ".samples (workout_id, bucket, seq, time, "
        + "latitude_deg, longitude_deg, altitude_m, heart_rate_bpm, cadence_rpm, power_watts, speed_mps, "
        + "distance_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.select = session.prepare("SELECT seq, time, latitude_deg, longitude_deg, altitude_m, heart_rate_bpm, "
        + "cadence_rpm, power_watts, speed_mps, distance_m FROM " + keyspace + ".samples "
        + "WHERE workout_id = ? AND bucket = ? AND seq >= ? AND seq <= ? LIMIT ?");
    this.deleteBucket = session.prepare("DELETE FROM " + keyspace + ".samples USING TIMESTAMP "
        + CqlTimestamps.FOREVER + " WHERE workout_id = ? AND bucket = ?");
  }

  @Override
  public CompletableFuture<Void> append(String workoutId, List<SampleReading> samples) {
    Map<Integer, List<SampleReading>> byBucket = new TreeMap<>();
    for (SampleReading s : samples) {
      byBucket.computeIfAbsent(bucketOf(s.seq()), b -> new ArrayList<>()).add(s);
    }
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (Map.Entry<Integer, List<SampleReading>> bucket : byBucket.entrySet()) {
      List<SampleReading> rows = bucket.getValue();
      for (int i = 0; i < rows.size(); i += ROWS_PER_BATCH) {
        writes.add(write(batch(workoutId, bucket.getKey(), rows.subList(i, Math.min(rows.size(), i + ROWS_PER_BATCH)))));
      }
    }
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
  }

  /**
   * Reads, round by round, the buckets that hold the rest of the page if no seq is missing (at least to the end
   * of the first bucket), all of a round at once: a page of 5,000 spans two or three buckets, read side by side,
   * not one after the other. Rounds go on past gaps until the page is full or {@code toSeq} is passed.
   */
  @Override
  public List<SampleReading> read(String workoutId, long fromSeq, long toSeq, int limit) {
    List<SampleReading> page = new ArrayList<>();
    try {
      long from = fromSeq;
      while (from <= toSeq && page.size() < limit) {
        int wanted = limit - page.size();
        long to = Math.min(toSeq, Math.max(from + wanted - 1, lastSeqOf(bucketOf(from))));
        List<CompletableFuture<AsyncResultSet>> round = new ArrayList<>();
        for (int bucket = bucketOf(from); bucket <= bucketOf(to); bucket++) {
          round.add(session.executeAsync(select.bind(workoutId, bucket, from, to, wanted)).toCompletableFuture());
        }
        for (CompletableFuture<AsyncResultSet> bucket : round) {
          for (Row row : allRows(bucket)) {
            if (page.size() < limit) {
              page.add(toSample(row));
            }
          }
        }
        from = to + 1;
      }
      return page;
    } catch (RuntimeException e) {
      throw DomainException.unavailable("sample store unavailable", e);
    }
  }

  private static List<Row> allRows(CompletableFuture<AsyncResultSet> query) {
    List<Row> rows = new ArrayList<>();
    AsyncResultSet result = query.join();
    result.currentPage().forEach(rows::add);
    while (result.hasMorePages()) {
      result = result.fetchNextPage().toCompletableFuture().join();
      result.currentPage().forEach(rows::add);
    }
    return rows;
  }

  @Override
  public void purge(String workoutId, long highestSeq) {
    try {
      long last = Math.max(0, highestSeq) + 2L * IngestCursor.WINDOW;
      for (int bucket = 0; bucket <= bucketOf(last); bucket++) {
        session.execute(deleteBucket.bind(workoutId, bucket).setIdempotent(true));
      }
    } catch (RuntimeException e) {
      throw DomainException.unavailable("sample store unavailable", e);
    }
  }

  private BatchStatement batch(String workoutId, int bucket, List<SampleReading> rows) {
    BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED).setIdempotence(true);
    for (SampleReading s : rows) {
      BoundStatementBuilder row = insert.boundStatementBuilder()
          .set(0, workoutId, TypeCodecs.TEXT).set(1, bucket, TypeCodecs.INT).set(2, s.seq(), TypeCodecs.BIGINT)
          .set(3, s.time(), TypeCodecs.TIMESTAMP);
      Double[] readings = {s.latitudeDeg(), s.longitudeDeg(), s.altitudeM(), s.heartRateBpm(), s.cadenceRpm(),
          s.powerWatts(), s.speedMps(), s.distanceM()};
      for (int i = 0; i < readings.length; i++) {
        if (readings[i] != null) {
          row.set(4 + i, readings[i], TypeCodecs.DOUBLE);
        }
      }
      batch.addStatement(row.build());
    }
    return batch.build();
  }

  private CompletableFuture<Void> write(BatchStatement batch) {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(DomainException.unavailable("interrupted", e));
    }
    return session.executeAsync(batch).toCompletableFuture()
        .handle((rs, failure) -> {
          inFlight.release();
          if (failure != null) {
            throw DomainException.unavailable("sample store unavailable", failure);
          }
          return null;
        });
  }

  static int bucketOf(long seq) {
    return (int) (seq / BUCKET);
  }

  private static long lastSeqOf(int bucket) {
    return (long) bucket * BUCKET + BUCKET - 1;
  }

  /** A row of {@link #select}, read by position with the codecs named (no codec lookup per value). */
  private static SampleReading toSample(Row row) {
    return new SampleReading(row.get(0, TypeCodecs.BIGINT), row.get(1, TypeCodecs.TIMESTAMP), boxed(row, 2),
        boxed(row, 3), boxed(row, 4), boxed(row, 5), boxed(row, 6), boxed(row, 7), boxed(row, 8), boxed(row, 9));
  }

  private static Double boxed(Row row, int column) {
    return row.get(column, TypeCodecs.DOUBLE);
  }
}
