package io.fitmesh.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  @Test
  void domainFailure_keepsItsMessage_andGainsErrorInfo() throws Exception {
    com.google.rpc.Status status =
        ErrorMapper.toStatusProto(DomainException.invalidArgument("sport", "sport is required"));

    assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
    assertThat(status.getMessage()).isEqualTo("sport is required");
    ErrorInfo info = status.getDetails(0).unpack(ErrorInfo.class);
    assertThat(info.getDomain()).isEqualTo("fitmesh.io");
    assertThat(info.getReason()).isEqualTo("ERROR_REASON_INVALID_FIELD");
    assertThat(info.getMetadataMap()).containsEntry("field", "sport");
  }

  @Test
  void everyDomainKind_mapsToItsCanonicalCode() {
    assertThat(ErrorMapper.codeOf(DomainException.Kind.NOT_FOUND)).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(ErrorMapper.codeOf(DomainException.Kind.UNAVAILABLE)).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(ErrorMapper.codeOf(DomainException.Kind.RESOURCE_EXHAUSTED))
        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    for (DomainException.Kind kind : DomainException.Kind.values()) {
      assertThat(ErrorMapper.codeOf(kind).name()).isEqualTo(kind.name());
    }
  }

  @Test
  void unexpectedFailure_becomesInternal_withoutTheExceptionText() {
    com.google.rpc.Status status = ErrorMapper.toStatusProto(
        new IllegalStateException("com.datastax.oss.driver: node /10.0.0.7 timed out"));

    assertThat(status.getCode()).isEqualTo(Code.INTERNAL_VALUE);
    assertThat(status.getMessage()).startsWith("internal error (error id ").doesNotContain("datastax", "10.0.0.7");
  }

  @Test
  void unavailableBackend_hidesTheDriverCause() {
    com.google.rpc.Status status = ErrorMapper.toStatusProto(new CompletionException(
        DomainException.unavailable("workout store unavailable", new RuntimeException("All host(s) tried"))));

    assertThat(status.getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
    assertThat(status.getMessage()).isEqualTo("workout store unavailable");
  }

  @Test
  void downstreamStatus_isRelayedUnchanged() {
    com.google.rpc.Status status = ErrorMapper.toStatusProto(
        Status.PERMISSION_DENIED.withDescription("not your workout").asRuntimeException());

    assertThat(status.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
    assertThat(status.getMessage()).isEqualTo("not your workout");
  }

  @Test
  void aCallToAServiceThatDiedMidCall_isUnavailable_soTheClientRetries_notAnInternalError() {
    StatusRuntimeException brokeOff =
        Status.UNKNOWN.withCause(com.linecorp.armeria.common.ClosedSessionException.get()).asRuntimeException();
    Metadata trailers = new Metadata();

    Status answered = new ErrorMapper().apply(
        ServiceRequestContext.of(HttpRequest.of(HttpMethod.POST, "/fitmesh.bff.v1.MobileWorkoutService/FinishWorkout")),
        brokeOff.getStatus(), brokeOff, trailers);

    assertThat(answered.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(answered.getDescription()).isEqualTo("a service call broke off; retry");
    assertThat(ErrorMapper.toStatusProto(brokeOff).getCode()).as("where a handler maps it itself")
        .isEqualTo(Code.UNAVAILABLE_VALUE);
  }

  @Test
  void aClientThatWentAway_isCancelled_notAnInternalError() {
    for (Throwable gone : new Throwable[] {
        com.linecorp.armeria.common.ResponseCompleteException.get(),
        com.linecorp.armeria.common.ClosedSessionException.get(),
        com.linecorp.armeria.common.stream.AbortedStreamException.get(),
        com.linecorp.armeria.common.stream.CancelledSubscriptionException.get(),
        new java.util.concurrent.CancellationException("cancelled")}) {
      assertThat(ErrorMapper.toStatusProto(new CompletionException(gone)).getCode())
          .as(gone.getClass().getSimpleName()).isEqualTo(Code.CANCELLED_VALUE);
    }
  }

  @Test
  void aLongMessage_isCutToAKilobyte_soItFitsInHeaders() {
    com.google.rpc.Status domain = ErrorMapper.toStatusProto(DomainException.invalidArgument("x", "é".repeat(5000)));
    com.google.rpc.Status relayed = ErrorMapper.toStatusProto(
        Status.NOT_FOUND.withDescription("y".repeat(100_000)).asRuntimeException());

    assertThat(domain.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(1024);
    assertThat(domain.getMessage()).endsWith("...").startsWith("éé");
    assertThat(relayed.getMessage()).hasSizeLessThanOrEqualTo(1024);
    assertThat(relayed.getCode()).isEqualTo(Code.NOT_FOUND_VALUE);
  }
}
