package io.fitmesh.platform.config;

/** Where FitMesh keeps its data and sends its events. Always chosen explicitly (FITMESH_BACKENDS or --backends). */
public enum Backends {
  /** One JVM, in-memory event bus and stores with the real adapters' semantics; data is lost on exit. */
  EMBEDDED,
  /** Real Pulsar, CQL server and Redis started on this machine by the project's infra launcher. */
  LOCAL,
  /** Existing Pulsar, ScyllaDB and Redis clusters whose addresses come from settings. */
  CLUSTER
}
