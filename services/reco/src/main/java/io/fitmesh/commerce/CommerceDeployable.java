package io.fitmesh.commerce;

import static java.util.Objects.requireNonNull;

import io.fitmesh.commerce.adapters.HttpCatalogue;
import io.fitmesh.commerce.domain.Availabilities;
import io.fitmesh.commerce.grpc.CommerceHandler;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.grpc.BindableService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commerce deployable: CommerceService, the one component that talks to partners' regional catalogues (HTTP/JSON
 * per FITMESH_COMMERCE_PARTNERS, behind Armeria's deadline, retry, circuit breaker and concurrency limit) with an
 * availability cache that may serve stale answers. No store of its own. Runs inside the reco deployable by default,
 * or alone (CommerceMain).
 */
public final class CommerceDeployable implements FitmeshService {
  public static final String NAME = "commerce";
  private static final Logger log = LoggerFactory.getLogger(CommerceDeployable.class);

  private final HttpCatalogue catalogue;
  private final CommerceHandler handler;

  public CommerceDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    CommerceSettings settings = CommerceSettings.from(runtime.config());
    catalogue = new HttpCatalogue(settings.partners(), settings.deadline(), settings.maxConcurrent(),
        settings.circuitOpenFor());
    handler = new CommerceHandler(new Availabilities(catalogue, runtime.clock(), settings.freshFor(),
        settings.staleFor(), settings.maxSkus()));
    log.info("commerce partners: {}", settings.partners());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(handler);
  }

  @Override
  public void close() {
    catalogue.close();
  }
}
