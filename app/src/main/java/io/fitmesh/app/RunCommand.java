package io.fitmesh.app;

import io.fitmesh.infra.InfraLauncher;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.ServiceServer;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import io.fitmesh.commerce.partner.ReferenceCatalogue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** fitmesh run: the BFF and every service in one JVM. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the BFF and every service in one JVM, each on its own port on 127.0.0.1, until Ctrl-C.",
      "Ports (FITMESH_<NAME>_PORT): BFF 8080, telemetry 9091, training 9092, social 9093 (with group and",
      "notification), challenge 9094, reco 9095 (with promo and commerce). Unless FITMESH_COMMERCE_PARTNERS names",
      "partners' catalogues, the reference catalogue is served on FITMESH_COMMERCE_CATALOGUE_PORT (9190) for them.",
      "Other settings: README.md."
    })
final class RunCommand implements Callable<Integer> {

  @Option(names = "--backends", paramLabel = "KIND",
      description = {
        "embedded: in-memory event bus and stores, nothing to install; data is lost on exit.",
        "local: real Pulsar, CQL server and Redis on this machine, started by 'fitmesh infra up' if not running.",
        "cluster: existing servers named by FITMESH_PULSAR_URL, FITMESH_CQL_CONTACT_POINTS, FITMESH_REDIS_ADDRESS.",
        "Default: FITMESH_BACKENDS if set, else embedded."
      })
  Backends backends;

  @Override
  public Integer call() throws Exception {
    Settings settings = Settings.fromEnvironment();
    Backends chosen = backends != null
        ? backends
        : settings.choice("FITMESH_BACKENDS", Backends.class).orElse(Backends.EMBEDDED);
    PrintStream out = System.out;
    PlatformRuntime runtime;
    ReferenceCatalogue catalogue = null;
    try {
      if (chosen != Backends.CLUSTER && settings.optional("FITMESH_COMMERCE_PARTNERS").isEmpty()) {
        catalogue = new ReferenceCatalogue();
        settings = settings.withOverrides(Map.of("FITMESH_COMMERCE_PARTNERS", CommerceCommand.serve(catalogue,
            settings.port("FITMESH_COMMERCE_CATALOGUE_PORT", ReferenceCatalogue.DEFAULT_PORT))));
      }
      PlatformConfig config = PlatformConfig.from(settings, chosen);
      if (chosen == Backends.LOCAL) {
        InfraLauncher.forCheckout(out).up(InfraLauncher.ALL);
      }
      runtime = PlatformRuntime.open(config, "fitmesh");
    } catch (ConfigException | BackendUnreachableException e) {
      System.err.println("fitmesh run: " + e.getMessage());
      if (catalogue != null) {
        catalogue.close();
      }
      return 2;
    }
    FitmeshNode node;
    try {
      node = FitmeshNode.start(runtime);
    } catch (RuntimeException e) {
      if (catalogue != null) {
        catalogue.close();
      }
      throw e;
    }
    printEndpoints(out, node, chosen, catalogue);
    ReferenceCatalogue served = catalogue;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("stopping: draining in-flight calls...");
      node.close();
      if (served != null) {
        served.close();
      }
      out.println("stopped");
      stopped.countDown();
    }, "fitmesh-shutdown"));
    stopped.await();
    return 0;
  }

  private static void printEndpoints(PrintStream out, FitmeshNode node, Backends backends,
      ReferenceCatalogue catalogue) {
    out.println("FitMesh is running (" + backends.name().toLowerCase(Locale.ROOT) + " backends):");
    for (ServiceServer server : node.servers()) {
      out.printf("  %-10s grpc+http://%s   docs http://%s/docs/%n", server.name(), server.endpoint(),
          server.endpoint());
    }
    if (backends == Backends.EMBEDDED) {
      out.println();
      out.println("  !! DATA IS KEPT IN MEMORY ONLY: everything is lost when this process stops.");
      out.println("  !! Use 'fitmesh run --backends local' for real Pulsar, CQL and Redis.");
    }
    node.servers().stream().filter(s -> s.name().equals("bff")).findFirst().ifPresent(bff -> {
      out.println();
      out.println("  Try it: T=$(./fitmesh token --athlete alice)");
      out.println("          curl -H \"authorization: Bearer $T\" http://" + bff.endpoint() + "/v1/workouts");
    });
    if (catalogue != null) {
      out.printf("  %-10s http://127.0.0.1:%d/<region>/v1/availability (reference catalogue: %s)%n", "catalogue",
          catalogue.port(), String.join(", ", ReferenceCatalogue.REGIONS));
    }
    out.println();
    out.println("Press Ctrl-C to stop.");
  }
}
