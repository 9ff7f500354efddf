package io.fitmesh.app.bench;

import static io.fitmesh.app.bench.BenchReport.ms;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.Fit;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.fitmesh.app.FitmeshNode;
import io.fitmesh.common.v1.Sport;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.telemetry.v1.Sample;
import io.fitmesh.telemetry.v1.StreamSamplesRequest;
import io.fitmesh.telemetry.v1.StreamSamplesResponse;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceStub;
import io.fitmesh.training.v1.FinishWorkoutRequest;
import io.fitmesh.training.v1.ImportFormat;
import io.fitmesh.training.v1.ImportWorkoutRequest;
import io.fitmesh.training.v1.StartWorkoutRequest;
import io.fitmesh.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * fitmesh bench long, in local mode: workouts of 24 hours at 1 Hz (86,400 samples).
 * <ol>
 *   <li>{@code workouts} such workouts (and one to warm up) are streamed to the telemetry service (all at once),
 *       then finished one by one through TrainingService.FinishWorkout: each finish reads every sample from CQL,
 *       summarises and stores;
 *   <li>the raw baseline: reading the same 86,400 rows of one workout straight from CQL (async, every bucket at
 *       once), as often;
 *   <li>{@code workouts} imports (after one to warm up) of a 24-hour FIT file (86,400 records and a session)
 *       through TrainingService.ImportWorkout.
 * </ol>
 * Peak heap is sampled every 100 ms during the finishes and during the imports, and what else the machine did
 * meanwhile ({@link PhaseLoad}: the CQL server's compactions, CPU).
 */
public final class LongWorkoutBenchmark {
  static final int SAMPLES = 86_400;
  private static final int STREAM_BATCH = 500;
  private static final int BUCKET = 4096;

  private final PlatformRuntime runtime;
  private final FitmeshNode node;
  private final PrintStream out;
  private final GrpcChannels channels;
  private final PeakMemory memory = new PeakMemory();
  private final PhaseLoad load;

  public LongWorkoutBenchmark(PlatformRuntime runtime, FitmeshNode node, PrintStream out) {
    this.runtime = runtime;
    this.node = node;
    this.out = out;
    this.channels = new GrpcChannels(runtime.openTelemetry(), Duration.ofSeconds(120));
    this.load = new PhaseLoad(cql(runtime), BenchReport.localServers());
  }

  /** What one run measured (latencies in ms). */
  public record Result(int workouts, double streamSeconds, double finishP50Ms, double finishMaxMs,
      long finishPeakHeapMiB, double rawReadP50Ms, double rawReadMaxMs, int fitBytes, double importP50Ms,
      double importMaxMs, long importPeakHeapMiB, String finishLoad, String importLoad) {}

  public Result run(int workouts) throws Exception {
    String athlete = "bench-long-" + UUID.randomUUID().toString().substring(0, 8);
    String token = runtime.tokens().mint(athlete, Duration.ofHours(2));
    Instant start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    out.printf("bench long: %d workouts of %,d samples (24 h at 1 Hz)%n", workouts, SAMPLES);
    List<String> ids = new ArrayList<>();
    TrainingServiceBlockingStub training = channels.stub(node.endpoint("training"),
        TrainingServiceBlockingStub.class, BenchAuth.serviceToken(runtime, athlete, "training"));
    for (int w = 0; w <= workouts; w++) {
      String id = "bench-long-" + UUID.randomUUID();
      training.startWorkout(StartWorkoutRequest.newBuilder().setWorkoutId(id).setSport(Sport.SPORT_RUN)
          .setStartTime(ProtoTime.toTimestamp(start.plus(Duration.ofDays(w % 2 == 0 ? 0 : 1))))
          .setTimeZone("UTC").build());
      ids.add(id);
    }
    long streamStart = System.nanoTime();
    stream(token, ids, start);
    double streamSeconds = (System.nanoTime() - streamStart) / 1e9;
    out.printf("  streamed %,d samples in %.0f s%n", (long) SAMPLES * workouts, streamSeconds);

    training.finishWorkout(FinishWorkoutRequest.newBuilder().setWorkoutId(ids.get(workouts)).build());
    Histogram finishes = new Histogram(3);
    memory.reset();
    load.reset();
    Progress finishing = new Progress(out, "finishes", workouts);
    for (int w = 0; w < workouts; w++) {
      long t = System.nanoTime();
      training.finishWorkout(FinishWorkoutRequest.newBuilder().setWorkoutId(ids.get(w)).build());
      finishes.recordValue(System.nanoTime() - t);
      finishing.at(w + 1);
    }
    long finishHeap = memory.peakMiB();
    String finishLoad = load.during();
    out.printf("  finish of a 24-hour workout: p50 %.0f ms, max %.0f ms, peak heap %,d MiB%n", ms(finishes, 50),
        finishes.getMaxValue() / 1e6, finishHeap);

    Histogram raw = rawReads(ids, workouts);
    out.printf("  raw CQL read of its 86,400 rows: p50 %.0f ms, max %.0f ms%n", ms(raw, 50), raw.getMaxValue() / 1e6);

    byte[] fit = dayLongFit(start.minus(Duration.ofDays(3)));
    importFit(training, fit);
    Histogram imports = new Histogram(3);
    memory.reset();
    load.reset();
    Progress importing = new Progress(out, "imports", workouts);
    for (int w = 0; w < workouts; w++) {
      long t = System.nanoTime();
      importFit(training, fit);
      imports.recordValue(System.nanoTime() - t);
      importing.at(w + 1);
    }
    long importHeap = memory.peakMiB();
    String importLoad = load.during();
    out.printf("  import of a 24-hour FIT file (%,d bytes): p50 %.0f ms, max %.0f ms, peak heap %,d MiB%n",
        fit.length, ms(imports, 50), imports.getMaxValue() / 1e6, importHeap);
    return new Result(workouts, streamSeconds, ms(finishes, 50), finishes.getMaxValue() / 1e6, finishHeap,
        ms(raw, 50), raw.getMaxValue() / 1e6, fit.length, ms(imports, 50), imports.getMaxValue() / 1e6, importHeap,
        finishLoad, importLoad);
  }

  private static void importFit(TrainingServiceBlockingStub training, byte[] fit) {
    training.importWorkout(ImportWorkoutRequest.newBuilder().setWorkoutId("bench-fit-" + UUID.randomUUID())
        .setFormat(ImportFormat.IMPORT_FORMAT_FIT).setSport(Sport.SPORT_RUN).setTimeZone("UTC")
        .setData(ByteString.copyFrom(fit)).build());
  }

  /** Streams every workout's day of samples at once, printing progress. */
  private void stream(String token, List<String> ids, Instant start) throws Exception {
    TelemetryIngestServiceStub stub = channels.stub(node.endpoint("telemetry"), TelemetryIngestServiceStub.class,
        token);
    AtomicLong sent = new AtomicLong();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int w = 0; w < ids.size(); w++) {
      String id = ids.get(w);
      Instant from = start.plus(Duration.ofDays(w % 2 == 0 ? 0 : 1));
      CompletableFuture<Void> finished = new CompletableFuture<>();
      done.add(finished);
      stub.streamSamples(new ClientResponseObserver<StreamSamplesRequest, StreamSamplesResponse>() {
        private int next;

        @Override
        public void beforeStart(ClientCallStreamObserver<StreamSamplesRequest> requests) {
          requests.setOnReadyHandler(() -> {
            while (requests.isReady() && next < SAMPLES) {
              StreamSamplesRequest.Builder batch = StreamSamplesRequest.newBuilder().setWorkoutId(id);
              for (int i = 0; i < STREAM_BATCH && next < SAMPLES; i++, next++) {
                batch.addSamples(sample(from, next));
              }
              requests.onNext(batch.build());
              sent.addAndGet(batch.getSamplesCount());
              if (next == SAMPLES) {
                requests.onCompleted();
              }
            }
          });
        }

        @Override
        public void onNext(StreamSamplesResponse value) {}

        @Override
        public void onError(Throwable t) {
          finished.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
          finished.complete(null);
        }
      });
    }
    Progress streaming = new Progress(out, "samples streamed", (long) SAMPLES * ids.size());
    CompletableFuture<Void> all = CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
    while (!all.isDone()) {
      streaming.at(sent.get());
      try {
        all.get(1, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException stillGoing) {
        // print progress and wait on
      }
    }
    all.get();
    streaming.at(sent.get());
  }

  private static Sample sample(Instant from, int second) {
    return Sample.newBuilder().setSeq(second)
        .setTime(Timestamp.newBuilder().setSeconds(from.getEpochSecond() + second))
        .setLatitudeDeg(46.0 + second * 2.5 / 111_195.0).setLongitudeDeg(14.5)
        .setAltitudeM(300 + (second % 600) * 0.1).setHeartRateBpm(130 + second % 25).setCadenceRpm(84)
        .setSpeedMps(2.5).setDistanceM(second * 2.5).build();
  }

  /** Reads each workout's rows straight from CQL, every bucket at once; the floor of a finish. */
  private Histogram rawReads(List<String> ids, int times) {
    CqlSession cql = cql(runtime);
    PreparedStatement select = cql.prepare("SELECT seq, time, latitude_deg, longitude_deg, altitude_m, "
        + "heart_rate_bpm, cadence_rpm, power_watts, speed_mps, distance_m FROM fitmesh_telemetry.samples "
        + "WHERE workout_id = ? AND bucket = ?");
    Histogram h = new Histogram(3);
    for (int r = 0; r < times; r++) {
      String id = ids.get(r % ids.size());
      long t = System.nanoTime();
      List<CompletableFuture<Long>> buckets = new ArrayList<>();
      for (int b = 0; b <= (SAMPLES - 1) / BUCKET; b++) {
        buckets.add(countRows(cql.executeAsync(select.bind(id, b)), 0).toCompletableFuture());
      }
      long rows = buckets.stream().mapToLong(CompletableFuture::join).sum();
      h.recordValue(System.nanoTime() - t);
      if (rows != SAMPLES) {
        throw new IllegalStateException("read " + rows + " rows of workout " + id + ", expected " + SAMPLES);
      }
    }
    return h;
  }

  private static CqlSession cql(PlatformRuntime runtime) {
    return runtime.cql().orElseThrow(() -> new IllegalStateException("bench long needs CQL"));
  }

  private static CompletionStage<Long> countRows(CompletionStage<AsyncResultSet> page, long before) {
    return page.thenCompose(rs -> {
      long rows = before;
      for (var row : rs.currentPage()) {
        rows += row.getLong(0) >= 0 ? 1 : 0;
      }
      return rs.hasMorePages() ? countRows(rs.fetchNextPage(), rows) : CompletableFuture.completedFuture(rows);
    });
  }

  /** A day at 1 Hz as a watch writes it: file id, 86,400 records, one session. */
  static byte[] dayLongFit(Instant start) {
    BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V2_0);
    FileIdMesg id = new FileIdMesg();
    id.setType(com.garmin.fit.File.ACTIVITY);
    id.setManufacturer(Manufacturer.GARMIN);
    id.setTimeCreated(new DateTime(java.util.Date.from(start)));
    encoder.write(id);
    double semicircles = 2147483648.0 / 180.0;
    for (int s = 0; s < SAMPLES; s++) {
      RecordMesg r = new RecordMesg();
      r.setTimestamp(new DateTime(java.util.Date.from(start.plusSeconds(s))));
      r.setPositionLat((int) ((46.0 + s * 2.5 / 111_195.0) * semicircles));
      r.setPositionLong((int) (14.5 * semicircles));
      r.setHeartRate((short) (130 + s % 25));
      r.setDistance((float) (s * 2.5));
      r.setEnhancedSpeed(2.5f);
      r.setEnhancedAltitude((float) (300 + (s % 600) * 0.1));
      encoder.write(r);
    }
    SessionMesg session = new SessionMesg();
    session.setStartTime(new DateTime(java.util.Date.from(start)));
    session.setTimestamp(new DateTime(java.util.Date.from(start.plusSeconds(SAMPLES - 1))));
    session.setSport(com.garmin.fit.Sport.RUNNING);
    session.setTotalElapsedTime((float) (SAMPLES - 1));
    session.setTotalTimerTime((float) (SAMPLES - 1));
    session.setTotalDistance((float) ((SAMPLES - 1) * 2.5));
    encoder.write(session);
    return encoder.close();
  }
}
