package io.fitmesh.platform.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.fitmesh.platform.errors.DomainException;
import io.grpc.BindableService;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.fitmesh.test.v1.LookupRequest;
import io.fitmesh.test.v1.LookupResponse;
import io.fitmesh.test.v1.LookupServiceGrpc;
import io.fitmesh.platform.auth.Authentication;
import io.fitmesh.platform.auth.DevTokens;
import io.fitmesh.platform.auth.VerifiedToken;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.client.GrpcChannels;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One real server (as production builds it) with a handler that fails on purpose, shared by the tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceServerTest {
  private static final Authentication AUTH = Authentication.from(
      PlatformConfig.from(Settings.of(java.util.Map.of()), Backends.EMBEDDED).auth(), Clock.systemUTC());
  private static final DevTokens TOKENS = AUTH.dev().orElseThrow();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private OpenTelemetrySdk openTelemetry;
  private GrpcChannels channels;
  private ServiceServer server;
  private final java.util.concurrent.atomic.AtomicInteger busyDone = new java.util.concurrent.atomic.AtomicInteger();
  private final CompletableFuture<Boolean> sawCancellation = new CompletableFuture<>();

  @BeforeAll
  void startServerWithAFailingService() {
    BindableService lookup = new LookupServiceGrpc.LookupServiceImplBase() {
      @Override
      public void internal(LookupRequest request, StreamObserver<LookupResponse> responses) {
        responses.onNext(LookupResponse.newBuilder().setValue("internal for "
            + io.fitmesh.platform.auth.Callers.athleteId()).build());
        responses.onCompleted();
      }

      @Override
      public void lookup(LookupRequest request, StreamObserver<LookupResponse> responses) {
        switch (request.getId()) {
          case "missing" -> throw DomainException.notFound("no workout missing");
          case "bug" -> throw new IllegalStateException("secret driver detail");
          case "busy" -> {
            io.grpc.Context call = io.grpc.Context.current();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!call.isCancelled() && System.nanoTime() < until) {
              sleep(10);
            }
            busyDone.incrementAndGet();
            throw new java.util.concurrent.CancellationException("gave up");
          }
          case "until-cancelled" -> {
            io.grpc.Context call = io.grpc.Context.current();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!call.isCancelled() && System.nanoTime() < until) {
              sleep(10);
            }
            sawCancellation.complete(call.isCancelled());
            throw new java.util.concurrent.CancellationException("gave up");
          }
          case "slow" -> CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(() -> {
            responses.onNext(LookupResponse.newBuilder().setValue("too late").build());
            responses.onCompleted();
          });
          default -> {
            responses.onNext(LookupResponse.newBuilder().setValue("found " + request.getId()).build());
            responses.onCompleted();
          }
        }
      }
    };
    FitmeshService service = new FitmeshService() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public List<String> hostedNames() {
        return List.of("test", "second");
      }

      @Override
      public List<BindableService> grpcServices() {
        return List.of(lookup);
      }

      @Override
      public java.util.Set<String> publicMethods() {
        return java.util.Set.of("fitmesh.test.v1.LookupService/Lookup");
      }
    };
    openTelemetry = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    server = ServiceServer.start(service, "127.0.0.1", 0, Duration.ofSeconds(1), openTelemetry, AUTH);
    channels = new GrpcChannels(openTelemetry, Duration.ofMillis(500));
  }

  @AfterAll
  void stop() {
    server.close();
    openTelemetry.close();
  }

  @Test
  void bindsLoopbackOnly_andAnswersHealthServing() {
    assertThat(server.endpoint()).startsWith("127.0.0.1:");
    assertThat(GrpcClients.newClient("http://" + server.endpoint(), HealthGrpc.HealthBlockingStub.class)
        .check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void domainFailure_reachesTheClientAsItsCanonicalCodeWithErrorInfo() throws Exception {
    StatusRuntimeException failure = catchCall("missing");

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(failure.getStatus().getDescription()).isEqualTo("no workout missing");
    ErrorInfo info = StatusProto.fromThrowable(failure).getDetails(0).unpack(ErrorInfo.class);
    assertThat(info.getReason()).isEqualTo("ERROR_REASON_NOT_FOUND");
  }

  @Test
  void unexpectedFailure_reachesTheClientAsInternal_withoutItsText() {
    StatusRuntimeException failure = catchCall("bug");

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(failure.getStatus().getDescription()).doesNotContain("secret");
  }

  @Test
  void success_passesThrough() {
    assertThat(call("w1").getValue()).isEqualTo("found w1");
  }

  @Test
  void everyCallThroughGrpcChannels_hasADeadline() {
    StatusRuntimeException failure = catchCall("slow");

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
  }

  @Test
  void aCallThroughGrpcChannels_continuesTheCallersTrace_onTheServer() {
    Span caller = openTelemetry.getTracer("test").spanBuilder("caller").startSpan();
    try (Scope ignored = caller.makeCurrent()) {
      call("traced");
    } finally {
      caller.end();
    }

    String traceId = caller.getSpanContext().getTraceId();
    await().atMost(Duration.ofSeconds(5)).until(() -> spans.getFinishedSpanItems().stream()
        .anyMatch(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId)));
    SpanData client = spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(traceId)).findFirst().orElseThrow();
    SpanData serverSpan = spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId)).findFirst().orElseThrow();
    assertThat(client.getParentSpanId()).isEqualTo(caller.getSpanContext().getSpanId());
    assertThat(serverSpan.getParentSpanId()).isEqualTo(client.getSpanId());
  }

  @Test
  void anOversizedJsonBody_isRefused() {
    byte[] body = new byte[30 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) ' ');
    com.linecorp.armeria.common.AggregatedHttpResponse response = com.linecorp.armeria.client.WebClient
        .builder("http://" + server.endpoint()).maxResponseLength(0).build()
        .execute(com.linecorp.armeria.common.HttpRequest.of(
            com.linecorp.armeria.common.RequestHeaders.builder(com.linecorp.armeria.common.HttpMethod.POST,
                    "/fitmesh.test.v1.LookupService/Lookup")
                .contentType(com.linecorp.armeria.common.MediaType.JSON_UTF_8)
                .add("authorization", "Bearer " + TOKENS.mint("athlete-1", Duration.ofMinutes(5)))
                .build(),
            com.linecorp.armeria.common.HttpData.wrap(body)))
        .aggregate().join();

    assertThat(response.status().code()).as("413 from the body cap or 429 (RESOURCE_EXHAUSTED) from the message cap")
        .isIn(413, 429);
  }

  @Test
  void callWithoutBearerToken_isUnauthenticated() {
    StatusRuntimeException failure = (StatusRuntimeException) catchThrowable(() ->
        GrpcClients.newClient("http://" + server.endpoint(), LookupServiceGrpc.LookupServiceBlockingStub.class)
            .lookup(LookupRequest.newBuilder().setId("w1").build()));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(failure.getStatus().getDescription()).contains("Bearer");
  }

  @Test
  void callWithATokenSignedByAnotherSecret_isUnauthenticated() {
    String forged = new DevTokens("another-secret-of-32-characters!", Duration.ofSeconds(30), Duration.ofHours(1),
        Clock.systemUTC()).mint("athlete-1", Duration.ofMinutes(5));

    StatusRuntimeException failure = (StatusRuntimeException) catchThrowable(() ->
        channels.stub(server.endpoint(), LookupServiceGrpc.LookupServiceBlockingStub.class, forged)
            .lookup(LookupRequest.newBuilder().setId("w1").build()));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  private LookupResponse call(String id) {
    return channels.stub(server.endpoint(), LookupServiceGrpc.LookupServiceBlockingStub.class,
            TOKENS.mint("athlete-1", Duration.ofMinutes(5)))
        .lookup(LookupRequest.newBuilder().setId(id).build());
  }

  private StatusRuntimeException catchCall(String id) {
    return (StatusRuntimeException) catchThrowable(() -> call(id));
  }


  @Test
  void healthChecks_answerWhileEveryHandlerThreadIsBusy() {
    var async = channels.stub(server.endpoint(), LookupServiceGrpc.LookupServiceFutureStub.class,
        TOKENS.mint("athlete-1", Duration.ofMinutes(5)));
    List<com.google.common.util.concurrent.ListenableFuture<LookupResponse>> busy = new java.util.ArrayList<>();
    for (int i = 0; i < 70; i++) {
      busy.add(async.withDeadlineAfter(60, TimeUnit.SECONDS).lookup(LookupRequest.newBuilder().setId("busy").build()));
    }

    ServingStatus status = GrpcClients.builder("http://" + server.endpoint()).responseTimeout(Duration.ofSeconds(15))
        .build(HealthGrpc.HealthBlockingStub.class).check(HealthCheckRequest.getDefaultInstance()).getStatus();

    assertThat(status).isEqualTo(ServingStatus.SERVING);
    assertThat(busyDone.get()).as("answered while all 64 handler threads were still busy").isZero();
    busy.forEach(f -> f.cancel(true));
    await().atMost(Duration.ofSeconds(60)).until(() -> busyDone.get() >= 64);
  }

  @Test
  void aCallsDeadline_cancelsItsGrpcContext_soLongWorkCanStop() throws Exception {
    StatusRuntimeException failure = (StatusRuntimeException) catchThrowable(() ->
        channels.stub(server.endpoint(), LookupServiceGrpc.LookupServiceBlockingStub.class,
                TOKENS.mint("athlete-1", Duration.ofMinutes(5)))
            .withDeadlineAfter(500, TimeUnit.MILLISECONDS)
            .lookup(LookupRequest.newBuilder().setId("until-cancelled").build()));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(sawCancellation.get(60, TimeUnit.SECONDS)).as("the handler saw its Context cancelled").isTrue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void anInternalMethod_takesAServiceTokenForADeployableThisServerHosts_only() {
    LookupRequest request = LookupRequest.newBuilder().setId("w1").build();
    VerifiedToken ana = new VerifiedToken("ana", java.util.Set.of());
    String forAnother = AUTH.services().mint(ana, "training");
    String client = TOKENS.mint("ana", Duration.ofMinutes(5));

    for (String hosted : new String[] {"test", "second"}) {
      String forHosted = AUTH.services().mint(ana, hosted);
      assertThat(channels.stub(server.endpoint(), LookupServiceGrpc.LookupServiceBlockingStub.class, forHosted)
          .internal(request).getValue()).isEqualTo("internal for ana");
    }
    for (String refused : new String[] {forAnother, client}) {
      StatusRuntimeException failure = (StatusRuntimeException) catchThrowable(() ->
          channels.stub(server.endpoint(), LookupServiceGrpc.LookupServiceBlockingStub.class, refused).internal(request));
      assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
  }
}
