package io.fitmesh.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One real server the launcher runs as its own process on 127.0.0.1. */
interface ManagedServer {

  /** pulsar, cql or redis. */
  String name();

  /** What clients connect to, e.g. pulsar://127.0.0.1:16650. */
  String address();

  /**
   * Writes config files into {@code dir} and returns the command line; {@code fresh} when the data directory
   * was just emptied (else the server resumes with its data).
   */
  List<String> prepare(Path dir, Path repoRoot, boolean fresh) throws IOException;

  /** True once the server answers its own protocol. */
  boolean isReady();

  /** How long a cold start may take on a loaded 2-core machine. */
  int startTimeoutSeconds();
}
