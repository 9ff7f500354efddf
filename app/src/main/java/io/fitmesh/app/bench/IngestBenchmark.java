package io.fitmesh.app.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.fitmesh.app.FitmeshNode;
import io.fitmesh.common.v1.Sport;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.telemetry.v1.IngestReport;
import io.fitmesh.telemetry.v1.Sample;
import io.fitmesh.telemetry.v1.StreamSamplesRequest;
import io.fitmesh.telemetry.v1.StreamSamplesResponse;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceFutureStub;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceStub;
import io.fitmesh.telemetry.v1.UploadSamplesRequest;
import io.fitmesh.training.v1.StartWorkoutRequest;
import io.fitmesh.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * fitmesh bench ingest. Seven phases on this machine, each for the same duration:
 * <ol>
 *   <li>raw gRPC: the devices' client streams to a server that discards samples (transport ceiling);
 *   <li>raw CQL: the same rows written straight with the driver, same statement, UNLOGGED batches of 50 rows of
 *       one partition, 48 in flight (storage ceiling);
 *   <li>FitMesh, max: the devices stream as fast as flow control lets them through gRPC, telemetry and CQL;
 *   <li>FitMesh, half load: the devices upload paced batches of the same size totalling half of phase 3's rate;
 *       each upload returns when its samples are durable, so its round trip is the sample-to-durable latency;
 *   <li>raw CQL at the same load: the same paced batches written straight with the driver, so the CQL server's
 *       own latency on this machine sits next to FitMesh's;
 *   <li>FitMesh uploads at max: each device uploads its next batch as soon as the last is durable (the upload
 *       path's own ceiling: a unary call and a cursor write per batch cost more than a stream's batch);
 *   <li>FitMesh at half of that: paced uploads at half the uploads' own ceiling, their sample-to-durable latency.
 * </ol>
 * Phases 3 and 4 also report where a batch's time goes inside the service, stage by stage ({@link StageTimings}),
 * and phases 3 to 7 what else the machine did meanwhile ({@link PhaseLoad}: the CQL server's compactions, CPU).
 */
public final class IngestBenchmark {
  private static final int STREAM_BATCH = 100;
  private static final int RAW_BATCH = 50;

  private final PlatformRuntime runtime;
  private final FitmeshNode node;
  private final CqlSession cql;
  private final int devices;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private final Duration phase;
  private final PrintStream out;
  private final GrpcChannels channels;
  private final PeakMemory memory = new PeakMemory();
  private final PhaseLoad load;
  private final StageTimings stageTimings;
  private final PreparedStatement rawInsert;

  public IngestBenchmark(PlatformRuntime runtime, FitmeshNode node, StageTimings stageTimings, int devices,
      Duration phase, PrintStream out) {
    this.runtime = runtime;
    this.stageTimings = stageTimings;
    this.node = node;
    this.cql = runtime.cql().orElseThrow(() -> new IllegalStateException("bench ingest needs CQL (--backends local)"));
    this.devices = devices;
    this.phase = phase;
    this.out = out;
    this.channels = new GrpcChannels(runtime.openTelemetry(), Duration.ofSeconds(30));
    this.load = new PhaseLoad(cql, BenchReport.localServers());
    CqlMigrations.forService("telemetry").inKeyspace("fitmesh_bench_raw")
        .migrate(cql, runtime.config().cql().replication());
    this.rawInsert = cql.prepare("INSERT INTO fitmesh_bench_raw.samples (workout_id, bucket, seq, time, "
        + "latitude_deg, longitude_deg, altitude_m, heart_rate_bpm, cadence_rpm, power_watts, speed_mps, "
        + "distance_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  public BenchResult run() throws Exception {
    out.printf("bench ingest: %d devices, %d s per phase, after a %d s warm-up of each path%n", devices,
        phase.toSeconds(), WARM_UP.toSeconds());
    rawCqlWrites(WARM_UP, "warm-up, raw CQL writes");
    streamThroughFitmesh(WARM_UP, "warm-up, FitMesh streams");
    double rawGrpc = rawGrpcStreaming(phase);
    out.printf("  raw gRPC streaming to a no-op server: %,.0f samples/s%n", rawGrpc);
    double rawCql = rawCqlWrites(phase, "raw CQL writes");
    out.printf("  raw CQL writes:                       %,.0f rows/s%n", rawCql);
    memory.reset();
    stageTimings.reset();
    load.reset();
    double fitmesh = streamThroughFitmesh(phase, "FitMesh streams");
    Map<String, StageTimings.StageSummary> maxStages = stageTimings.since();
    String maxLoad = load.during();
    out.printf("  FitMesh ingest (streams, max):        %,.0f samples/s%n", fitmesh);
    load.reset();
    Latency fitmeshHalf = paceUploads(fitmesh / 2, phase, fitmeshUpload("half"), "FitMesh uploads at half load");
    Map<String, StageTimings.StageSummary> halfStages = stageTimings.since();
    String halfLoad = load.during();
    out.printf("  FitMesh at half load (%,.0f samples/s): durable %s%n", fitmeshHalf.rate(), fitmeshHalf);
    load.reset();
    Latency rawHalf = paceUploads(fitmesh / 2, phase, rawCqlUpload(), "raw CQL at the same load");
    String rawHalfLoad = load.during();
    out.printf("  raw CQL at the same load (%,.0f rows/s): written %s%n", rawHalf.rate(), rawHalf);
    load.reset();
    double uploads = uploadAtMax(phase, fitmeshUpload("uploads-max"), "FitMesh uploads at max");
    String uploadsLoad = load.during();
    out.printf("  FitMesh uploads at max (one in flight per device): %,.0f samples/s%n", uploads);
    load.reset();
    Latency uploadsHalf = paceUploads(uploads / 2, phase, fitmeshUpload("uploads-half"), "FitMesh uploads at half their max");
    String uploadsHalfLoad = load.during();
    out.printf("  FitMesh at half the uploads' max (%,.0f samples/s): durable %s%n", uploadsHalf.rate(), uploadsHalf);
    return new BenchResult(devices, phase, rawGrpc, rawCql, fitmesh, fitmeshHalf, rawHalf, maxStages, halfStages,
        memory.peakMiB(), new PhaseLoads(maxLoad, halfLoad, rawHalfLoad, uploadsLoad, uploadsHalfLoad), uploads,
        uploadsHalf);
  }

  private double rawGrpcStreaming(Duration duration) throws Exception {
    AtomicLong received = new AtomicLong();
    Server noop = Server.builder()
        .http(new InetSocketAddress("127.0.0.1", 0))
        .requestTimeout(Duration.ZERO)
        .maxRequestLength(0)
        .service(GrpcService.builder().addService(new TelemetryIngestServiceGrpc.TelemetryIngestServiceImplBase() {
          @Override
          public StreamObserver<StreamSamplesRequest> streamSamples(StreamObserver<StreamSamplesResponse> responses) {
            return new StreamObserver<>() {
              @Override
              public void onNext(StreamSamplesRequest value) {
                received.addAndGet(value.getSamplesCount());
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {
                responses.onNext(StreamSamplesResponse.getDefaultInstance());
                responses.onCompleted();
              }
            };
          }
        }).build())
        .build();
    noop.start().join();
    try {
      String endpoint = "127.0.0.1:" + noop.activeLocalPort();
      List<String> workouts = new ArrayList<>();
      for (int d = 0; d < devices; d++) {
        workouts.add("raw-" + d);
      }
      long start = System.nanoTime();
      streamAll(endpoint, "none", workouts, duration, "raw gRPC streaming");
      return received.get() / seconds(System.nanoTime() - start);
    } finally {
      noop.stop().join();
    }
  }

  private double rawCqlWrites(Duration duration, String what) throws Exception {
    Semaphore inFlight = new Semaphore(48);
    AtomicLong rows = new AtomicLong();
    List<SyntheticDevice> sources = new ArrayList<>();
    for (int d = 0; d < devices; d++) {
      sources.add(new SyntheticDevice(Instant.now().minus(Duration.ofDays(1))));
    }
    long start = System.nanoTime();
    try (Progress.Timed progress = Progress.timed(out, what, "rows", duration, rows::get)) {
      writeRawUntil(start + duration.toNanos(), sources, inFlight, rows);
    }
    inFlight.acquire(48);
    inFlight.release(48);
    return rows.get() / seconds(System.nanoTime() - start);
  }

  /** Writes the devices' batches, 48 in flight, until {@code end} ({@link System#nanoTime()}); counts the rows. */
  private void writeRawUntil(long end, List<SyntheticDevice> sources, Semaphore inFlight, AtomicLong rows)
      throws InterruptedException {
    int d = 0;
    while (System.nanoTime() < end) {
      String workout = "raw-" + (d % devices);
      List<Sample> batch = sources.get(d % devices).next(RAW_BATCH);
      d++;
      if (batch.get(0).getSeq() / 4096 != batch.get(batch.size() - 1).getSeq() / 4096) {
        continue;
      }
      inFlight.acquire();
      cql.executeAsync(rawBatch(workout, batch)).whenComplete((r, e) -> {
        inFlight.release();
        if (e == null) {
          rows.addAndGet(batch.size());
        }
      });
    }
  }

  /**
   * The same rows, statement and idempotent UNLOGGED batching as the telemetry service's sample store; like it,
   * a reading the device did not take (power) is left unset, not bound to null (which would write a tombstone).
   */
  private BatchStatement rawBatch(String workout, List<Sample> samples) {
    BatchStatementBuilder b = BatchStatement.builder(BatchType.UNLOGGED).setIdempotence(true);
    for (Sample s : samples) {
      b.addStatement(rawInsert.boundStatementBuilder()
          .setString(0, workout).setInt(1, (int) (s.getSeq() / 4096)).setLong(2, s.getSeq())
          .setInstant(3, ProtoTime.toInstant(s.getTime())).setDouble(4, s.getLatitudeDeg())
          .setDouble(5, s.getLongitudeDeg()).setDouble(6, s.getAltitudeM()).setDouble(7, s.getHeartRateBpm())
          .setDouble(8, s.getCadenceRpm()).setDouble(10, s.getSpeedMps()).setDouble(11, s.getDistanceM())
          .build());
    }
    return b.build();
  }

  /** A raw upload: the batch written straight with the driver, in batches of 50 rows of one bucket at once. */
  private Upload rawCqlUpload() {
    return (device, batch) -> {
      List<CompletableFuture<?>> writes = new ArrayList<>();
      int from = 0;
      for (int i = 1; i <= batch.size(); i++) {
        boolean full = i == batch.size() || i - from == RAW_BATCH;
        if (full || batch.get(i).getSeq() / 4096 != batch.get(from).getSeq() / 4096) {
          writes.add(cql.executeAsync(rawBatch("raw-" + device, batch.subList(from, i))).toCompletableFuture());
          from = i;
        }
      }
      return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    };
  }

  /** A FitMesh upload: UploadSamples, answered when the batch and the cursor are durable; workouts named by label. */
  private Upload fitmeshUpload(String label) {
    String token = runtime.tokens().mint("bench-" + UUID.randomUUID().toString().substring(0, 8), Duration.ofHours(2));
    TelemetryIngestServiceFutureStub stub = channels.stub(endpoint("telemetry"),
        TelemetryIngestServiceFutureStub.class, BenchAuth.serviceToken(runtime, athleteOf(token), "telemetry"));
    List<String> workouts = startWorkouts(token, label);
    return (device, batch) -> {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Futures.addCallback(stub.uploadSamples(UploadSamplesRequest.newBuilder().setWorkoutId(workouts.get(device))
          .addAllSamples(batch).build()), new FutureCallback<>() {
            @Override
            public void onSuccess(io.fitmesh.telemetry.v1.UploadSamplesResponse result) {
              done.complete(null);
            }

            @Override
            public void onFailure(Throwable t) {
              done.completeExceptionally(t);
            }
          }, MoreExecutors.directExecutor());
      return done;
    };
  }

  private double streamThroughFitmesh(Duration duration, String what) throws Exception {
    String token = runtime.tokens().mint("bench-" + UUID.randomUUID().toString().substring(0, 8), Duration.ofHours(2));
    List<String> workouts = startWorkouts(token, "max");
    long start = System.nanoTime();
    List<IngestReport> reports = streamAll(endpoint("telemetry"), token, workouts, duration, what);
    long total = reports.stream().mapToLong(IngestReport::getAcceptedCount).sum();
    return total / seconds(System.nanoTime() - start);
  }

  /** Each device streams batches until the phase ends, progress shown as {@code what}; returns the stream reports. */
  private List<IngestReport> streamAll(String endpoint, String token, List<String> workouts, Duration duration,
      String what) throws Exception {
    TelemetryIngestServiceStub stub = channels.stub(endpoint, TelemetryIngestServiceStub.class, token);
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong sent = new AtomicLong();
    List<CompletableFuture<IngestReport>> done = new ArrayList<>();
    for (String workout : workouts) {
      SyntheticDevice device = new SyntheticDevice(Instant.now().minus(Duration.ofDays(1)).plusSeconds(60));
      CompletableFuture<IngestReport> report = new CompletableFuture<>();
      done.add(report);
      stub.streamSamples(new ClientResponseObserver<StreamSamplesRequest, StreamSamplesResponse>() {
        @Override
        public void beforeStart(ClientCallStreamObserver<StreamSamplesRequest> requests) {
          requests.setOnReadyHandler(() -> {
            while (requests.isReady() && !report.isDone()) {
              if (System.nanoTime() > end) {
                requests.onCompleted();
                return;
              }
              requests.onNext(StreamSamplesRequest.newBuilder().setWorkoutId(workout)
                  .addAllSamples(device.next(STREAM_BATCH)).build());
              sent.addAndGet(STREAM_BATCH);
            }
          });
        }

        @Override
        public void onNext(StreamSamplesResponse value) {
          report.complete(value.getReport());
        }

        @Override
        public void onError(Throwable t) {
          report.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
          report.complete(IngestReport.getDefaultInstance());
        }
      });
    }
    List<IngestReport> reports = new ArrayList<>();
    try (Progress.Timed progress = Progress.timed(out, what, "samples sent", duration, sent::get)) {
      for (CompletableFuture<IngestReport> r : done) {
        reports.add(r.get(duration.toSeconds() + 120, TimeUnit.SECONDS));
      }
    }
    return reports;
  }

  /** Sends one device's batch somewhere; completes when it is durable there. */
  private interface Upload {
    CompletableFuture<?> send(int device, List<Sample> batch);
  }

  /**
   * Each device uploads its next batch as soon as the last one is durable, until the phase ends (progress shown as
   * {@code what}): the upload path's own ceiling, in samples/s. The next batch is built and sent on the bench's own
   * threads, as in the paced phases, not on the event loop that brought the answer.
   */
  private double uploadAtMax(Duration duration, Upload upload, String what) throws Exception {
    AtomicLong durable = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    UploadLoop loop = new UploadLoop(upload, start + duration.toNanos(), durable, failed, clients);
    List<CompletableFuture<Void>> devicesDone = new ArrayList<>();
    for (int d = 0; d < devices; d++) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      devicesDone.add(done);
      int device = d;
      SyntheticDevice source = new SyntheticDevice(Instant.now().minus(Duration.ofDays(1)).plusSeconds(60));
      clients.execute(() -> loop.next(device, source, done));
    }
    try (Progress.Timed progress = Progress.timed(out, what, "samples durable", duration, durable::get)) {
      CompletableFuture.allOf(devicesDone.toArray(CompletableFuture[]::new))
          .get(duration.toSeconds() + 120, TimeUnit.SECONDS);
    } finally {
      clients.shutdown();
    }
    if (failed.get() > 0) {
      out.printf("  %d uploads failed%n", failed.get());
    }
    return durable.get() / seconds(System.nanoTime() - start);
  }

  /** One upload after another per device until {@code end}; counts samples made durable and uploads that failed. */
  private record UploadLoop(Upload upload, long end, AtomicLong durable, AtomicLong failed, ExecutorService clients) {
    /** Uploads the device's next batch and, on its answer, the one after; completes {@code done} at the end. */
    void next(int device, SyntheticDevice source, CompletableFuture<Void> done) {
      if (System.nanoTime() >= end) {
        done.complete(null);
        return;
      }
      List<Sample> batch = source.next(STREAM_BATCH);
      CompletableFuture<?> sent;
      try {
        sent = upload.send(device, batch);
      } catch (RuntimeException e) {
        sent = CompletableFuture.failedFuture(e);
      }
      sent.whenCompleteAsync((ignored, failure) -> {
        if (failure == null) {
          durable.addAndGet(batch.size());
        } else {
          failed.incrementAndGet();
        }
        next(device, source, done);
      }, clients);
    }
  }

  /** How fast paced uploads went, how many were answered and how long each took to be durable. */
  record Latency(double rate, long count, double meanMs, double p50Ms, double p99Ms, double p999Ms) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "mean %.1f ms, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms", meanMs,
          p50Ms, p99Ms, p999Ms);
    }
  }

  /** Paced uploads of {@link #STREAM_BATCH} samples at {@code rate} samples/s in total, each device on its own beat. */
  private Latency paceUploads(double rate, Duration duration, Upload upload, String what) throws Exception {
    Recorder latency = new Recorder(3);
    double perDevicePerSecond = rate / devices;
    long periodNanos = (long) (1e9 * STREAM_BATCH / Math.max(perDevicePerSecond, 1));
    ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
    AtomicLong sent = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Phaser inFlight = new Phaser(1);
    long start = System.nanoTime();
    for (int d = 0; d < devices; d++) {
      int device = d;
      SyntheticDevice source = new SyntheticDevice(Instant.now().minus(Duration.ofDays(1)).plusSeconds(60));
      ticks.scheduleAtFixedRate(() -> {
        List<Sample> batch;
        synchronized (source) {
          batch = source.next(STREAM_BATCH);
        }
        long t0 = System.nanoTime();
        inFlight.register();
        upload.send(device, batch).whenComplete((ignored, failure) -> {
          if (failure == null) {
            latency.recordValue((System.nanoTime() - t0) / 1000);
            sent.addAndGet(batch.size());
          } else {
            failed.incrementAndGet();
          }
          inFlight.arriveAndDeregister();
        });
      }, (long) (Math.random() * periodNanos), periodNanos, TimeUnit.NANOSECONDS);
    }
    try (Progress.Timed progress = Progress.timed(out, what, "samples durable", duration, sent::get)) {
      Thread.sleep(duration.toMillis());
    }
    ticks.shutdown();
    ticks.awaitTermination(10, TimeUnit.SECONDS);
    inFlight.arriveAndAwaitAdvance();
    if (failed.get() > 0) {
      out.printf("  %d uploads failed%n", failed.get());
    }
    org.HdrHistogram.Histogram h = latency.getIntervalHistogram();
    return new Latency(sent.get() / seconds(System.nanoTime() - start), h.getTotalCount(), h.getMean() / 1000,
        ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)));
  }

  private List<String> startWorkouts(String token, String label) {
    TrainingServiceBlockingStub training = channels.stub(endpoint("training"), TrainingServiceBlockingStub.class,
        BenchAuth.serviceToken(runtime, athleteOf(token), "training"));
    List<String> workouts = new ArrayList<>();
    for (int d = 0; d < devices; d++) {
      String id = "bench-" + label + "-" + UUID.randomUUID();
      training.startWorkout(StartWorkoutRequest.newBuilder().setWorkoutId(id).setSport(Sport.SPORT_RUN)
          .setStartTime(ProtoTime.toTimestamp(Instant.now().minus(Duration.ofDays(1))))
          .setTimeZone("UTC").build());
      workouts.add(id);
    }
    return workouts;
  }

  private String endpoint(String name) {
    return node.endpoint(name);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  /** The figures of one run. */
  public record BenchResult(int devices, Duration phase, double rawGrpcSamplesPerS, double rawCqlRowsPerS,
      double ingestSamplesPerS, Latency halfLoad, Latency rawCqlHalfLoad, Map<String, StageTimings.StageSummary> maxStages,
      Map<String, StageTimings.StageSummary> halfStages, long peakHeapMiB, PhaseLoads loads,
      double uploadsSamplesPerS, Latency halfOfUploads) {}

  /** What else the machine did during each phase ({@link PhaseLoad#during()}). */
  public record PhaseLoads(String streamsAtMax, String halfLoad, String rawHalfLoad, String uploadsAtMax,
      String halfOfUploads) {}

  /** The athlete a development token is for. */
  private String athleteOf(String token) {
    return runtime.auth().clients().verify(token).athleteId();
  }
}
