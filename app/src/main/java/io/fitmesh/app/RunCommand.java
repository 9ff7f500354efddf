package io.fitmesh.app;

import io.fitmesh.infra.InfraLauncher;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.ServiceServer;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
      "Run the BFF and every service in one JVM, each on its own port on 127.0.0.1, until Ctrl-C",
      "(or, with --processes, each deployable as its own JVM).",
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

  @Option(names = "--processes",
      description = {
        "Run each deployable (telemetry, training, social, challenge, reco, bff) as its own JVM from its own main,",
        "as in a cluster, with the others' addresses in its settings; logs in .run/processes/. Needs local or",
        "cluster backends."
      })
  boolean processes;

  @Option(names = "--instances", paramLabel = "NAME=N", split = ",",
      description = "With --processes: instances of a deployable, e.g. training=2 (the n-th listens 100 ports above the first).")
  Map<String, Integer> instances = new LinkedHashMap<>();

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
      if (processes && chosen == Backends.EMBEDDED) {
        throw new ConfigException("--processes needs --backends local or cluster: separate processes cannot share"
            + " in-memory stores");
      }
      if (!instances.isEmpty() && !processes) {
        throw new ConfigException("--instances needs --processes");
      }
      if (instances.values().stream().anyMatch(n -> n < 1 || n > 9)) {
        throw new ConfigException("--instances: from 1 to 9 of a deployable, got " + instances);
      }
      if (chosen != Backends.CLUSTER && settings.optional("FITMESH_COMMERCE_PARTNERS").isEmpty()) {
        catalogue = new ReferenceCatalogue();
        settings = settings.withOverrides(Map.of("FITMESH_COMMERCE_PARTNERS", CommerceCommand.serve(catalogue,
            settings.port("FITMESH_COMMERCE_CATALOGUE_PORT", ReferenceCatalogue.DEFAULT_PORT))));
      }
      PlatformConfig config = PlatformConfig.from(settings, chosen);
      if (chosen == Backends.LOCAL) {
        InfraLauncher.forCheckout(out).up(InfraLauncher.ALL);
      }
      if (processes) {
        return runProcesses(config, settings, chosen, catalogue, out);
      }
      runtime = PlatformRuntime.open(config, "fitmesh");
    } catch (ConfigException | BackendUnreachableException | IOException e) {
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

  private int runProcesses(PlatformConfig config, Settings settings, Backends chosen, ReferenceCatalogue catalogue,
      PrintStream out) throws Exception {
    Map<String, String> extra = settings.optional("FITMESH_COMMERCE_PARTNERS")
        .map(partners -> Map.of("FITMESH_COMMERCE_PARTNERS", partners)).orElse(Map.of());
    out.println("Starting each deployable as its own process (" + chosen.name().toLowerCase(Locale.ROOT)
        + " backends; logs in .run/processes/)...");
    ProcessCluster cluster;
    try {
      cluster = ProcessCluster.start(chosen, extra, instances, ProcessCluster.portsFrom(config),
          InfraLauncher.findRepoRoot().resolve(".run/processes"), Duration.ofMinutes(3), out);
    } catch (IllegalStateException e) {
      System.err.println("fitmesh run: " + e.getMessage());
      if (catalogue != null) {
        catalogue.close();
      }
      return 1;
    }
    out.println("FitMesh is running as " + cluster.instances().size() + " processes; BFF on http://"
        + cluster.endpoint("bff") + ". Press Ctrl-C to stop them all.");
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      out.println("stopping every process (each drains its in-flight calls)...");
      cluster.close();
      if (catalogue != null) {
        catalogue.close();
      }
      out.println("stopped");
      stopped.countDown();
    }, "fitmesh-processes-shutdown"));
    Set<String> reported = new HashSet<>();
    while (!stopped.await(2, TimeUnit.SECONDS)) {
      for (ProcessCluster.Instance instance : cluster.instances()) {
        if (!stopping.get() && !instance.process().isAlive() && reported.add(instance.label())) {
          out.println("  " + instance.label() + " " + instance.state() + " (see " + instance.log() + ")");
        }
      }
    }
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
