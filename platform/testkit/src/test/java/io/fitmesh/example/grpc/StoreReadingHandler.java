package io.fitmesh.example.grpc;

/** A handler that builds an outbound adapter itself: what HANDLERS_CALL_USE_CASES_NOT_ADAPTERS forbids. */
public final class StoreReadingHandler {
  public Object store() {
    return new io.fitmesh.example.adapters.HandlerCallingStore();
  }
}
