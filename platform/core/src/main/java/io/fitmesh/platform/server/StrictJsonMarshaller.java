package io.fitmesh.platform.server;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.grpc.GrpcJsonMarshaller;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.errors.ErrorMapper;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Armeria's JSON marshaller, except that a request body it cannot read (not JSON, a string where a number
 * belongs, a number out of range or not whole) is INVALID_ARGUMENT in the usual error shape, not an internal
 * error. The parser's own words are not shown: they quote the input and the parser's insides.
 */
final class StrictJsonMarshaller implements GrpcJsonMarshaller {
  private final GrpcJsonMarshaller delegate;

  StrictJsonMarshaller(GrpcJsonMarshaller delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  @Override
  public <T> void serializeMessage(MethodDescriptor.Marshaller<T> marshaller, T message, OutputStream os)
      throws IOException {
    delegate.serializeMessage(marshaller, message, os);
  }

  @Override
  public <T> T deserializeMessage(MethodDescriptor.Marshaller<T> marshaller, InputStream is) throws IOException {
    try {
      return delegate.deserializeMessage(marshaller, is);
    } catch (IOException | RuntimeException e) {
      throw ErrorMapper.toStatusException(DomainException.invalidArgument("body",
          "the request body is not valid JSON for this call: check field names, that numbers are numbers (whole "
              + "where the field is whole, int64 within range) and that times are RFC 3339"));
    }
  }
}
