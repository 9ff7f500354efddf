package io.fitmesh.app.bench;

import static io.fitmesh.app.bench.BenchReport.ms;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.MediaType;
import io.fitmesh.app.FitmeshNode;
import io.fitmesh.bff.v1.CreateCampaignRequest;
import io.fitmesh.bff.v1.CreateGearRequest;
import io.fitmesh.bff.v1.GetRecommendationsRequest;
import io.fitmesh.bff.v1.GetRecommendationsResponse;
import io.fitmesh.bff.v1.ListGearRequest;
import io.fitmesh.bff.v1.MobileAdminServiceGrpc.MobileAdminServiceBlockingStub;
import io.fitmesh.bff.v1.MobileRecoServiceGrpc.MobileRecoServiceBlockingStub;
import io.fitmesh.bff.v1.MobileRecoServiceGrpc.MobileRecoServiceFutureStub;
import io.fitmesh.bff.v1.UpdateProfileRequest;
import io.fitmesh.commerce.partner.FaultPlan;
import io.fitmesh.commerce.partner.ReferenceCatalogue;
import io.fitmesh.common.v1.Sport;
import io.fitmesh.common.v1.Visibility;
import io.fitmesh.platform.auth.VerifiedToken;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.promo.v1.Audience;
import io.fitmesh.promo.v1.Campaign;
import io.fitmesh.reco.v1.Gear;
import io.fitmesh.reco.v1.RecoProfile;
import io.fitmesh.training.v1.AnalyticsServiceGrpc.AnalyticsServiceBlockingStub;
import io.fitmesh.training.v1.GetTrainingStatusRequest;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.Workout;
import io.fitmesh.training.v1.WorkoutState;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * fitmesh bench reco, in local mode with the reference catalogue as the partner on loopback, answering in 20 ms, and
 * the availability cache off (every screen asks the partner, as the raw baseline does):
 * <ol>
 *   <li>throughput, closed loop with {@code concurrency} callers: raw (the same downstream calls made directly:
 *       analytics GetTrainingStatus over gRPC and one catalogue HTTP call) next to the whole screen through the BFF;
 *   <li>latency at {@code rate} screens/s through the BFF (open loop, from the intended start);
 *   <li>the same with the catalogue hanging: every answer must still come, in time, saying why offers are missing.
 * </ol>
 * Athletes are DE runners with shoes at their retire distance, so each screen makes an offer.
 */
public final class RecoBenchmark implements AutoCloseable {
  private static final int IN_FLIGHT = 2048;
  private static final String SKU = "SHOE-PEG40-42";

  /** What one run measured. */
  public record Result(int athletes, int concurrency, int seconds, long rawCalls, double rawPerS, long bffCalls,
      double bffPerS, long bffFailures, int rate, long loadCalls, long loadFailures, long loadWithOffers,
      double loadP50Ms, double loadP99Ms, long deadlineMs, long hangCalls, long hangFailures, long hangWithReason,
      double hangP50Ms, double hangP99Ms) {}

  private final PrintStream out;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final ReferenceCatalogue catalogue;
  private final PlatformRuntime runtime;
  private final FitmeshNode node;
  private final GrpcChannels channels;
  private final long deadlineMs;

  public RecoBenchmark(Settings settings, PrintStream out) throws Exception {
    this.out = out;
    catalogue = new ReferenceCatalogue(new FaultPlan(Duration.ofMillis(20), 0, false, false));
    catalogue.start(0);
    Settings withCatalogue = settings.withOverrides(Map.of("FITMESH_COMMERCE_PARTNERS", catalogue.partnersSetting(),
        "FITMESH_COMMERCE_CACHE_TTL", "1ms", "FITMESH_COMMERCE_STALE_FOR", "0ms"));
    runtime = PlatformRuntime.open(PlatformConfig.from(withCatalogue, Backends.LOCAL), "bench");
    deadlineMs = withCatalogue.duration("FITMESH_COMMERCE_DEADLINE", Duration.ofMillis(150)).toMillis();
    node = FitmeshNode.start(runtime);
    channels = new GrpcChannels(runtime.openTelemetry(), Duration.ofSeconds(30));
  }

  public Result run(int athletes, int concurrency, int rate, int seconds) throws Exception {
    List<String> ids = seed(athletes);
    List<MobileRecoServiceFutureStub> screens = new ArrayList<>();
    List<MobileRecoServiceBlockingStub> blockingScreens = new ArrayList<>();
    List<AnalyticsServiceBlockingStub> analytics = new ArrayList<>();
    for (String id : ids) {
      String token = runtime.tokens().mint(id, Duration.ofHours(2));
      screens.add(channels.stub(bff(), MobileRecoServiceFutureStub.class, token));
      blockingScreens.add(channels.stub(bff(), MobileRecoServiceBlockingStub.class, token));
      analytics.add(channels.stub(node.endpoint("training"), AnalyticsServiceBlockingStub.class,
          BenchAuth.serviceToken(runtime, id, "training")));
    }
    WebClient shop = WebClient.builder().responseTimeout(Duration.ofSeconds(10)).build();
    String question = "{\"region\":\"DE\",\"skus\":[\"" + SKU + "\"]}";
    GetRecommendationsRequest ask = GetRecommendationsRequest.getDefaultInstance();

    out.printf("  warm-up: %d s through the BFF ...%n", 2);
    ClosedLoop.run(out, "warm-up screens", concurrency, 2, i -> blockingScreens.get(i % ids.size())
        .getRecommendations(ask));
    out.printf("  throughput, %d callers for %d s: raw downstream calls ...%n", concurrency, seconds);
    ClosedLoop.Counts raw = ClosedLoop.run(out, "raw", concurrency, seconds, i -> {
      analytics.get(i % ids.size()).getTrainingStatus(GetTrainingStatusRequest.getDefaultInstance());
      AggregatedHttpResponse answer = shop.prepare().post(catalogue.baseUrl("DE") + "/v1/availability")
          .content(MediaType.JSON_UTF_8, question).execute().aggregate().join();
      if (answer.status().code() != 200) {
        throw new IllegalStateException("catalogue answered " + answer.status());
      }
    });
    out.printf("  throughput, %d callers for %d s: screens through the BFF ...%n", concurrency, seconds);
    ClosedLoop.Counts bff = ClosedLoop.run(out, "screens", concurrency, seconds, i -> blockingScreens
        .get(i % ids.size()).getRecommendations(ask));

    out.printf("  latency at %d screens/s for %d s, catalogue answering in 20 ms ...%n", rate, seconds);
    AtomicLong withOffers = new AtomicLong();
    AtomicLong next = new AtomicLong();
    Recorder load = new Recorder(3);
    OpenLoop.Counts loaded = OpenLoop.run(out, "screens", rate, seconds, IN_FLIGHT,
        () -> screens.get((int) (next.getAndIncrement() % ids.size())).getRecommendations(ask),
        (GetRecommendationsResponse r) -> {
          if (r.getRecommendations().getOffersCount() > 0) {
            withOffers.incrementAndGet();
          }
          return r.getRecommendations().hasToday();
        }, load);
    Histogram loadLatency = load.getIntervalHistogram();

    out.printf("  latency at %d screens/s for %d s, catalogue hanging ...%n", rate, seconds);
    catalogue.faults().latency(Duration.ofMinutes(5));
    AtomicLong withReason = new AtomicLong();
    Recorder hang = new Recorder(3);
    OpenLoop.Counts hung = OpenLoop.run(out, "screens", rate, seconds, IN_FLIGHT,
        () -> screens.get((int) (next.getAndIncrement() % ids.size())).getRecommendations(ask),
        (GetRecommendationsResponse r) -> {
          if (!r.getRecommendations().getPromosUnavailableReason().isEmpty()) {
            withReason.incrementAndGet();
          }
          return r.getRecommendations().hasToday();
        }, hang);
    catalogue.faults().reset();
    Histogram hangLatency = hang.getIntervalHistogram();
    return new Result(athletes, concurrency, seconds, raw.calls(), raw.perSecond(), bff.calls(), bff.perSecond(),
        bff.failures(), rate, loaded.calls(), loaded.failures(), withOffers.get(), ms(loadLatency, 50),
        ms(loadLatency, 99), deadlineMs, hung.calls(), hung.failures(), withReason.get(), ms(hangLatency, 50),
        ms(hangLatency, 99));
  }

  /** DE runners with a shoe worn to its retire distance (three finished runs each), and a campaign for shoes. */
  private List<String> seed(int athletes) throws InterruptedException {
    List<String> ids = new ArrayList<>();
    Progress progress = new Progress(out, "athletes", athletes);
    for (int i = 0; i < athletes; i++) {
      String id = "rb-" + run + "-" + i;
      ids.add(id);
      MobileRecoServiceBlockingStub app = channels.stub(bff(), MobileRecoServiceBlockingStub.class,
          runtime.tokens().mint(id, Duration.ofHours(2)));
      app.updateProfile(UpdateProfileRequest.newBuilder().setProfile(RecoProfile.newBuilder().setRegion("DE")).build());
      app.createGear(CreateGearRequest.newBuilder().setGear(Gear.newBuilder().setName("Pegasus 40").setBrand("Nike")
          .setSport(Sport.SPORT_RUN).setRetireDistanceM(50_000).setDefaultForSport(true)).build());
      for (int day = 1; day <= 3; day++) {
        runtime.events().publish("training.completed", id, TrainingCompleted.newBuilder()
            .setWorkout(run(id, Instant.now().minus(Duration.ofDays(day * 2L)))).build());
      }
      progress.at(i + 1);
    }
    MobileRecoServiceBlockingStub last = channels.stub(bff(), MobileRecoServiceBlockingStub.class,
        runtime.tokens().mint(ids.get(ids.size() - 1), Duration.ofHours(1)));
    long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (last.listGear(ListGearRequest.getDefaultInstance()).getGear(0).getDistanceM() < 60_000
        && System.nanoTime() < until) {
      Thread.sleep(200);
    }
    channels.stub(bff(), MobileAdminServiceBlockingStub.class,
        runtime.tokens().mint("rb-" + run + "-ops", Duration.ofHours(1), VerifiedToken.ADMIN))
        .createCampaign(CreateCampaignRequest.newBuilder().setCampaign(Campaign.newBuilder()
            .setTitle("Time for new shoes").addRegions("DE").addSports(Sport.SPORT_RUN)
            .setAudience(Audience.AUDIENCE_GEAR_DUE).addSkus(SKU).setDiscountPercent(25)
            .setStartsAt(ProtoTime.toTimestamp(Instant.now().minusSeconds(60)))
            .setEndsAt(ProtoTime.toTimestamp(Instant.now().plus(Duration.ofDays(30))))
            .setFrequencyCap(100).setFrequencyWindowDays(1).setBudget(100_000_000)).build());
    return ids;
  }

  private static Workout run(String athlete, Instant start) {
    Workout.Builder w = Workout.newBuilder().setWorkoutId(UUID.randomUUID().toString()).setAthleteId(athlete)
        .setSport(Sport.SPORT_RUN).setStartTime(ProtoTime.toTimestamp(start)).setTimeZone("Europe/Berlin")
        .setVisibility(Visibility.VISIBILITY_ONLY_ME).setState(WorkoutState.WORKOUT_STATE_FINISHED).setTitle("Run");
    w.getSummaryBuilder().setEndTime(ProtoTime.toTimestamp(start.plusSeconds(6000))).setDistanceM(20_000)
        .setElapsedS(6000).setMovingS(6000).setAverageHeartRateBpm(150).setMaxHeartRateBpm(182)
        .addBestEfforts(io.fitmesh.training.v1.BestEffort.newBuilder().setName("5 km").setDistanceM(5000)
            .setElapsedS(1480));
    return w.build();
  }

  private String bff() {
    return node.endpoint("bff");
  }


  @Override
  public void close() {
    node.close();
    catalogue.close();
  }
}
