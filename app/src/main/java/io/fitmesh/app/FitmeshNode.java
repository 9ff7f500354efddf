package io.fitmesh.app;

import static java.util.Objects.requireNonNull;

import io.fitmesh.bff.BffDeployable;
import io.fitmesh.challenge.ChallengeDeployable;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.platform.server.ServiceServer;
import io.fitmesh.reco.RecoServices;
import io.fitmesh.social.SocialServices;
import io.fitmesh.telemetry.TelemetryDeployable;
import io.fitmesh.training.TrainingDeployable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Every FitMesh deployable in one JVM, each on its own port as it would be in a cluster, sharing one
 * {@link PlatformRuntime}. {@code fitmesh run} and the end-to-end tests start exactly this.
 */
public final class FitmeshNode implements AutoCloseable {
  /** The deployables in start order: services first, the BFF (which calls them) last. */
  static final List<Function<PlatformRuntime, FitmeshService>> DEPLOYABLES = List.of(
      TelemetryDeployable::new,
      TrainingDeployable::new,
      SocialServices::start,
      ChallengeDeployable::new,
      RecoServices::start,
      BffDeployable::new);

  private final PlatformRuntime runtime;
  private final List<ServiceServer> servers;

  private FitmeshNode(PlatformRuntime runtime, List<ServiceServer> servers) {
    this.runtime = runtime;
    this.servers = List.copyOf(servers);
  }

  /** Starts every deployable on its port in the runtime's config (FITMESH_&lt;NAME&gt;_PORT; 0 picks a free one). */
  public static FitmeshNode start(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    List<ServiceServer> started = new ArrayList<>();
    try {
      for (Function<PlatformRuntime, FitmeshService> factory : DEPLOYABLES) {
        FitmeshService service = factory.apply(runtime);
        ServiceServer server = ServiceServer.start(service, runtime.config().bindHost(),
            runtime.config().port(service.name()),
            runtime.config().drainTimeout(), runtime.openTelemetry(), runtime.auth());
        service.hostedNames().forEach(name -> runtime.services().register(name, server.endpoint()));
        started.add(server);
      }
    } catch (RuntimeException e) {
      started.forEach(ServiceServer::close);
      throw e;
    }
    return new FitmeshNode(runtime, started);
  }

  public List<ServiceServer> servers() {
    return servers;
  }

  /** host:port of the named deployable's server. */
  public String endpoint(String deployable) {
    return servers.stream().filter(s -> s.name().equals(deployable)).findFirst().map(ServiceServer::endpoint)
        .orElseThrow(() -> new IllegalArgumentException("no server " + deployable + " in this node"));
  }

  /**
   * Stops the BFF first (no new mobile calls), then the services together, each draining its in-flight calls;
   * then closes the backends.
   */
  @Override
  public void close() {
    ServiceServer bff = servers.get(servers.size() - 1);
    bff.close();
    CompletableFuture.allOf(servers.subList(0, servers.size() - 1).stream()
        .map(ServiceServer::stop)
        .toArray(CompletableFuture[]::new)).join();
    runtime.close();
  }
}
