package io.fitmesh.platform.server;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.concurrent.TimeUnit;

/**
 * Armeria turns a call's grpc-timeout into its own request timeout but leaves io.grpc.Context without deadline
 * and never cancels it. This runs each call in a cancellable Context that carries the deadline and is cancelled
 * when Armeria cancels the request (deadline passed, client cancelled, connection lost) or the call ends, so
 * long work can stop with {@code Context.current().isCancelled()}.
 */
final class DeadlineBridge implements ServerInterceptor {
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    ServiceRequestContext ctx = ServiceRequestContext.current();
    long timeoutMillis = ctx.requestTimeoutMillis();
    Context.CancellableContext context;
    if (timeoutMillis > 0) {
      long deadlineNanos = ctx.log().partial().requestStartTimeNanos() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      context = Context.current().withDeadline(Deadline.after(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS),
          ctx.eventLoop());
    } else {
      context = Context.current().withCancellation();
    }
    ctx.whenRequestCancelling().thenAccept(context::cancel);
    ServerCall.Listener<Q> delegate = Contexts.interceptCall(context, call, headers, next);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onCancel() {
        try {
          super.onCancel();
        } finally {
          context.cancel(null);
        }
      }

      @Override
      public void onComplete() {
        try {
          super.onComplete();
        } finally {
          context.cancel(null);
        }
      }
    };
  }
}
