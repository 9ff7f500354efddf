package io.fitmesh.platform.errors;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.common.grpc.protocol.GrpcHeaderNames;
import com.linecorp.armeria.common.grpc.protocol.StatusMessageEscaper;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.grpc.UnframedGrpcErrorHandler;
import io.fitmesh.common.v1.ErrorReason;
import java.util.Base64;

/**
 * The error shape of HTTP/JSON calls (transcoded and unframed): the google.rpc.Status the gRPC status carries,
 * printed as JSON ({@code {"code":3,"message":"...","details":[{"@type":"...ErrorInfo",...}]}}), with the HTTP
 * status of its code (413 for a request too large, 429 for a rate limit). Errors Armeria raises before the gRPC
 * layer on gRPC routes (an unparsable body, a body over the route's limit) get the same shape, or a gRPC status
 * for gRPC and gRPC-Web clients.
 */
public final class JsonErrors {
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace()
      .usingTypeRegistry(JsonFormat.TypeRegistry.newBuilder().add(ErrorInfo.getDescriptor()).build());

  private JsonErrors() {}

  /** For GrpcServiceBuilder.unframedGrpcErrorHandler and httpJsonTranscodingErrorHandler. */
  public static final UnframedGrpcErrorHandler UNFRAMED = (ctx, status, response) -> {
    HttpHeaders trailers = response.trailers().isEmpty() ? response.headers() : response.trailers();
    com.google.rpc.Status proto = decode(trailers.get(GrpcHeaderNames.GRPC_STATUS_DETAILS_BIN));
    if (proto == null) {
      proto = com.google.rpc.Status.newBuilder().setCode(status.getCode().value())
          .setMessage(ErrorMapper.bound(status.getDescription() == null ? ""
              : StatusMessageEscaper.unescape(status.getDescription())))
          .build();
    }
    return json(proto).toHttpResponse();
  };

  /** For ServerBuilder.errorHandler: the errors Armeria answers itself on gRPC routes. */
  public static final ServerErrorHandler HTTP_LEVEL = new ServerErrorHandler() {
    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
      return null;
    }

    @Override
    public AggregatedHttpResponse renderStatus(ServiceRequestContext ctx, ServiceConfig config,
        RequestHeaders headers, HttpStatus status, String description, Throwable cause) {
      if (headers == null || config.service().as(GrpcService.class) == null) {
        return null;
      }
      com.google.rpc.Status proto;
      if (status.code() == 413) {
        proto = ErrorMapper.tooLarge("the request is larger than this call accepts (at most "
            + (ctx != null ? ctx.maxRequestLength() : config.maxRequestLength()) + " bytes)");
      } else if (status.code() == 400) {
        proto = ErrorMapper.toStatusProto(DomainException.invalidArgument("body",
            "the request body is not valid JSON for this call"));
      } else {
        return null;
      }
      MediaType type = headers.contentType();
      if (type != null && GrpcSerializationFormats.values().stream().anyMatch(f -> f.isAccepted(type))) {
        return AggregatedHttpResponse.of(ResponseHeaders.builder(HttpStatus.OK).contentType(type)
            .addInt(GrpcHeaderNames.GRPC_STATUS, proto.getCode())
            .add(GrpcHeaderNames.GRPC_MESSAGE, StatusMessageEscaper.escape(proto.getMessage()))
            .add(GrpcHeaderNames.GRPC_STATUS_DETAILS_BIN, Base64.getEncoder().encodeToString(proto.toByteArray()))
            .build());
      }
      return json(proto);
    }
  };

  static AggregatedHttpResponse json(com.google.rpc.Status proto) {
    String body;
    try {
      body = PRINTER.print(proto);
    } catch (InvalidProtocolBufferException e) {
      body = "{\"code\":" + proto.getCode() + "}";
    }
    return AggregatedHttpResponse.of(ResponseHeaders.builder(httpStatusOf(proto)).contentType(MediaType.JSON_UTF_8)
        .addInt(GrpcHeaderNames.GRPC_STATUS, proto.getCode()).build(), HttpData.ofUtf8(body));
  }

  private static com.google.rpc.Status decode(String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      return com.google.rpc.Status.parseFrom(Base64.getDecoder().decode(base64));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      return null;
    }
  }

  static HttpStatus httpStatusOf(com.google.rpc.Status proto) {
    if (hasReason(proto, ErrorReason.ERROR_REASON_REQUEST_TOO_LARGE)) {
      return HttpStatus.REQUEST_ENTITY_TOO_LARGE;
    }
    Code code = Code.forNumber(proto.getCode());
    return switch (code == null ? Code.UNKNOWN : code) {
      case OK -> HttpStatus.OK;
      case CANCELLED -> HttpStatus.CLIENT_CLOSED_REQUEST;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> HttpStatus.BAD_REQUEST;
      case DEADLINE_EXCEEDED -> HttpStatus.GATEWAY_TIMEOUT;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case ALREADY_EXISTS, ABORTED -> HttpStatus.CONFLICT;
      case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case RESOURCE_EXHAUSTED -> HttpStatus.TOO_MANY_REQUESTS;
      case UNIMPLEMENTED -> HttpStatus.NOT_IMPLEMENTED;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      default -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }

  private static boolean hasReason(com.google.rpc.Status proto, ErrorReason reason) {
    for (Any detail : proto.getDetailsList()) {
      try {
        if (detail.is(ErrorInfo.class) && reason.name().equals(detail.unpack(ErrorInfo.class).getReason())) {
          return true;
        }
      } catch (InvalidProtocolBufferException e) {
        return false;
      }
    }
    return false;
  }
}
