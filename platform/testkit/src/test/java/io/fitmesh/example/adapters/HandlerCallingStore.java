package io.fitmesh.example.adapters;

import io.fitmesh.example.grpc.StoreReadingHandler;

/** An adapter calling a handler, and reading settings: what the adapter and settings rules forbid. */
public final class HandlerCallingStore {
  public Object call(io.fitmesh.platform.config.Settings settings) {
    return new StoreReadingHandler();
  }
}
